"""The name matcher, language by language: every variant of a protected name is found, ordinary words are not."""

from __future__ import annotations

import pytest

from fieldgroup.core.name_match import (
    NameMatcher,
    ProtectedPerson,
    apply_spans,
    fold,
    is_distinctive,
    syllables,
)
from tests.protect.cases import CASES

FOUND = [(lang, person, text, phrase) for lang, (person, found, _) in CASES.items() for text, phrase in found]
NOT_FOUND = [(lang, person, text) for lang, (person, _, clean) in CASES.items() for text in clean]


@pytest.mark.parametrize(("lang", "person", "text", "phrase"), FOUND, ids=[f"{c[0]}:{c[2][:30]}" for c in FOUND])
def test_every_variant_is_found_with_its_span(lang, person, text, phrase):
    spans = NameMatcher([person]).find(text)
    assert [s.text for s in spans] == [phrase]
    assert spans[0].person_id == person.id
    assert text[spans[0].start:spans[0].end] == phrase


@pytest.mark.parametrize(("lang", "person", "text"), NOT_FOUND, ids=[f"{c[0]}:{c[2][:30]}" for c in NOT_FOUND])
def test_ordinary_words_are_not_names(lang, person, text):
    assert NameMatcher([person]).find(text) == []


def test_spans_let_the_caller_replace_and_several_people_at_once():
    people = [CASES["en"][0], CASES["es"][0], CASES["my"][0]]
    text = "Ms Kilonzo met Ñúñez-Quispe and ဒေါ်အေးချိုနှင့် others."
    out = apply_spans(text, NameMatcher(people).find(text), lambda s: f"<{s.person_id}>")
    assert out == "<p-en> met <p-es> and <p-my>နှင့် others."


def test_ranges_to_skip_are_never_looked_into():
    text = "@{person:Kilonzo} and Kilonzo"
    spans = NameMatcher([CASES["en"][0]]).find(text, skip=[(0, 17)])
    assert [(s.start, s.text) for s in spans] == [(22, "Kilonzo")]


def test_not_this_person_is_respected_per_phrase():
    matcher = NameMatcher([CASES["en"][0]], ignore=[("p-en", "ZAWADI")])
    assert [s.text for s in matcher.find("Zawadi and Kilonzo")] == ["Kilonzo"]


def test_languages_narrow_the_common_word_lists():
    assert not is_distinctive("costa")
    assert is_distinctive("costa", languages=["en"])
    assert not is_distinctive("li") and is_distinctive("kilonzo")


def test_folding_and_syllables():
    assert fold("Ñúñez-Quispe") == "nunez quispe"
    assert fold("O’Brien") == "o'brien"
    assert syllables("အေးချို") == ["အေး", "ချို"]
    assert syllables("ဒေါ်အေးချို") == ["ဒေါ်", "အေး", "ချို"]
    assert len(syllables("သတ္တု")) == 2


def test_many_people_and_long_text_stay_quick_enough_to_run_on_every_save():
    people = [ProtectedPerson(str(i), f"Person{i} Familyname{i}") for i in range(60)]
    matcher = NameMatcher(people)
    text = "The meeting discussed security arrangements at the mine site. " * 2000 + "Familyname42 said"
    assert [s.person_id for s in matcher.find(text)] == ["42"]


