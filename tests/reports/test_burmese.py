"""Burmese text is printed in Padauk, shaped, beside Latin text in Noto Sans (checked by eye in PNGs too)."""

from __future__ import annotations

from pypdf import PdfReader

from fieldgroup.i18n import set_locale
from fieldgroup.reports import build_report
from fieldgroup.reports.fonts import markup


def fonts_of(path):
    names = set()
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            names.add(ref.get_object()["/BaseFont"].split("+")[-1])
    return names


def test_markup_puts_whole_burmese_words_in_padauk():
    assert markup("Plan (ကြိုဆိုခြင်း) & more") == 'Plan <font name="Padauk">(ကြိုဆိုခြင်း)</font> &amp; more'
    assert markup("ကော်မတီ ဖွဲ့စည်းရန်", bold=True) == '<font name="Padauk-Bold">ကော်မတီ ဖွဲ့စည်းရန်</font>'
    assert markup("1\u202f234 €") == "1\u00a0234 €"


def test_burmese_handout_embeds_padauk_and_noto(store, sample, tmp_path):
    store.meetings.update(sample.meeting.id, title="နှစ်ပတ်လည် အစည်းအဝေး",
                          minutes="အစည်းအဝေးကို ဥက္ကဋ္ဌက ဖွင့်လှစ်ပါသည်။\n- လုံခြုံရေး (2025) and Latin")
    set_locale("my")
    path = build_report("meeting", store, tmp_path / "my.pdf", meeting_id=sample.meeting.id)
    assert {"Padauk-Regular", "Padauk-Bold", "NotoSans-Regular", "NotoSans-Bold"} <= fonts_of(path)
    assert not any("Helvetica" in name for name in fonts_of(path))
