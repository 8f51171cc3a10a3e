"""Word lists for the name matcher: honorifics, and common words that are also names (folded, lower case).

A name part on the common-word list is not matched alone ("Grace", "Costa", "Budi"), only as part
of the whole name or after an honorific; the lists stay small on purpose — a missed common word only
costs a question from the guard, a word wrongly listed costs a leak."""

from __future__ import annotations

# Matched before a name ("Ms Kilonzo", "Pak Budi", "Daw Aye Cho"); folded (no accents), no final dot.
HONORIFICS = frozenset({
    # en
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "hon", "rev", "fr", "sr", "sister", "brother",
    "mister", "madam", "lady", "lord", "chief", "hon'ble",
    # fr
    "m", "mme", "mmes", "mlle", "mlles", "me", "pr", "monsieur", "madame", "mademoiselle", "maitre",
    # es
    "sra", "srta", "senor", "senora", "senorita", "don", "dona", "dra", "lic", "ing", "licda", "d",
    # pt
    "senhor", "senhora", "dom", "eng", "exmo", "exma",
    # id
    "bapak", "pak", "ibu", "bu", "saudara", "saudari", "sdr", "sdri", "mas", "mbak", "bang", "kak", "haji", "hj",
    "h", "ir", "drs",
    # my, romanised
    "u", "daw", "ko", "ma", "maung", "mg", "saw", "naw", "nang", "sai", "sayar", "saya", "sayama",
})

# Burmese honorifics written before (often onto) a name.
MY_HONORIFICS = frozenset({
    "ဦး", "ဒေါ်", "ကို", "မ", "ဒေါက်တာ", "မောင်", "စော", "နော်", "နန်း", "စိုင်း", "ဆရာ", "ဆရာမ", "ဗိုလ်",
})

# Burmese words of two syllables made of syllables names are made of (အေး, ချမ်း, မာ, ခိုင်, သက်…). A
# name part that is one of them is matched only after an honorific, and a part is not matched where its
# first or last syllable forms one of them with the syllable beside it (ကျန်းမာအေးချမ်း is not "မာအေး").
MY_COMMON_WORDS = frozenset({
    "အေးချမ်း", "ငြိမ်းချမ်း", "ချမ်းသာ", "ချမ်းမြေ့", "အောင်မြင်", "အောင်ပွဲ", "ကျော်ကြား", "ကျော်လွန်",
    "ကျော်ဖြတ်", "မြင့်မား", "မြင့်မြတ်", "မြင့်တက်", "ကြည်လင်", "ကြည်နူး", "ထွန်းလင်း", "ထွန်းကား",
    "ထွန်းပြောင်", "လှပ", "ခင်မင်", "ခင်ဗျား", "ချစ်ခင်", "ကျန်းမာ", "ဝမ်းသာ", "သန့်ရှင်း", "စိုးရိမ်",
    "စိုးမိုး", "ကောင်းမွန်", "မွန်မြတ်", "ဖြူစင်", "သက်သာ", "သက်ဆိုင်", "သက်သေ", "သက်ရောက်", "သက်တမ်း",
    "နိုင်ငံ", "နိုင်နင်း", "ဝင်းပ", "ငွေကြေး", "မြို့နယ်", "ထက်မြက်", "ခိုင်မာ", "ခိုင်ခံ့", "ခိုင်လုံ",
    "တည်ငြိမ်", "မြန်မာ", "ဦးစီး", "ဦးဆောင်", "ဦးတည်", "ဦးစား", "သူတို့", "သူမ", "မင်းသား", "မင်းသမီး",
    "ဝေငှ", "လွင်ပြင်", "ရှင်းလင်း", "မြတ်နိုး", "တင်ပြ", "တင်သွင်း", "သန်းခေါင်", "အေးဆေး", "ချိုမြ",
    "စုစည်း", "စုဝေး", "စုပေါင်း", "ပြည့်စုံ", "မောင်နှမ", "ညီညွတ်", "သိန်းသန်း", "ဆွေမျိုး", "မာန",
    "နီးပါး", "အောင်သွယ်", "ဇော်ဂျီ", "ဌေးဝါ", "မေတ္တာ", "လင်းလက်", "နွယ်ဝင်", "ဖြိုးဖြိုး", "ဝင်ငွေ",
    # doubled syllables are adverbs too (သက်သက် "merely", အေးအေး "calmly", လှလှ "nicely")
    "သက်သက်", "လှလှ", "ဝင်းဝင်း", "ခိုင်ခိုင်", "မြန်မြန်", "ကြည်ကြည်",
})

