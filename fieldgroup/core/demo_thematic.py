"""The demo's thematic group (issue 18): a working group on one theme under the national group, whose
members come from the national directory and meet in workshops. Named in each demo language.

Runs after the rest of the demo builder, so the records made before it stay exactly as they were."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder
    from fieldgroup.core.entities import Organisation

# language -> (group name, workshop title, agenda, minutes, decisions, action item title)
THEMATIC_TEXT = {
    "en": ("Private Security and Human Rights Working Group", "Private security contracts: model clauses",
           "Welcome\nModel clauses for private security contracts\nVetting and training of guards\nNext steps",
           "Members compared the security clauses of their current contracts.\n\n"
           "- Most contracts do not mention the Voluntary Principles\n- Guards' training records are rarely checked",
           "- Draft model clauses before the next workshop",
           "Circulate the draft model clauses to member companies"),
    "fr": ("Groupe de travail sur la sécurité privée et les droits humains",
           "Contrats de sécurité privée : clauses types",
           "Accueil\nClauses types des contrats de sécurité privée\nVérification et formation des agents\nSuite à donner",
           "Les membres ont comparé les clauses de sécurité de leurs contrats actuels.\n\n"
           "- La plupart des contrats ne mentionnent pas les Principes volontaires\n"
           "- Les registres de formation des agents sont rarement vérifiés",
           "- Rédiger des clauses types avant le prochain atelier",
           "Diffuser le projet de clauses types aux entreprises membres"),
    "es": ("Grupo de trabajo sobre seguridad privada y derechos humanos",
           "Contratos de seguridad privada: cláusulas modelo",
           "Bienvenida\nCláusulas modelo para contratos de seguridad privada\nVerificación y capacitación de vigilantes\n"
           "Próximos pasos",
           "Los miembros compararon las cláusulas de seguridad de sus contratos actuales.\n\n"
           "- La mayoría de los contratos no menciona los Principios Voluntarios\n"
           "- Rara vez se revisan los registros de capacitación de los vigilantes",
           "- Redactar cláusulas modelo antes del próximo taller",
           "Difundir el borrador de cláusulas modelo entre las empresas miembro"),
    "pt": ("Grupo de trabalho sobre segurança privada e direitos humanos",
           "Contratos de segurança privada: cláusulas-modelo",
           "Boas-vindas\nCláusulas-modelo para contratos de segurança privada\nVerificação e formação de vigilantes\n"
           "Próximos passos",
           "Os membros compararam as cláusulas de segurança dos seus contratos atuais.\n\n"
           "- A maioria dos contratos não menciona os Princípios Voluntários\n"
           "- Os registos de formação dos vigilantes raramente são verificados",
           "- Redigir cláusulas-modelo antes do próximo seminário",
           "Divulgar o projeto de cláusulas-modelo às empresas membros"),
    "id": ("Kelompok Kerja Keamanan Swasta dan Hak Asasi Manusia", "Kontrak keamanan swasta: klausul model",
           "Pembukaan\nKlausul model untuk kontrak keamanan swasta\nPemeriksaan latar belakang dan pelatihan petugas\n"
           "Tindak lanjut",
           "Anggota membandingkan klausul keamanan dalam kontrak mereka saat ini.\n\n"
           "- Sebagian besar kontrak tidak menyebut Prinsip-Prinsip Sukarela\n"
           "- Catatan pelatihan petugas keamanan jarang diperiksa",
           "- Menyusun klausul model sebelum lokakarya berikutnya",
           "Edarkan rancangan klausul model kepada perusahaan anggota"),
    "my": ("ပုဂ္ဂလိက လုံခြုံရေးနှင့် လူ့အခွင့်အရေး လုပ်ငန်းအဖွဲ့", "ပုဂ္ဂလိက လုံခြုံရေး စာချုပ်များ - စံပြ အပိုဒ်များ",
           "ကြိုဆိုခြင်း\nပုဂ္ဂလိက လုံခြုံရေး စာချုပ်များအတွက် စံပြ အပိုဒ်များ\nလုံခြုံရေးဝန်ထမ်းများ စိစစ်ခြင်းနှင့် လေ့ကျင့်ပေးခြင်း\n"
           "နောက်ဆက်တွဲ ဆောင်ရွက်ရန်များ",
           "အဖွဲ့ဝင်များသည် ၎င်းတို့၏ လက်ရှိ စာချုပ်များရှိ လုံခြုံရေး အပိုဒ်များကို နှိုင်းယှဉ်ခဲ့ကြသည်။\n\n"
           "- စာချုပ်အများစုတွင် ဆန္ဒအလျောက် မူများကို ဖော်ပြထားခြင်း မရှိပါ\n"
           "- လုံခြုံရေးဝန်ထမ်းများ၏ လေ့ကျင့်မှု မှတ်တမ်းများကို စစ်ဆေးခြင်း နည်းပါးသည်",
           "- နောက်အလုပ်ရုံဆွေးနွေးပွဲ မတိုင်မီ စံပြ အပိုဒ်များကို မူကြမ်းရေးဆွဲရန်",
           "စံပြ အပိုဒ်မူကြမ်းကို အဖွဲ့ဝင် ကုမ္ပဏီများထံ ဖြန့်ဝေရန်"),
}
WORKSHOPS_DAYS_AGO = (300, 180, 60)
MEMBERS_PER_PILLAR = 2


def add_thematic_group(builder: _DemoBuilder) -> None:
    """A thematic group under the national group: members from the national directory, three workshops."""
    name, title, agenda, minutes, decisions, action = THEMATIC_TEXT.get(builder.text.language, THEMATIC_TEXT["en"])
    store, national = builder.store, builder.national
    group = store.groups.create(id=builder.new_id(), name=name, kind="thematic", parent_id=national.id,
                                country=national.country, language=national.language)
    builder.groups.append(group)
    builder.regions[group.id] = ("", (builder.text.capital,))
    members = _members(builder)
    for org in members:
        store.memberships.set(org.id, group.id, "member", start_date=builder.today - timedelta(days=330))
    meeting = None
    for number, days_ago in enumerate(WORKSHOPS_DAYS_AGO, start=1):
        meeting = store.meetings.create(id=builder.new_id(), group_id=group.id, kind="workshop",
                                        date=builder.today - timedelta(days=days_ago),
                                        title=f"{title} ({number})", place=builder.text.capital, agenda=agenda,
                                        minutes=minutes, decisions=decisions)
        builder.meetings.append(meeting)
        builder.present[meeting.id] = _attend(builder, meeting.id, members)
    companies = [org for org in members if org.pillar == "company"]
    if meeting is not None and companies:
        store.actions.create(id=builder.new_id(), group_id=group.id, meeting_id=meeting.id, title=action,
                             owner_organisation_id=companies[0].id, due_date=builder.today + timedelta(days=30))


def _members(builder: _DemoBuilder) -> list[Organisation]:
    """The first national organisations of each balance pillar that have people."""
    with_people = {p.organisation_id for p in builder.people[builder.national.id]}
    members = []
    for pillar in ("company", "government", "civil_society"):
        of_pillar = [o for o in builder.orgs[builder.national.id] if o.pillar == pillar and o.id in with_people]
        members += of_pillar[:MEMBERS_PER_PILLAR]
    return members


def _attend(builder: _DemoBuilder, meeting_id: str, members: list[Organisation]) -> list:
    """One or two people of each member organisation, mostly present."""
    present = []
    for org in members:
        people = [p for p in builder.people[builder.national.id] if p.organisation_id == org.id]
        for person in people[:builder.rng.randint(1, 2)]:
            status = "present" if builder.rng.random() < 0.85 else "excused"
            builder.store.attendance.set(meeting_id, person.id, status)
            if status == "present":
                present.append(person)
    return present
