"""Paragraph and table styles, and helpers that turn app text into Paragraphs, cells and tables."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from fieldgroup.reports.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    has_myanmar,
    markup,
    pdf_text,
    register_fonts,
)

# Greys only: handouts are printed on office black-and-white printers.
INK = colors.black
RULE = colors.Color(0.45, 0.45, 0.45)
SHADE = colors.Color(0.88, 0.88, 0.88)
LIGHT = colors.Color(0.95, 0.95, 0.95)

# Burmese stacks marks above and below the line; it needs about twice the font size between lines.
MYANMAR_LEADING = 1.9


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK,
                          bulletFontName=FONT, spaceAfter=4)
    made = {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2),
        "bullet": ParagraphStyle("bullet", base, leftIndent=14, bulletIndent=4, spaceAfter=2),
        "numbered": ParagraphStyle("numbered", base, leftIndent=18, bulletIndent=0, spaceAfter=2),
        "note": ParagraphStyle("note", base, fontName=FONT_ITALIC, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        "column": ParagraphStyle("column", base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, spaceAfter=0),
        "header": ParagraphStyle("header", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "header_right": ParagraphStyle("header_right", base, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=2),
        "internal": ParagraphStyle("internal", base, fontName=FONT_BOLD, fontSize=9, leading=11, spaceAfter=0,
                                   alignment=1),
    }
    return made


def style(name: str) -> ParagraphStyle:
    return _styles()[name]


@lru_cache(maxsize=64)
def _shaped(name: str) -> ParagraphStyle:
    # Shaping is switched on only for paragraphs holding Burmese: on Latin text it would add
    # ligatures and change how copied text reads (see notes/languages-and-pdf-fonts.md).
    plain = style(name)
    return ParagraphStyle(f"{name}_my", plain, shaping=1,
                          leading=max(plain.leading, plain.fontSize * MYANMAR_LEADING))


def para(text: str | None, name: str = "body", *, is_markup: bool = False, **extra: Any) -> Paragraph:
    """A Paragraph of app text (escaped, Burmese runs in Padauk); `is_markup` for text built here."""
    chosen = style(name)
    body = (text or "") if is_markup else markup(text or "", bold=chosen.fontName in (FONT_BOLD, FONT_BOLD_ITALIC))
    if has_myanmar(body):
        chosen = _shaped(name)
    return Paragraph(body, chosen, **extra)


def cell(text: str | None, name: str = "cell") -> Any:
    """A table cell: a plain string when reportlab can draw it directly (fast), else a Paragraph."""
    value = text or ""
    if has_myanmar(value) or len(value) > 24 or name != "cell":
        return para(value, name)
    return pdf_text(value)


def bold(text: str | None) -> str:
    """Markup for bold app text inside a larger markup string."""
    return f"<b>{markup(text or '', bold=True)}</b>"


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    group_rows: Sequence[int] = (),
    extra: Sequence[tuple] = (),
    header: bool = True,
    rules: bool = True,
) -> Table:
    """A table whose first row (the header) repeats on every page it splits onto; `group_rows` are
    sub-headings spanning the row."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 10.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE))
    if header:
        commands += [("LINEBELOW", (0, 0), (-1, 0), 1, INK), ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    for row in group_rows:
        commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), LIGHT),
                     ("LINEABOVE", (0, row), (-1, row), 0.75, INK)]
    commands += list(extra)
    result = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


def header_row(labels: Sequence[str]) -> list[Any]:
    return [para(text, "column") for text in labels]
