"""The page every document shares: paper size, header, "Page X of Y" footer and the internal-copy mark."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from fieldgroup.i18n import _
from fieldgroup.reports.fmt import format_number
from fieldgroup.reports.fonts import FONT, FONT_BOLD, has_myanmar, pdf_text
from fieldgroup.reports.styles import INK, para

PAPER_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
HEADER_SPACE = 14 * mm
FOOTER_SPACE = 11 * mm
INTERNAL_SPACE = 8 * mm  # the "Internal" box above the header pushes the header down


# CLDR's paperSize data (supplementalData.xml): these territories use US Letter, everyone else A4.
LETTER_TERRITORIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())


def default_paper(locale: str, country: str | None = None) -> str:
    """'letter' or 'a4' by the rule: the locale's territory if it names one (es_CO -> letter,
    fr_CD -> a4), otherwise the group's country (a bare 'en' for a Ghana group -> a4), otherwise A4."""
    parts = locale.replace("-", "_").split("_")
    territory = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    territory = territory or (country or "").strip().upper() or None
    return "letter" if territory in LETTER_TERRITORIES else "a4"


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer print on every page."""

    group_name: str
    title: str
    generated: str  # already formatted for the locale
    internal: bool = False
    internal_text: str | None = None  # the mark's words when not the protected-names one (the alert sheet)


def content_width(paper: str) -> float:
    return PAPER_SIZES[paper][0] - 2 * MARGIN


def _line_of_text(canvas: Canvas, text: str, x: float, top: float, width: float, right: bool = False,
                  strong: bool = False) -> float:
    """Header or footer text; a Paragraph when it needs wrapping or shaping. Returns its height."""
    font = FONT_BOLD if strong else FONT
    text = pdf_text(text)
    if has_myanmar(text) or stringWidth(text, font, 8.5) > width:
        flowable = para(text, ("header_right" if right else "header") + ("_bold" if strong else ""))
        _width, h = flowable.wrapOn(canvas, width, HEADER_SPACE)
        flowable.drawOn(canvas, x, top - h)
        return h
    canvas.setFont(font, 8.5)
    canvas.setFillColor(INK)
    baseline = top - 8.5
    if right:
        canvas.drawRightString(x + width, baseline, text)
    else:
        canvas.drawString(x, baseline, text)
    return 10.5


def _header(canvas: Canvas, info: PageInfo, width: float, height: float) -> None:
    top = height - MARGIN + 4 * mm - (INTERNAL_SPACE if info.internal else 0)
    usable = width - 2 * MARGIN
    left = _line_of_text(canvas, info.group_name, MARGIN, top, usable * 0.6 - 6, strong=True)
    right = _line_of_text(canvas, info.title, MARGIN + usable * 0.6, top, usable * 0.4, right=True)
    # A long group name wraps; the rule goes below the last line, never through it.
    rule = top - max(7 * mm, max(left, right) + 2 * mm)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, rule, width - MARGIN, rule)
    if info.internal:
        _internal_mark(canvas, width, height, info.internal_text)


def _internal_mark(canvas: Canvas, width: float, height: float, words: str | None = None) -> None:
    # A boxed line at the very top of every page, so a stray sheet of an internal copy is recognised.
    text = para(words or _("Internal — contains protected names"), "internal")
    _width, h = text.wrapOn(canvas, width - 2 * MARGIN, 20 * mm)
    y = height - 11 * mm  # inside the 10 mm an office printer cannot reach, with the box's rule
    canvas.setLineWidth(1.2)
    canvas.rect(MARGIN, y - h - 2, width - 2 * MARGIN, h + 4, stroke=1, fill=0)
    text.drawOn(canvas, MARGIN, y - h)


class NumberedCanvas(Canvas):
    """Keeps every page until the end so the footer can say "Page X of Y" in a single layout pass."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


def _footer_painter(info: PageInfo, width: float) -> Callable[[Canvas, int, int], None]:
    usable = width - 2 * MARGIN

    def paint(canvas: Canvas, number: int, total: int) -> None:
        y = MARGIN - 4 * mm
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, y + 5 * mm, width - MARGIN, y + 5 * mm)
        generated = _("Generated {date}").format(date=info.generated)
        _line_of_text(canvas, generated, MARGIN, y + 4 * mm, usable / 2)
        page = _("Page {page} of {pages}").format(page=format_number(number), pages=format_number(total))
        _line_of_text(canvas, page, MARGIN + usable / 2, y + 4 * mm, usable / 2, right=True)

    return paint


def build_pdf(target: BinaryIO | str | Path, story: Sequence[Flowable], info: PageInfo, paper: str,
              on_page: Callable[[int], None] | None = None) -> int:
    """Lay out `story` on `paper` ('a4' or 'letter'); returns the number of pages.

    `on_page(number)` is called as each page starts (progress for long trackers; it may raise to cancel)."""
    size = PAPER_SIZES[paper]
    width, height = size
    top_space = HEADER_SPACE + (INTERNAL_SPACE if info.internal else 0)
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE - 6 * mm, width - 2 * MARGIN,
                  height - 2 * MARGIN - top_space - FOOTER_SPACE + 6 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(
        target, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=info.title, author="FieldGroup", subject=info.group_name, creator="FieldGroup",
        # The canvas starts in our font: otherwise reportlab references Helvetica, which is never embedded.
        initialFontName=FONT, initialFontSize=9, initialLeading=11,
    )
    def start_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if on_page is not None:
            on_page(doc.page)
        _header(canvas, info, width, height)

    doc.addPageTemplates([PageTemplate("page", [frame], onPage=start_page)])
    footer = _footer_painter(info, width)
    doc.build(list(story), canvasmaker=lambda *a, **k: NumberedCanvas(*a, footer=footer, **k))
    return doc.page


def heading(text: str, level: str = "h2") -> Paragraph:
    return para(text, level)
