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


def _vowel_order(drawing, tmp_path):
    """(x of ေ, x of ရ) for every 'ရောက်' the drawing prints: shaped, the pre-base vowel comes first."""
    import pdfplumber
    from reportlab.graphics import renderPDF

    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(drawing, str(path))
    with pdfplumber.open(path) as pdf:
        chars = sorted(pdf.pages[0].chars, key=lambda c: (round(c["top"]), c["x0"]))
    lines: dict[int, list] = {}
    for char in chars:
        lines.setdefault(round(char["top"]), []).append(char)
    pairs = []
    for line in lines.values():
        vowels = [c["x0"] for c in line if c["text"] == "\u1031"]
        consonants = [c["x0"] for c in line if c["text"] == "\u101b"]
        pairs += list(zip(vowels, consonants, strict=True))
    return pairs


def test_burmese_axis_labels_and_chart_dates_are_shaped_like_body_text(tmp_path):
    """Value-axis labels (numbers, "yes"/"no") and the participation charts' dates go through the
    paragraphs' shaping: a pre-base vowel sign is drawn before its consonant, not after it."""
    from fieldgroup.reports.fonts import register_fonts
    from fieldgroup.reports.graphics import time_chart, trend_chart

    register_fonts()
    set_locale("my")
    word = "\u101b\u1031\u102c\u1000\u103a"  # ရောက်
    trend = trend_chart(["၂၀၂၅ တတိယ သုံးလပတ်", "၂၀၂၅ စတုတ္ထ သုံးလပတ်"], [0.0, 1.0], [1.0, 1.0],
                        lambda _v: word, yes_no=True)
    pairs = _vowel_order(trend, tmp_path)
    assert len(pairs) == 2 and all(vowel < consonant for vowel, consonant in pairs)
    timeline = time_chart([(739000.0, 0.5), (739090.0, 0.8)], lambda _v: word, lambda _v: word, 1.0)
    pairs = _vowel_order(timeline, tmp_path)
    assert len(pairs) >= 4 and all(vowel < consonant for vowel, consonant in pairs)

