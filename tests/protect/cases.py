"""The people and variants every protection test uses, one table per language (shared by matcher, print and erasure tests)."""

from __future__ import annotations

from fieldgroup.core.name_match import ProtectedPerson

# language -> (person, texts that must be found (with the phrase found), texts where nothing may be found)
CASES: dict[str, tuple[ProtectedPerson, list[tuple[str, str]], list[str]]] = {
    "en": (
        ProtectedPerson("p-en", "Zawadi Kilonzo", "zawadi.kilonzo@example.org", "civil_society"),
        [
            ("Ms Kilonzo will brief the group.", "Ms Kilonzo"),
            ("Zawadi Kilonzo will brief the group.", "Zawadi Kilonzo"),
            ("KILONZO, Zawadi spoke first.", "KILONZO, Zawadi"),
            ("Z. Kilonzo raised the issue.", "Z. Kilonzo"),
            ("Kilonzo agreed.", "Kilonzo"),
            ("zawadi agreed.", "zawadi"),
            ("Write to zawadi.kilonzo@example.org today.", "zawadi.kilonzo@example.org"),
            ("Mrs. Zawadi  Kilonzo (chair)", "Mrs. Zawadi  Kilonzo"),
            ("Kilonzo's report", "Kilonzo"),
        ],
        ["The chair will brief the group.", "Kilonzos-like words stay: Kilonzoland.", "Zawadiwa"],
    ),
    "en-apostrophe": (
        ProtectedPerson("p-ob", "Siobhan O'Brien", None, "company"),
        [
            ("Mr O'Brien was absent.", "Mr O'Brien"),
            ("Mr O’Brien was absent.", "Mr O’Brien"),
            ("OBrien sent apologies.", "OBrien"),
            ("O Brien, Siobhan", "O Brien, Siobhan"),
        ],
        ["Brien is another name.", "Obrient"],
    ),
    "fr": (
        ProtectedPerson("p-fr", "Véronique Mbala", None, "civil_society"),
        [
            ("MBALA Véronique a pris la parole.", "MBALA Véronique"),
            ("Mme Mbala a pris la parole.", "Mme Mbala"),
            ("Madame Véronique MBALA", "Madame Véronique MBALA"),
            ("l'avis de veronique", "veronique"),
            ("l'avis d'Mbala", "Mbala"),
            ("V. Mbala", "V. Mbala"),
        ],
        ["Mbalabala est un lieu.", "Les Véroniques fleurissent."],
    ),
    "fr-common": (
        ProtectedPerson("p-fr2", "Claire Dubois", None, "government"),
        [("Mme Claire a parlé.", "Mme Claire"), ("Dubois a parlé.", "Dubois"), ("Claire Dubois", "Claire Dubois")],
        ["La situation est claire.", "Il est claire que non."],
    ),
    "es": (
        ProtectedPerson("p-es", "Amara Núñez-Quispe", "amara.nq@ong.pe", "civil_society"),
        [
            ("Amara Nunez Quispe presentó el informe.", "Amara Nunez Quispe"),
            ("Ñúñez-Quispe presentó el informe.", "Ñúñez-Quispe"),
            ("La Sra. Núñez habló.", "Sra. Núñez"),
            ("QUISPE, Amara", "QUISPE, Amara"),
            ("Quispe Núñez, Amara", "Quispe Núñez, Amara"),
            ("nunez quispe", "nunez quispe"),
            ("Amara habló.", "Amara"),
            ("escribir a AMARA.NQ@ONG.PE", "AMARA.NQ@ONG.PE"),
            ("Amara Nu\u0301n\u0303ez", "Amara Nu\u0301n\u0303ez"),
        ],
        ["Quispicanchi es una provincia.", "La señora Amarante."],
    ),
    "es-common": (
        ProtectedPerson("p-es2", "Rosa Pilar Huamán", None, "company"),
        [("Doña Rosa llegó.", "Doña Rosa"), ("Huaman llegó.", "Huaman"), ("Rosa Huamán", "Rosa Huamán")],
        ["Una rosa roja sobre el pilar.", "El pilar de la sociedad civil."],
    ),
    "pt": (
        ProtectedPerson("p-pt", "João da Conceição Costa", None, "civil_society"),
        [
            ("O Sr. Costa falou.", "Sr. Costa"),
            ("Joao da Conceicao Costa falou.", "Joao da Conceicao Costa"),
            ("COSTA, João", "COSTA, João"),
            ("João falou.", "João"),
            ("Conceição Costa", "Conceição Costa"),
            ("J. Costa", "J. Costa"),
        ],
        ["A costa do Atlântico.", "Imaculada conceição? não: conceições."],
    ),
    "id": (
        ProtectedPerson("p-id", "Sukarni", None, "civil_society"),
        [
            ("Sukarni menyampaikan laporan.", "Sukarni"),
            ("Ibu Sukarni hadir.", "Ibu Sukarni"),
            ("Bu Sukarni hadir.", "Bu Sukarni"),
            ("SUKARNI hadir.", "SUKARNI"),
        ],
        ["Sukarnianto hadir.", "Sukar ni hadir."],
    ),
    "id-short": (
        ProtectedPerson("p-id2", "Budi", None, "government"),
        [("Pak Budi hadir.", "Pak Budi"), ("Budi hadir.", "Budi")],
        ["Budiman hadir."],
    ),
    "id-two": (
        ProtectedPerson("p-id3", "Dewi Lestari Wulandari", None, "company"),
        [("Ibu Dewi hadir.", "Ibu Dewi"), ("Wulandari hadir.", "Wulandari"), ("Dewi Wulandari", "Dewi Wulandari")],
        ["Dewi Sri adalah dewi padi.", "Hutan tetap lestari."],
    ),
    "my": (
        ProtectedPerson("p-my", "ဒေါ်အေးချို", None, "civil_society"),
        [
            ("ဒေါ်အေးချိုက အစီရင်ခံသည်။", "ဒေါ်အေးချို"),
            ("ဒေါ်အေးချိုနှင့် တွေ့ဆုံသည်။", "ဒေါ်အေးချို"),
            ("ဒေါ် အေးချို ပြောသည်။", "ဒေါ် အေးချို"),
            ("အေးချို ပြောသည်။", "အေးချို"),
            ("မအေးချိုကို မေးသည်။", "မအေးချို"),
            ("အေး ချို ပြောသည်။", "အေး ချို"),
            ("အစည်းအဝေးတွင်အေးချိုက", "အေးချို"),
            ("ဒေါ်\u200bအေးချို", "ဒေါ်\u200bအေးချို"),
        ],
        ["အေးချိုး", "ရာသီဥတု အေးသည်။", "ချိုသော သစ်သီး", "အေးချိုက်"],
    ),
    "my-latin": (
        ProtectedPerson("p-my2", "Daw Aye Cho", None, "civil_society"),
        [("Daw Aye Cho spoke.", "Daw Aye Cho"), ("Aye Cho spoke.", "Aye Cho"), ("Daw Cho", "Daw Cho")],
        ["Cho spoke.", "Aye, aye."],
    ),
    "my-one-syllable": (
        ProtectedPerson("p-my3", "ဦးလှ", None, "government"),
        [("ဦးလှက ပြောသည်။", "ဦးလှ"), ("ဦး လှ", "ဦး လှ")],
        ["လှပသော", "လှသည်"],
    ),
    "my-long": (
        ProtectedPerson("p-my4", "ဒေါ်ခင်မာအေး", None, "civil_society"),
        [
            ("မာအေးက အစီရင်ခံသည်။", "မာအေး"),
            ("အစည်းအဝေးတွင်မာအေးနှင့်တွေ့သည်။", "မာအေး"),
            ("ခင်မာကို မေးသည်။", "ခင်မာ"),
            ("ဒေါ်ခင်မာအေးက ပြောသည်။", "ဒေါ်ခင်မာအေး"),
            ("ခင်မာ အေး ပြောသည်။", "ခင်မာ အေး"),
        ],
        ["ကျန်းမာအေးချမ်းစွာ နေထိုင်ကြသည်။", "ခင်မင်သော ဆက်ဆံရေး", "ခိုင်မာသော အထောက်အထား"],
    ),
    "my-four": (
        ProtectedPerson("p-my5", "ဦးကျော်ဇော်ဝင်း", None, "government"),
        [
            ("ဇော်ဝင်းနှင့်ကိုလှ လာရောက်သည်။", "ဇော်ဝင်း"),
            ("ကိုကျော်ဇော်ကို ဆက်သွယ်ရန်", "ကိုကျော်ဇော်"),
            ("ဇော်ဝင်းက တင်ပြသည်။", "ဇော်ဝင်း"),
        ],
        ["ကျော်လွန်သော ကာလ", "ဝင်းပသော နေ့", "ဇော်"],
    ),
    "my-common-core": (
        ProtectedPerson("p-my6", "ဒေါ်ခိုင်မာ", None, "company"),
        [("ဒေါ်ခိုင်မာက ပြောသည်။", "ဒေါ်ခိုင်မာ"), ("မခိုင်မာ", "မခိုင်မာ")],
        ["ခိုင်မာသော အထောက်အထား ရှိသည်။"],
    ),
}