COMMON_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "will", "mark", "grace", "hope", "faith", "rose", "june", "april", "august", "bill", "frank", "dawn",
        "summer", "hunter", "king", "young", "white", "black", "brown", "green", "long", "little", "rich",
        "park", "hall", "wood", "stone", "bush", "ward", "lane", "field", "peace", "love", "brave", "paris",
        "china", "justice", "patience", "precious", "blessing", "gift", "mercy", "charity", "prosper",
        "comfort", "favour", "goodness", "glory", "honour", "victory", "wisdom", "prince", "price", "rice",
        "may", "said", "case", "cook", "miller", "smith", "baker", "carter", "mason", "page", "bond", "west",
        "north", "south", "east", "hill", "lake", "river", "moore", "more", "well", "wells", "best", "sage",
        "ruby", "pearl", "jewel", "joy", "sunday", "monday", "friday", "christmas", "easter", "major",
        "dean", "bishop", "chase", "gray", "grey", "noble", "free", "freeman", "goodluck",
    }),
    "fr": frozenset({
        "claire", "pierre", "rose", "blanc", "blanche", "petit", "grand", "france", "juste", "constant",
        "prudence", "patience", "esperance", "fleur", "olive", "sage", "marin", "page", "leblanc", "lebrun",
        "brun", "roux", "fort", "noel", "aime", "dieu", "donne", "benie", "merci", "victoire", "bonheur",
        "fidele", "gloire", "paix", "lune", "soleil", "mardi", "samedi", "dimanche", "vendredi", "avril",
        "juin", "juillet", "martin", "bon", "bonne", "sainte", "saint", "moulin", "richard", "laurent",
        "vincent", "clement", "prosper", "desire", "pascal", "felicite", "toussaint", "grace", "celeste",
    }),
    "es": frozenset({
        "rosa", "paz", "luz", "blanca", "dolores", "mercedes", "soledad", "pilar", "rosario", "cruz", "santos",
        "reyes", "flores", "campos", "prado", "calle", "sierra", "guerra", "leon", "castillo", "rivera",
        "iglesia", "iglesias", "fuentes", "montes", "vega", "luna", "nieves", "consuelo", "esperanza",
        "caridad", "amparo", "gracia", "socorro", "angeles", "concepcion", "asuncion", "victoria", "salvador",
        "domingo", "pena", "nino", "blanco", "moreno", "rubio", "delgado", "bueno", "castro", "lobo", "toro",
        "rios", "mora", "cabello", "leal", "franco", "serrano", "solis", "bravo", "justo", "fidel", "clemente",
        "milagros", "rocio", "aurora", "estrella", "alegria", "gloria", "cielo", "angel", "jesus",
    }),
    "pt": frozenset({
        "rosa", "flor", "cruz", "santos", "costa", "ramos", "rocha", "lima", "leite", "pinto", "barros",
        "correia", "serra", "mata", "branco", "prado", "campos", "graca", "gloria", "vitoria", "aurora",
        "esperanca", "caridade", "amparo", "neves", "paz", "luz", "fe", "conceicao", "assuncao", "fonseca",
        "pereira", "oliveira", "moura", "guerra", "fontes", "rios", "vale", "bento", "justo", "feliz",
        "salvador", "domingos", "reis", "nascimento", "ventura", "fortuna", "cordeiro", "coelho", "carneiro",
        "lobo", "leao", "pinheiro", "teixeira", "marinho", "sol", "estrela", "bela", "amor",
    }),
    "id": frozenset({
        "bunga", "bintang", "indah", "cahaya", "putri", "putra", "dewi", "sari", "agung", "budi", "bagus",
        "adil", "jaya", "sejahtera", "mulia", "rahmat", "kurnia", "karunia", "harapan", "lestari", "sentosa",
        "makmur", "merdeka", "kasih", "sayang", "cinta", "suci", "murni", "utama", "hati", "dian", "ayu",
        "intan", "mutiara", "permata", "pertiwi", "bumi", "langit", "laut", "gunung", "surya", "bulan",
        "pelangi", "setia", "teguh", "rezeki", "rizki", "berkah", "iman", "damai", "sehat", "baik", "besar",
        "kecil", "mawar", "melati", "wangi", "senja", "fajar", "pagi", "malam", "mega", "awan", "angin",
        "hujan", "salju", "embun", "tirta", "bayu", "guntur", "kilat", "ombak", "rimba", "hutan",
    }),
}
