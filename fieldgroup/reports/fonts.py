"""Bundled fonts for the PDFs: register Noto Sans and Padauk once, and mark Burmese runs in text."""

from __future__ import annotations

import re
import threading
from xml.sax.saxutils import escape

from fieldgroup.paths import fonts_dir

FONT = "NotoSans"
FONT_BOLD = "NotoSans-Bold"
FONT_ITALIC = "NotoSans-Italic"
FONT_BOLD_ITALIC = "NotoSans-BoldItalic"
MYANMAR_FONT = "Padauk"
MYANMAR_FONT_BOLD = "Padauk-Bold"

_FILES = {
    FONT: "NotoSans-Regular.ttf",
    FONT_BOLD: "NotoSans-Bold.ttf",
    FONT_ITALIC: "NotoSans-Italic.ttf",
    FONT_BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
    MYANMAR_FONT: "Padauk-Regular.ttf",
    MYANMAR_FONT_BOLD: "Padauk-Bold.ttf",
}

_lock = threading.Lock()
_registered = False

# Myanmar, Myanmar Extended-A and Extended-B.
_MYANMAR = "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
_HAS_MYANMAR = re.compile(f"[{_MYANMAR}]")
# Whole space-separated words that contain Burmese, and the spaces between such words. Padauk also
# covers ASCII and Latin-1, so punctuation glued to a Burmese word goes into the same run: reportlab
# shapes each word with the font of its first character, and a mixed-font word would show boxes.
_MYANMAR_RUN = re.compile(rf"[^\s<>]*[{_MYANMAR}][^\s<>]*(?:[ \u00a0]+[^\s<>]*[{_MYANMAR}][^\s<>]*)*")


def register_fonts() -> None:
    """Register the bundled fonts and their bold/italic families with reportlab (once per process)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = fonts_dir()
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
        for family, regular, bold, italic, bold_italic in (
            (FONT, FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC),
            # Padauk has no italic; its upright faces stand in so <i> never falls back to Helvetica.
            (MYANMAR_FONT, MYANMAR_FONT, MYANMAR_FONT_BOLD, MYANMAR_FONT, MYANMAR_FONT_BOLD),
            (MYANMAR_FONT_BOLD, MYANMAR_FONT, MYANMAR_FONT_BOLD, MYANMAR_FONT, MYANMAR_FONT_BOLD),
        ):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)
        for face in (FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
            addMapping(face, 0, 0, FONT)
            addMapping(face, 1, 0, FONT_BOLD)
            addMapping(face, 0, 1, FONT_ITALIC)
            addMapping(face, 1, 1, FONT_BOLD_ITALIC)
        _registered = True


_PDF_SAFE = str.maketrans({"\u202f": "\u00a0", "\u2212": "-"})


def has_myanmar(text: str) -> bool:
    return bool(_HAS_MYANMAR.search(text))


def pdf_text(text: str) -> str:
    """Text as it should reach a PDF: narrow no-break spaces (French numbers) become no-break spaces,
    because reportlab breaks lines at U+202F and a number could wrap in the middle; the minus sign
    (U+2212, some catalogs and locales) becomes a hyphen-minus, which the bundled Noto Sans has."""
    return text.translate(_PDF_SAFE)


def markup(text: str, bold: bool = False) -> str:
    """Escape `text` for a Paragraph and wrap its Burmese runs in Padauk, so mixed text shows no boxes.

    `bold` picks Padauk Bold: a <font name=...> inside <b> would otherwise switch back to regular."""
    escaped = escape(pdf_text(text))
    if not _HAS_MYANMAR.search(escaped):
        return escaped
    face = MYANMAR_FONT_BOLD if bold else MYANMAR_FONT
    return _MYANMAR_RUN.sub(lambda m: f'<font name="{face}">{m.group(0)}</font>', escaped)