# Ordinary minutes, written as a Burmese secretariat would: full of words made of the syllables
# names are made of (ကျန်းမာ, အေးချမ်း, ခိုင်မာ, သက်ဆိုင်, တင်ပြ, အောင်မြင်, မြင့်မား…).
MY_MINUTES = (
    "အစည်းအဝေးကို နံနက် ၉ နာရီတွင် စတင်ခဲ့သည်။ ဥက္ကဋ္ဌက တက်ရောက်လာသူများအား ကြိုဆိုပြီး ယခင်အစည်းအဝေး "
    "မှတ်တမ်းကို အတည်ပြုခဲ့သည်။ ကုမ္ပဏီကိုယ်စားလှယ်က ရပ်ရွာနှင့် ဆက်ဆံရေး တိုးတက်မှုကို တင်ပြခဲ့ပြီး ဒေသခံများ "
    "ကျန်းမာအေးချမ်းစွာ နေထိုင်နိုင်ရေးအတွက် ခိုင်မာသော ကတိကဝတ်များ ပြုလုပ်မည်ဟု ပြောကြားသည်။ "
    "အရပ်ဘက်အဖွဲ့အစည်းများက လုံခြုံရေးဝန်ထမ်းများ၏ အပြုအမူနှင့် သက်ဆိုင်သော တိုင်ကြားချက်များကို "
    "ဆွေးနွေးခဲ့ကြပြီး သက်သေအထောက်အထားများ စုစည်းရန် သဘောတူခဲ့ကြသည်။ ငြိမ်းချမ်းရေးနှင့် တရားမျှတမှုအတွက် "
    "နိုင်ငံတကာ စံနှုန်းများကို လိုက်နာရန် အစိုးရကိုယ်စားလှယ်က ကတိပြုခဲ့သည်။ လာမည့် အစည်းအဝေးကို "
    "မြို့နယ်ရုံးတွင် ကျင်းပမည်ဖြစ်ပြီး ရှင်းလင်းသော အစီရင်ခံစာကို ကြိုတင်ဝေငှမည်။ မြင့်မားသော "
    "ရည်မှန်းချက်များ အောင်မြင်စေရန် ခင်မင်ရင်းနှီးစွာ ပူးပေါင်းဆောင်ရွက်ကြမည်ဖြစ်သည်။ ချမ်းသာကြွယ်ဝသော "
    "ကုမ္ပဏီများသည် သန့်ရှင်းသော ရေကို ဦးစားပေး ထောက်ပံ့မည်။ ကျော်လွန်ခဲ့သော နှစ်က စိုးရိမ်ဖွယ်ရာ "
    "အခြေအနေများ သက်သာလာပြီး မြန်မာနိုင်ငံ၏ ဒေသအသီးသီးတွင် ထွန်းကားလာသည်။ တက်ရောက်သူ စုစုပေါင်း "
    "၃၅ ဦး ရှိပြီး စီးပွားရေး သက်သက် မဟုတ်ဘဲ လူ့အခွင့်အရေးကိုပါ အေးအေးဆေးဆေး ဆွေးနွေးခဲ့ကြသည်။"
)
# Common Burmese names, shaped as a secretariat would type them (honorific written on).
MY_PEOPLE = [ProtectedPerson(f"p{i}", name) for i, name in enumerate([
    "ဒေါ်ခင်မာအေး", "ဦးကျော်ဇော်ဝင်း", "ဒေါ်အေးချို", "ဦးအောင်မြင့်", "ဒေါ်စုစုလှိုင်", "ဦးတင်မောင်ဝင်း",
    "ဒေါ်နီလာသိန်း", "ကိုမင်းထွန်းနိုင်", "မသက်သက်ဦး", "ဦးဝင်းမြင့်", "ဒေါ်မြမြဝင်း", "ဦးသန်းထွန်း",
    "ဒေါ်ကြည်ကြည်မာ", "ဦးစိုးနိုင်", "ဒေါ်ချိုချိုသန်း", "ဒေါ်ခိုင်မာ", "ဦးမြင့်ဆွေ", "ဒေါ်သီတာအောင်",
    "ဒေါ်အေးအေးမြင့်", "ဒေါ်စုစုဝင်း", "ဦးသက်သက်ထွန်း",
])]


def test_ordinary_burmese_minutes_name_nobody():
    assert NameMatcher(MY_PEOPLE).find(MY_MINUTES) == []


def test_a_burmese_part_in_ordinary_minutes_is_the_only_thing_found():
    text = MY_MINUTES.replace("ကုမ္ပဏီကိုယ်စားလှယ်က", "ဇော်ဝင်းက", 1).replace("ဥက္ကဋ္ဌက", "ခင်မာနှင့် ဥက္ကဋ္ဌတို့က", 1)
    found = [(s.person_id, s.text) for s in NameMatcher(MY_PEOPLE).find(text)]
    assert found == [("p0", "ခင်မာ"), ("p1", "ဇော်ဝင်း")]
