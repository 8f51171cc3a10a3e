"""Frozen migration step (issue 18): group kinds, organisation sub-types, memberships, roles, diversity tags.

Self-contained so it can be renumbered at merge: its own SQL and its own frozen word table. What it
creates or fills is derived only from the synced rows (ids, values, stamps), never from the clock or
this laptop: two laptops migrating the same data make the same records with the same stamps."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import uuid

_SQL = """
ALTER TABLE groups ADD COLUMN kind TEXT;
ALTER TABLE groups ADD COLUMN include_home_governments INTEGER;
ALTER TABLE organisations ADD COLUMN subtype TEXT;
ALTER TABLE people ADD COLUMN indigenous INTEGER;
ALTER TABLE people ADD COLUMN youth INTEGER;
ALTER TABLE people ADD COLUMN disability INTEGER;
ALTER TABLE people ADD COLUMN affected_community INTEGER;
CREATE TABLE memberships (
  id TEXT PRIMARY KEY NOT NULL,
  organisation_id TEXT,
  group_id TEXT,
  status TEXT,
  start_date TEXT,
  end_date TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_memberships_organisation_id ON memberships(organisation_id);
CREATE INDEX idx_memberships_group_id ON memberships(group_id);
CREATE INDEX idx_memberships__ver ON memberships(_ver);
CREATE TABLE roles (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT,
  group_id TEXT,
  organisation_id TEXT,
  role TEXT,
  start_date TEXT,
  end_date TEXT,
  _stamps TEXT NOT NULL,
  _ver TEXT NOT NULL,
  FOREIGN KEY (person_id) REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (group_id) REFERENCES groups(id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation_id) REFERENCES organisations(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_roles_person_id ON roles(person_id);
CREATE INDEX idx_roles_group_id ON roles(group_id);
CREATE INDEX idx_roles_organisation_id ON roles(organisation_id);
CREATE INDEX idx_roles__ver ON roles(_ver)
"""

# The same namespace as repository.PAIR_NAMESPACE, written out: a membership made here has the id
# the API gives the same (organisation, group) pair.
_PAIR_NAMESPACE = uuid.UUID("8a0c5c9e-6f0e-4d56-9a43-2b1f0c8f7d11")

# Words that surely name a sub-type, in the six languages, matched as whole words in an
# organisation's kind (and, for embassies, its name), case- and accent-insensitively, only
# within the organisation's pillar. One match: sure. None or several: the coordinator decides.
WORDS: dict[str, tuple[str, ...]] = {
    "home_government": (
        "embassy", "high commission", "consulate", "home government", "ambassade", "consulat", "haut-commissariat",
        "embajada", "consulado", "embaixada", "kedutaan", "kedutaan besar", "kedubes", "konsulat", "သံရုံး",
        "ကောင်စစ်ဝန်",
    ),
    "public_security": (
        "police", "army", "military", "armed forces", "gendarmerie", "navy", "armee", "forces armees",
        "forces de securite", "policia", "ejercito", "fuerzas armadas", "fuerza publica", "forcas armadas",
        "exercito", "kepolisian", "polisi", "militer", "tentara", "tni", "ရဲ", "တပ်မတော်", "စစ်တပ်",
    ),
    "local_authority": (
        "local government", "regional government", "provincial government", "district government",
        "municipality", "local authority", "administration locale", "gouvernement provincial", "mairie",
        "gobierno local", "gobierno departamental", "gobernacion", "alcaldia", "municipalidad",
        "governo local", "governo provincial", "prefeitura", "municipio", "pemerintah daerah",
        "pemerintah provinsi", "pemerintah kabupaten", "pemda", "ဒေသ အုပ်ချုပ်ရေး",
    ),
    "host_government": (
        "ministry", "regulator", "government agency", "presidency", "ministere", "regulateur", "presidence",
        "ministerio", "regulador", "presidencia", "kementerian", "badan pemerintah", "ဝန်ကြီးဌာန", "ကြီးကြပ်ရေး",
    ),
    "extractive": (
        "mining", "oil and gas", "petroleum", "oil and gas services", "gold mining", "mines", "miniere",
        "petrole et gaz", "services petroliers", "mineria", "petroleo y gas", "servicios petroleros",
        "hidrocarburos", "mineracao", "petroleo e gas", "pertambangan", "tambang", "minyak dan gas",
        "သတ္တုတူးဖော်ရေး", "တူးဖော်ရေး", "ရေနံနှင့် သဘာဝဓာတ်ငွေ့",
    ),
    "private_security": (
        "private security", "security company", "securite privee", "seguridad privada", "seguranca privada",
        "keamanan swasta", "jasa keamanan swasta", "ပုဂ္ဂလိက လုံခြုံရေး",
    ),
    "company_other": (
        "agribusiness", "agro-industrie", "agroindustria", "agronegocio", "perkebunan kelapa sawit",
        "စိုက်ပျိုးရေး လုပ်ငန်း",
    ),
    "ngo": (
        "ngo", "ngo network", "ngo coalition", "non-governmental organisation", "legal aid", "ong",
        "reseau d'ong", "coalition d'ong", "aide juridique", "red de ong", "asesoria juridica",
        "plataforma de ong", "assistencia juridica", "lsm", "koalisi lsm", "bantuan hukum",
        "အစိုးရမဟုတ်သော အဖွဲ့အစည်း", "ဥပဒေ အကူအညီ", "လူ့အခွင့်အရေး အဖွဲ့",
    ),
    "community": (
        "community group", "community association", "community-based organisation", "community organisation",
        "association communautaire", "groupe communautaire", "organizacion comunitaria", "consejo comunitario",
        "grupo comunitario", "kelompok masyarakat", "ရပ်ရွာ အဖွဲ့",
    ),
    "indigenous": (
        "indigenous", "indigenous organisation", "organisation autochtone", "autochtone", "organizacion indigena",
        "indigena", "organizacao indigena", "masyarakat adat", "organisasi masyarakat adat", "တိုင်းရင်းသား",
    ),
    "womens": (
        "women's association", "women's organisation", "women's group", "association de femmes",
        "asociacion de mujeres", "associacao de mulheres", "organisasi perempuan", "အမျိုးသမီး အဖွဲ့",
    ),
    "youth": (
        "youth group", "youth organisation", "association de jeunes", "organizacion juvenil",
        "associacao juvenil", "organisasi pemuda", "လူငယ် အဖွဲ့",
    ),
    "trade_union": (
        "trade union", "labour union", "syndicat", "sindicato", "serikat buruh", "serikat pekerja",
        "အလုပ်သမား သမဂ္ဂ",
    ),
    "academia": (
        "university", "research centre", "research institute", "universite", "centre de recherche",
        "institut de recherche", "universidad", "centro de investigacion", "instituto de investigacion",
        "universidade", "centro de pesquisa", "universitas", "lembaga penelitian", "တက္ကသိုလ်", "သုတေသန",
    ),
    "media": (
        "media", "journalists", "press", "radio", "medias", "journalistes", "presse", "medios", "periodistas",
        "prensa", "midia", "imprensa", "jornalistas", "pers", "jurnalis", "မီဒီယာ", "သတင်းထောက်",
    ),
}
# Frozen copy of the pillar of each sub-type (choices.SUBTYPE_PILLAR may grow; this step may not).
_PILLAR_OF = {
    "home_government": "government", "public_security": "government", "local_authority": "government",
    "host_government": "government", "international": "observer", "extractive": "company",
    "private_security": "company", "company_other": "company", "ngo": "civil_society",
    "community": "civil_society", "indigenous": "civil_society", "womens": "civil_society",
    "youth": "civil_society", "trade_union": "civil_society", "academia": "civil_society", "media": "civil_society",
}


def normalise(text: str) -> str:
    """Case- and accent-insensitive form (Latin accents only: Burmese marks are letters, not accents)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    stripped = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", stripped)).strip()


def _says(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w']){re.escape(normalise(word))}(?![\w'])", text) is not None


def sure_subtype(pillar: str | None, kind: str | None, name: str | None) -> str | None:
    """The one sub-type the kind (or an embassy's name) surely names within the pillar; None when unsure."""
    allowed = [s for s, p in _PILLAR_OF.items() if p == pillar]
    if len(allowed) == 1:
        return allowed[0]  # observers: international organisations, whatever the kind says
    kind_text = normalise(kind or "")
    found = {s for s in allowed if any(_says(kind_text, w) for w in WORDS.get(s, ()))}
    if not found and pillar == "government":
        name_text = normalise(name or "")
        if any(_says(name_text, w) for w in WORDS["home_government"]):
            found = {"home_government"}
    return found.pop() if len(found) == 1 else None


def _field_stamp(stamps: dict[str, str], *fields: str) -> str:
    return max(stamps.get(f, stamps["*"]) for f in fields)


def _fill_group_kinds(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, parent_id, _stamps FROM groups").fetchall()
    for group_id, parent_id, raw in rows:
        stamps = json.loads(raw)
        stamp = _field_stamp(stamps, "parent_id")
        if stamp != stamps["*"]:
            stamps["kind"] = stamp  # derived from the parent: as new as the parent link it comes from
        conn.execute("UPDATE groups SET kind = ?, _stamps = ? WHERE id = ?",
                     ("regional" if parent_id else "national", json.dumps(stamps, sort_keys=True), group_id))


def _fill_subtypes_and_memberships(conn: sqlite3.Connection) -> int:
    unsure = 0
    rows = conn.execute("SELECT id, group_id, name, pillar, kind, _stamps FROM organisations").fetchall()
    for org_id, group_id, name, pillar, kind, raw in rows:
        stamps = json.loads(raw)
        subtype = sure_subtype(pillar, kind, name)
        if subtype is None:
            unsure += 1
        else:
            stamp = _field_stamp(stamps, "pillar", "kind", "name")
            if stamp != stamps["*"]:
                stamps["subtype"] = stamp
            conn.execute("UPDATE organisations SET subtype = ?, _stamps = ? WHERE id = ?",
                         (subtype, json.dumps(stamps, sort_keys=True), org_id))
        if group_id:
            created = stamps["*"]
            conn.execute(
                "INSERT OR IGNORE INTO memberships (id, organisation_id, group_id, status, start_date, end_date,"
                " _stamps, _ver) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)",
                (str(uuid.uuid5(_PAIR_NAMESPACE, f"{org_id}/{group_id}")), org_id, group_id,
                 "observer" if pillar == "observer" else "member", json.dumps({"*": created}), created))
    return unsure


def _focal_point_roles(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT p.id, p.organisation_id, o.group_id, p._stamps FROM people p"
        " JOIN organisations o ON o.id = p.organisation_id WHERE p.focal_point = 1 AND o.group_id IS NOT NULL"
    ).fetchall()
    for person_id, org_id, group_id, raw in rows:
        stamp = _field_stamp(json.loads(raw), "focal_point", "organisation_id")
        conn.execute(
            "INSERT OR IGNORE INTO roles (id, person_id, group_id, organisation_id, role, start_date, end_date,"
            " _stamps, _ver) VALUES (?, ?, ?, ?, 'focal_point', NULL, NULL, ?, ?)",
            (str(uuid.uuid5(_PAIR_NAMESPACE, f"{person_id}/{group_id}/focal_point/migrated")), person_id, group_id,
             org_id, json.dumps({"*": stamp}), stamp))


def migrate_members(conn: sqlite3.Connection) -> None:
    """Add the new columns and tables, fill what is sure, and note on this laptop what to tell the user."""
    for statement in [s.strip() for s in _SQL.split(";\n") if s.strip()]:
        conn.execute(statement)
    _fill_group_kinds(conn)
    unsure = _fill_subtypes_and_memberships(conn)
    _focal_point_roles(conn)
    had_data = conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] > 0
    notes = [("notice:home_governments_apart", "pending" if had_data else "done"),
             ("review:organisation_subtypes", "pending" if unsure else "done")]
    conn.executemany("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", notes)
