"""Demo data: a response protocol and a realistic handful of incidents, in every demo language (issue 19).

The defender at risk is always a protected person, referenced by a mention token, never by name."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder

# (what, within days) of the group's protocol; the first step contacts a civil-society organisation.
PROTOCOL = {
    "en": [("Call the defender and their organisation; agree on immediate safety measures", 0),
           ("Inform the embassies' human rights focal points", 2),
           ("Raise the incident with the company's security manager and ask for a written reply", 7)],
    "fr": [("Appeler le défenseur et son organisation ; convenir de mesures de sécurité immédiates", 0),
           ("Informer les points focaux droits humains des ambassades", 2),
           ("Saisir le responsable sécurité de l'entreprise et demander une réponse écrite", 7)],
    "es": [("Llamar a la persona defensora y a su organización; acordar medidas de seguridad inmediatas", 0),
           ("Informar a los puntos focales de derechos humanos de las embajadas", 2),
           ("Plantear el incidente al responsable de seguridad de la empresa y pedir respuesta escrita", 7)],
    "pt": [("Ligar ao defensor e à sua organização; combinar medidas de segurança imediatas", 0),
           ("Informar os pontos focais de direitos humanos das embaixadas", 2),
           ("Apresentar o incidente ao responsável de segurança da empresa e pedir resposta escrita", 7)],
    "id": [("Hubungi pembela dan organisasinya; sepakati langkah keamanan segera", 0),
           ("Beri tahu titik fokus HAM di kedutaan", 2),
           ("Sampaikan insiden kepada manajer keamanan perusahaan dan minta jawaban tertulis", 7)],
    "my": [("ကာကွယ်သူနှင့် ၎င်း၏အဖွဲ့အစည်းကို ဖုန်းဆက်ပြီး ချက်ချင်း လုံခြုံရေးအစီအမံများ သဘောတူရန်", 0),
           ("သံရုံးများ၏ လူ့အခွင့်အရေး ဆက်သွယ်ရေးတာဝန်ခံများကို အသိပေးရန်", 2),
           ("ကုမ္ပဏီ၏ လုံခြုံရေးမန်နေဂျာထံ ဖြစ်ရပ်ကို တင်ပြပြီး စာဖြင့် အကြောင်းပြန်ရန် တောင်းဆိုရန်", 7)],
}

# (days ago, kind, severity, status, title, description with {who}, outcome or "", outcome published)
INCIDENTS = {
    "en": [
        (9, "threat_to_defender", "high", "follow_up", "Threatening messages after the plenary",
         "{who} received threatening text messages two days after speaking at the plenary.", "", False),
        (40, "security_incident", "medium", "referred", "Road block near the mine access road",
         "Private security guards stopped community members on the access road for several hours.", "", False),
        (75, "grievance", "medium", "resolved", "Complaint about river water quality",
         "Villagers downstream reported discoloured water; {who} collected the complaints.",
         "Water tested by an independent laboratory; the company repaired the settling pond.", True),
        (130, "other", "low", "closed", "Meeting venue photographed by unknown people",
         "Two men photographed participants leaving the regional meeting.", "No further incident reported.", False),
    ],
    "fr": [
        (9, "threat_to_defender", "high", "follow_up", "Messages menaçants après la plénière",
         "{who} a reçu des SMS menaçants deux jours après son intervention en plénière.", "", False),
        (40, "security_incident", "medium", "referred", "Barrage sur la route d'accès à la mine",
         "Des agents de sécurité privés ont retenu des membres de la communauté pendant plusieurs heures.", "", False),
        (75, "grievance", "medium", "resolved", "Plainte sur la qualité de l'eau de la rivière",
         "Des villageois en aval ont signalé une eau trouble ; {who} a recueilli les plaintes.",
         "Eau analysée par un laboratoire indépendant ; l'entreprise a réparé le bassin de décantation.", True),
        (130, "other", "low", "closed", "Lieu de réunion photographié par des inconnus",
         "Deux hommes ont photographié les participants à la sortie de la réunion régionale.",
         "Aucun autre incident signalé.", False),
    ],
    "es": [
        (9, "threat_to_defender", "high", "follow_up", "Mensajes amenazantes después del plenario",
         "{who} recibió mensajes amenazantes dos días después de intervenir en el plenario.", "", False),
        (40, "security_incident", "medium", "referred", "Retén en la vía de acceso a la mina",
         "Guardias de seguridad privada detuvieron a miembros de la comunidad durante varias horas.", "", False),
        (75, "grievance", "medium", "resolved", "Queja por la calidad del agua del río",
         "Habitantes río abajo informaron agua turbia; {who} recogió las quejas.",
         "Un laboratorio independiente analizó el agua; la empresa reparó la piscina de sedimentación.", True),
        (130, "other", "low", "closed", "Lugar de reunión fotografiado por desconocidos",
         "Dos hombres fotografiaron a los participantes al salir de la reunión regional.",
         "No se informó de otro incidente.", False),
    ],
    "pt": [
        (9, "threat_to_defender", "high", "follow_up", "Mensagens ameaçadoras após a plenária",
         "{who} recebeu mensagens ameaçadoras dois dias depois de falar na plenária.", "", False),
        (40, "security_incident", "medium", "referred", "Bloqueio na estrada de acesso à mina",
         "Seguranças privados retiveram membros da comunidade durante várias horas.", "", False),
        (75, "grievance", "medium", "resolved", "Queixa sobre a qualidade da água do rio",
         "Moradores a jusante relataram água turva; {who} recolheu as queixas.",
         "Água analisada por um laboratório independente; a empresa reparou a bacia de decantação.", True),
        (130, "other", "low", "closed", "Local da reunião fotografado por desconhecidos",
         "Dois homens fotografaram os participantes à saída da reunião regional.",
         "Nenhum outro incidente comunicado.", False),
    ],
    "id": [
        (9, "threat_to_defender", "high", "follow_up", "Pesan ancaman setelah rapat pleno",
         "{who} menerima SMS ancaman dua hari setelah berbicara di rapat pleno.", "", False),
        (40, "security_incident", "medium", "referred", "Penghadangan di jalan akses tambang",
         "Petugas keamanan swasta menahan warga di jalan akses selama beberapa jam.", "", False),
        (75, "grievance", "medium", "resolved", "Pengaduan tentang kualitas air sungai",
         "Warga di hilir melaporkan air keruh; {who} mengumpulkan pengaduan.",
         "Air diuji laboratorium independen; perusahaan memperbaiki kolam pengendapan.", True),
        (130, "other", "low", "closed", "Tempat rapat difoto oleh orang tak dikenal",
         "Dua pria memotret peserta yang keluar dari rapat daerah.", "Tidak ada insiden lanjutan.", False),
    ],
    "my": [
        (9, "threat_to_defender", "high", "follow_up", "အစည်းအဝေးကြီးအပြီး ခြိမ်းခြောက်စာများ",
         "{who} သည် အစည်းအဝေးကြီးတွင် ပြောဆိုပြီး နှစ်ရက်အကြာ ခြိမ်းခြောက်သည့် စာတိုများ ရရှိခဲ့သည်။", "", False),
        (40, "security_incident", "medium", "referred", "သတ္တုတွင်းဝင်လမ်းပေါ်တွင် လမ်းပိတ်ဆို့မှု",
         "ပုဂ္ဂလိက လုံခြုံရေးဝန်ထမ်းများက ရပ်ရွာသားများကို နာရီအတော်ကြာ တားဆီးထားခဲ့သည်။", "", False),
        (75, "grievance", "medium", "resolved", "မြစ်ရေ အရည်အသွေးဆိုင်ရာ တိုင်ကြားချက်",
         "မြစ်အောက်ပိုင်းရွာသားများက ရေနောက်နေကြောင်း တိုင်ကြားခဲ့ပြီး {who} က တိုင်ကြားချက်များကို စုဆောင်းခဲ့သည်။",
         "လွတ်လပ်သော ဓာတ်ခွဲခန်းက ရေကို စစ်ဆေးခဲ့ပြီး ကုမ္ပဏီက အနည်ထိုင်ကန်ကို ပြုပြင်ခဲ့သည်။", True),
        (130, "other", "low", "closed", "အစည်းအဝေးနေရာကို မသိသူများ ဓာတ်ပုံရိုက်ခြင်း",
         "လူနှစ်ဦးက ဒေသအစည်းအဝေးမှ ထွက်လာသူများကို ဓာတ်ပုံရိုက်ခဲ့သည်။", "နောက်ထပ် ဖြစ်ရပ် မရှိပါ။", False),
    ],
}


def add_incidents(builder: _DemoBuilder) -> None:
    """The national group's protocol and four incidents; the defender is a protected civil-society person."""
    language = builder.text.language if builder.text.language in INCIDENTS else "en"
    group = builder.national
    store = builder.store
    civil = [o for o in builder.orgs[group.id] if o.pillar == "civil_society"]
    companies = [o for o in builder.orgs[group.id] if o.pillar == "company"]
    protected = [p for p in builder.people[group.id] if p.protected and builder.pillar_of.get(p.id) == "civil_society"]
    protected = protected or [p for p in builder.people[group.id] if p.protected]
    who = f"@{{person:{protected[0].id}}}" if protected else ""
    for position, (what, days) in enumerate(PROTOCOL[language], start=1):
        store.incidents.protocol.create(id=builder.new_id(), group_id=group.id, position=position, what=what,
                                        within_days=days,
                                        contact_organisation_id=civil[0].id if civil and position == 1 else None)
    owners = [p for p in builder.people[group.id] if not p.protected and builder.pillar_of.get(p.id) == "civil_society"]
    for days_ago, kind, severity, status, title, description, outcome, published in INCIDENTS[language]:
        day = builder.today - timedelta(days=days_ago)
        resolved = day + timedelta(days=30) if status in ("resolved", "closed") else None
        incident = store.incidents.open(
            group.id, id=builder.new_id(), date=day, region=builder.text.capital, kind=kind, severity=severity,
            status=status, title=title, description=description.format(who=who) if who else description.replace("{who}", ""),
            outcome=outcome or None, outcome_published=published, resolved_on=resolved,
            closed_on=resolved if status == "closed" else None,
            organisation_ids=[companies[0].id] if companies and kind != "other" else [],
            owner_person_id=owners[0].id if owners else None)
        finished = status in ("resolved", "closed")
        for step in store.incidents.steps_of(incident.id):
            if finished or step.position == 1:  # open ones have done their first step; the rest may be overdue
                store.incidents.steps.update(step.id, completed_on=min(step.due_date, builder.today))
