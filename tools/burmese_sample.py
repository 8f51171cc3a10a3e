"""Render the same Burmese sentences with Qt and in a reportlab PDF, to compare the shaping by eye.

    QT_QPA_PLATFORM=offscreen python tools/burmese_sample.py [out_dir]

Writes burmese-qt.png (offscreen QLabel, Padauk) and burmese-pdf.png (reportlab + uharfbuzz, Padauk,
rasterised with pdftoppm) into out_dir (default docs/screenshots). Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Stacked consonants (ကမ္ဘာ, ကုမ္ပဏီ, မဏ္ဍိုင်, မန္တလေး), kinzi (အင်္ဂလိပ်), medial ra (မြန်မာ, ကြီး, ပြု,
# ခြုံ), medial wa (ကွ), Myanmar digits, and a Latin run.
SENTENCES = [
    "မြန်မာနိုင်ငံ အရပ်ဘက်လူ့အဖွဲ့အစည်း၊ ကုမ္ပဏီများနှင့် အစိုးရ မဏ္ဍိုင်သုံးရပ် အစည်းအဝေး",
    "မန္တလေးတိုင်းဒေသကြီး၌ အင်္ဂလိပ်ဘာသာဖြင့် သင်တန်း ပြုလုပ်ခဲ့သည်။",
    "ကမ္ဘာ့လူ့အခွင့်အရေး ကာကွယ်သူများ၏ ဘေးကင်းလုံခြုံရေး — ၂၀၂၅ ခုနှစ် မတ်လ ၇ ရက် (FieldGroup 0.88)",
]
FONT_SIZE = 16
WIDTH_PT = 460  # text width in points in both renderings (Qt at 96 dpi: 1 pt = 4/3 px)
DPI = 96


def render_qt(path: Path) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QLabel

    from fieldgroup.ui.qt_i18n import register_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    register_fonts("my")
    label = QLabel("\n".join(SENTENCES))
    font = QFont("Padauk")
    font.setPixelSize(round(FONT_SIZE * DPI / 72))
    label.setFont(font)
    label.setWordWrap(True)
    label.setStyleSheet("background: white; color: black; padding: 12px;")
    label.setFixedWidth(round(WIDTH_PT * DPI / 72) + 24)
    label.adjustSize()
    label.grab().save(str(path))
    del app


def render_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from fieldgroup.paths import fonts_dir

    pdfmetrics.registerFont(TTFont("Padauk", str(fonts_dir() / "Padauk-Regular.ttf")))
    style = ParagraphStyle("burmese", fontName="Padauk", fontSize=FONT_SIZE, leading=FONT_SIZE * 1.9, shaping=1)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "burmese.pdf"
        margin = 36
        doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=margin, topMargin=margin,
                                rightMargin=A4[0] - margin - WIDTH_PT, bottomMargin=margin)
        doc.build([Paragraph(sentence, style) for sentence in SENTENCES])
        height_pt = margin + FONT_SIZE * 1.9 * 6 + 12
        crop = ["-x", "0", "-y", "0", "-W", str(round((WIDTH_PT + 2 * margin) * DPI / 72)),
                "-H", str(round(height_pt * DPI / 72))]
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", *crop, str(pdf), str(path.with_suffix(""))],
                       check=True)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    render_qt(out / "burmese-qt.png")
    render_pdf(out / "burmese-pdf.png")
    print(f"wrote {out / 'burmese-qt.png'} and {out / 'burmese-pdf.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
