"""What people write for pillars, genders and statuses in sign-in sheets, in the six languages: one table."""

from __future__ import annotations

import unicodedata

# Lower-case, accent-free words (see `fold`) for each choice key, in en fr es pt id my, plus the
# usual abbreviations. Burmese is matched as written (it has no case and its marks are not accents).
PILLAR_WORDS: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "companies", "business", "private sector", "private", "industry", "corporate",
        "entreprise", "entreprises", "societe", "secteur prive", "prive", "industrie",
        "empresa", "empresas", "sector privado", "privado",
        "setor privado", "companhia",
        "perusahaan", "swasta", "sektor swasta", "bisnis",
        "ကုမ္ပဏီ", "စီးပွားရေး", "ပုဂ္ဂလိကကဏ္ဍ",
    ),
    "government": (
        "government", "governments", "gov", "govt", "public sector", "state",
        "gouvernement", "etat", "secteur public", "administration",
        "gobierno", "estado", "sector publico",
        "governo", "setor publico",
        "pemerintah", "pemerintahan", "negara",
        "အစိုးရ",
    ),
    "civil_society": (
        "civil society", "civil_society", "civil-society", "cso", "csos", "ngo", "ngos", "community",
        "societe civile", "ong", "osc", "communaute",
        "sociedad civil", "osc",
        "sociedade civil",
        "masyarakat sipil", "lsm", "ornop", "komunitas",
        "အရပ်ဘက်အဖွဲ့အစည်း", "လူထုအဖွဲ့အစည်း",
    ),
    "observer": (
        "observer", "observers", "international organisation", "international organization",
        "observateur", "observateurs", "observatrice", "organisation internationale",
        "observador", "observadores", "observadora", "organizacion internacional", "organizacao internacional",
        "pengamat", "peninjau", "organisasi internasional",
        "လေ့လာသူ", "လေ့လာသူများ",
    ),
}

GENDER_WORDS: dict[str, tuple[str, ...]] = {
    "female": ("female", "f", "woman", "w", "women", "femme", "feminin", "mujer", "femenino", "mulher", "feminino",
               "perempuan", "p", "wanita", "မ", "အမျိုးသမီး", "မိန်းမ"),
    "male": ("male", "m", "man", "men", "homme", "h", "masculin", "hombre", "masculino", "homem",
             "laki-laki", "laki laki", "l", "pria", "ကျား", "အမျိုးသား", "ယောက်ျား"),
    "other": ("other", "autre", "otro", "otra", "outro", "outra", "lainnya", "lain", "အခြား"),
}

ATTENDANCE_WORDS: dict[str, tuple[str, ...]] = {
    "present": ("present", "yes", "x", "present", "presente", "hadir", "ya", "oui", "si", "sim", "တက်ရောက်"),
    "excused": ("excused", "apologies", "excuse", "excusado", "justificado", "izin", "ခွင့်"),
    "absent": ("absent", "no", "non", "ausente", "tidak hadir", "nao", "မတက်ရောက်"),
}

ACTION_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "open": ("open", "ouvert", "ouverte", "abierto", "abierta", "aberto", "aberta", "terbuka", "ဖွင့်"),
    "in_progress": ("in progress", "in_progress", "en cours", "en curso", "en progreso", "em andamento",
                    "sedang berjalan", "berlangsung", "ဆောင်ရွက်ဆဲ"),
    "done": ("done", "complete", "completed", "fait", "termine", "hecho", "completado", "feito", "concluido",
             "selesai", "ပြီးစီး"),
    "dropped": ("dropped", "cancelled", "abandonne", "annule", "cancelado", "abandonado", "dibatalkan", "ရပ်ဆိုင်း"),
}


def fold(text: str) -> str:
    """Case, accents, underscores and spacing folded away: 'Société  Civile' → 'societe civile'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " ").casefold())
    # Combining marks are dropped only for Latin letters: in Myanmar script they are part of the letters.
    kept = "".join(c for c in decomposed
                    if not (unicodedata.combining(c) and "\u0300" <= c <= "\u036f"))
    return " ".join(unicodedata.normalize("NFC", kept).split())


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(word): key for key, words in table.items() for word in words}


_PILLARS, _GENDERS = _index(PILLAR_WORDS), _index(GENDER_WORDS)
_ATTENDANCE, _ACTION_STATUSES = _index(ATTENDANCE_WORDS), _index(ACTION_STATUS_WORDS)


def pillar_of(text: str) -> str | None:
    return _PILLARS.get(fold(text))


def gender_of(text: str, spanish_initials: bool = False) -> str | None:
    """`spanish_initials`: the column writes H/M (hombre/mujer), so 'M' means a woman there."""
    folded = fold(text)
    if spanish_initials and folded == "m":
        return "female"
    return _GENDERS.get(folded)


def attendance_of(text: str) -> str | None:
    return _ATTENDANCE.get(fold(text))


def action_status_of(text: str) -> str | None:
    return _ACTION_STATUSES.get(fold(text))


def uses_spanish_initials(values: list[str]) -> bool:
    """A gender column of H and M without F is Spanish (hombre/mujer); H/F is French, M/F English."""
    letters = {fold(v) for v in values if len(fold(v)) == 1}
    return "h" in letters and "m" in letters and "f" not in letters
