"""Paragraph and table styles, and helpers that turn app text into Paragraphs, cells and tables."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from fieldgroup.i18n import current_locale
from fieldgroup.reports.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    MYANMAR_FONT,
    MYANMAR_FONT_BOLD,
    has_myanmar,
    markup,
    pdf_text,
    register_fonts,
)
from fieldgroup.reports.myanmar import break_lines, syllables

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
        # Headings stay with what follows them: never stranded at the foot of a page.
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4,
                             keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2,
                             keepWithNext=1),
        "bullet": ParagraphStyle("bullet", base, leftIndent=14, bulletIndent=4, spaceAfter=2),
        "numbered": ParagraphStyle("numbered", base, leftIndent=18, bulletIndent=0, spaceAfter=2),
        "note": ParagraphStyle("note", base, fontName=FONT_ITALIC, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        # Column headers wrap at spaces; a word is never cut where it has no hyphenation point
        # (table widths make room for the longest word, see fit_widths).
        "column": ParagraphStyle("column", base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, spaceAfter=0,
                                 splitLongWords=0),
        "header": ParagraphStyle("header", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "header_right": ParagraphStyle("header_right", base, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=2),
        "header_bold": ParagraphStyle("header_bold", base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5,
                                      spaceAfter=0),
        "internal": ParagraphStyle("internal", base, fontName=FONT_BOLD, fontSize=9, leading=11, spaceAfter=0,
                                   alignment=1),
    }
    return made


# Languages whose words may be hyphenated with pyphen's patterns (Burmese has no hyphen).
HYPHENATION = {"en": "en_US", "fr": "fr", "es": "es", "pt": "pt_PT", "id": "id"}


def style(name: str) -> ParagraphStyle:
    return _styles()[name]


@lru_cache(maxsize=64)
def _hyphenated(name: str, language: str) -> ParagraphStyle:
    plain = style(name)
    return ParagraphStyle(f"{name}_{language}", plain, hyphenationLang=HYPHENATION.get(language, ""))


@lru_cache(maxsize=64)
def _shaped(name: str) -> ParagraphStyle:
    # Shaping is switched on only for paragraphs holding Burmese: on Latin text it would add
    # ligatures and change how copied text reads (see notes/languages-and-pdf-fonts.md).
    plain = style(name)
    # splitLongWords=0: lines are broken between syllables beforehand (SyllableParagraph); reportlab
    # cutting a run itself would tear a cluster apart (a dotted circle, a lost vowel sign).
    return ParagraphStyle(f"{name}_my", plain, shaping=1, bulletFontName=MYANMAR_FONT, splitLongWords=0,
                          leading=max(plain.leading, plain.fontSize * MYANMAR_LEADING))


def _language() -> str:
    return current_locale().replace("-", "_").split("_")[0]


class SyllableParagraph(Paragraph):
    """A Paragraph of text holding Burmese, broken into lines between Myanmar syllables.

    reportlab breaks lines only at spaces and cuts a longer run anywhere, which tears a syllable
    apart (a dotted circle, a lost vowel sign); here the lines are chosen first, for the width
    the paragraph is given, and joined with <br/>."""

    def __init__(self, text: str, style: ParagraphStyle, bold: bool = False, **extra: Any):
        self._plain, self._bold, self._extra, self._broken_for = text, bold, extra, None
        if text is None:  # reportlab's split() builds each half from frags already broken into lines
            super().__init__(None, style, **extra)
            return
        super().__init__(markup(text, bold=bold), style, **extra)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Rounded: a table measures and then draws a cell with widths that differ in the last bit, and
        # the lines must not change between the two (the row height would no longer hold them).
        if self._plain is not None and self._broken_for != round(available_width, 2):
            style = self.style
            usable = round(available_width, 2) - style.leftIndent - style.rightIndent - 0.5
            lines = break_lines(self._plain, usable, lambda line: text_width(line, style.fontSize, self._bold))
            super().__init__("<br/>".join(markup(line, bold=self._bold) for line in lines), style, **self._extra)
            self._broken_for = round(available_width, 2)
        return super().wrap(available_width, available_height)


def text_width(text: str, size: float, strong: bool = False) -> float:
    """The printed width of app text: Burmese runs in Padauk, the rest in Noto Sans."""
    width = 0.0
    for word in text.split(" "):
        if has_myanmar(word):
            width += stringWidth(word, MYANMAR_FONT_BOLD if strong else MYANMAR_FONT, size) * 1.03
        else:
            width += stringWidth(pdf_text(word), FONT_BOLD if strong else FONT, size)
    return width + stringWidth(" ", FONT, size) * text.count(" ")


def para(text: str | None, name: str = "body", *, is_markup: bool = False, size: float | None = None,
         **extra: Any) -> Paragraph:
    """A Paragraph of app text (escaped, Burmese runs in Padauk); `is_markup` for text built here.

    `size` sets another font size (chart labels), with the leading the script needs."""
    chosen = style(name)
    strong = chosen.fontName in (FONT_BOLD, FONT_BOLD_ITALIC)
    if not is_markup and has_myanmar(text or ""):
        return SyllableParagraph(text or "", _sized(_shaped(name), size), bold=strong, **extra)
    body = (text or "") if is_markup else markup(text or "", bold=strong)
    if has_myanmar(body):
        chosen = _shaped(name)
    elif name == "column":
        chosen = _hyphenated(name, _language())
    return Paragraph(body, _sized(chosen, size), **extra)


def _sized(chosen: ParagraphStyle, size: float | None) -> ParagraphStyle:
    if size is None:
        return chosen
    leading = size * (MYANMAR_LEADING if chosen.name.endswith("_my") else 1.2)
    return ParagraphStyle(f"{chosen.name}_{size}", chosen, fontSize=size, leading=leading, leftIndent=0,
                          rightIndent=0, alignment=0)


def cell(text: str | None, name: str = "cell") -> Paragraph:
    """A table cell: always a wrapping Paragraph, so a long date or name never runs into the next column."""
    return para(text or "", name)


def bold(text: str | None) -> str:
    """Markup for bold app text inside a larger markup string."""
    return f"<b>{markup(text or '', bold=True)}</b>"


CELL_PADDING = 6  # reportlab's default left and right padding in a table cell


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float] | float,
    *,
    group_rows: Sequence[int] = (),
    extra: Sequence[tuple] = (),
    header: bool = True,
    rules: bool = True,
) -> Table:
    """A table whose first row (the header) repeats on every page it splits onto; `group_rows` are
    sub-headings spanning the row. `widths` is either each column's width or the table's total
    width, shared out by the content (see fit_widths)."""
    if not isinstance(widths, (int, float)):
        column_widths = list(widths)
    else:
        column_widths = fit_widths(rows, float(widths), skip=set(group_rows))
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
    result = Table([list(r) for r in rows], colWidths=column_widths, repeatRows=1 if header else 0, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    # What section() needs to measure the first rows without laying out the whole (long) table.
    result.fieldgroup_head = ([list(r) for r in rows[:FIRST_ROWS + 1]], column_widths)
    return result


FIRST_ROWS = 2  # a heading never stands without at least the header and this many rows under it


def section(width: float, *flowables: Any) -> list[Any]:
    """A heading (and notes) kept with the first rows of the table that follows: all move to the next
    page together when they would not fit. (keepWithNext would push a long table whole onto a new page.)"""
    from reportlab.platypus import CondPageBreak

    need = 0.0
    for item in flowables:
        item.keepWithNext = 0
        head = getattr(item, "fieldgroup_head", None)
        if head is not None:
            rows, widths = head
            sample = Table(rows, colWidths=widths)
            sample.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
            need += sample.wrap(width, 10**6)[1]
        else:
            need += item.wrap(width, 10**6)[1] + item.getSpaceBefore() + item.getSpaceAfter()
    return [CondPageBreak(need + 2), *flowables]


def _measure(item: Any) -> tuple[float, float]:
    """(narrowest, natural) width of one cell's content, padding excluded: the narrowest keeps every
    word (or Burmese syllable) whole, the natural one puts everything on one line."""
    if isinstance(item, str):
        item = para(item, "cell")
    if isinstance(item, Paragraph):
        text = item.getPlainText()
        size = item.style.fontSize
        strong = item.style.fontName in (FONT_BOLD, FONT_BOLD_ITALIC, MYANMAR_FONT_BOLD)
        lines = [line for line in text.split("\n") if line.strip()] or [""]
        words = [w for line in lines for w in line.split(" ") if w]  # no-break spaces hold words together
        if has_myanmar(text):
            words = [piece for w in words for piece in syllables(w)]
        indent = item.style.leftIndent + item.style.rightIndent
        narrowest = max((text_width(w, size, strong) for w in words), default=0.0)
        return narrowest + indent, max(text_width(line, size, strong) for line in lines) + indent
    fixed = getattr(item, "fixed_width", None)
    if fixed is not None:
        return fixed, fixed
    measure = getattr(item, "measure", None)
    if measure is not None:
        return measure()
    width = getattr(item, "width", 0.0) or 0.0
    return width, width


def _unbreakable(item: Any) -> bool:
    """Content that must never be cut inside a word: column headers and Burmese (syllables)."""
    if isinstance(item, Paragraph):
        return item.style.splitLongWords == 0 or has_myanmar(item.getPlainText())
    label = getattr(item, "text", None) or getattr(item, "label", None)
    return isinstance(label, Paragraph) and _unbreakable(label)


def _column_needs(rows: Sequence[Sequence[Any]], skip: set[int]) -> tuple[list[float], list[float], list[float]]:
    """(narrowest, natural, hard) width of each column, padding included (see _measure, _unbreakable)."""
    count = max(len(r) for r in rows)
    narrowest, natural, hard = [0.0] * count, [0.0] * count, [0.0] * count
    for index, row in enumerate(rows):
        if index in skip:
            continue
        for column, item in enumerate(row):
            low, high = _measure(item)
            narrowest[column] = max(narrowest[column], low + 2 * CELL_PADDING + 0.5)
            natural[column] = max(natural[column], high + 2 * CELL_PADDING + 0.5)
            if _unbreakable(item):
                hard[column] = max(hard[column], low + 2 * CELL_PADDING + 0.5)
    return narrowest, natural, hard


def words_fit(rows: Sequence[Sequence[Any]], total: float, skip: set[int] = frozenset()) -> bool:
    """Whether every column can be as wide as its longest word (else fit_widths cuts words in body columns)."""
    return sum(_column_needs(rows, skip)[0]) <= total


def fit_widths(rows: Sequence[Sequence[Any]], total: float, skip: set[int] = frozenset()) -> list[float]:
    """Column widths that add up to `total`, from the content in the document's language: every
    column at least as wide as its longest word, the space left shared by how much more each needs."""
    narrowest, natural, hard = _column_needs(rows, skip)
    if sum(natural) <= total:
        spare = total - sum(natural)
        return [w + spare * w / sum(natural) for w in natural]
    if sum(narrowest) <= total:
        return _share(narrowest, natural, total)
    if sum(hard) <= total:
        # Some body text has words longer than the paper allows (a URL, a name without spaces): those
        # columns give way and their words are cut; headers and Burmese syllables keep their width.
        return _share(hard, narrowest, total)
    # Nothing fits: shrink in proportion (headers hyphenate where the language allows).
    return [w * total / sum(hard) for w in hard]


def header_row(labels: Sequence[str]) -> list[Any]:
    return [para(text, "column") for text in labels]


def _share(narrowest: list[float], natural: list[float], total: float) -> list[float]:
    """Short columns (dates, counts, statuses) get their whole natural width while that leaves the
    others their fair share; the long ones wrap, sharing what is left by how much they would need."""
    widths = list(narrowest)
    budget, open_columns = total, list(range(len(natural)))
    for column in sorted(open_columns, key=lambda c: natural[c]):
        fair = budget / len(open_columns)
        others = sum(narrowest[c] for c in open_columns if c != column)
        # Never so much that the columns still open fall below their longest word (a word cut in two).
        if natural[column] > fair or budget - natural[column] < others:
            break
        widths[column] = natural[column]
        budget -= natural[column]
        open_columns.remove(column)
    if open_columns:
        spare = budget - sum(narrowest[c] for c in open_columns)
        wants = {c: natural[c] - narrowest[c] for c in open_columns}
        for column in open_columns:
            widths[column] = narrowest[column] + spare * wants[column] / (sum(wants.values()) or 1)
    return widths
