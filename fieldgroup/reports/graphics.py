"""Drawn marks readable in black and white: the balance bar, progress bars, status marks, trend charts."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import DirectDraw, Drawing, Line
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.i18n import _
from fieldgroup.reports.fmt import format_number, is_burmese
from fieldgroup.reports.fonts import FONT, MYANMAR_FONT, pdf_text
from fieldgroup.reports.styles import INK, para

# Each pillar has its own fill *and* pattern, so the bar reads on a black-and-white printout.
PILLAR_FILLS = {
    "company": (colors.Color(0.30, 0.30, 0.30), None),
    "government": (colors.Color(0.72, 0.72, 0.72), "diagonal"),
    "civil_society": (colors.white, "cross"),
    "observer": (colors.white, None),
}


def _hatch(canvas: Any, x: float, y: float, w: float, h: float, pattern: str | None) -> None:
    if not pattern or w <= 0:
        return
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(x, y, w, h)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(INK)
    step = 3.5
    offset = -h
    while offset < w:
        canvas.line(x + offset, y, x + offset + h, y + h)
        if pattern == "cross":
            canvas.line(x + offset, y + h, x + offset + h, y)
        offset += step
    canvas.restoreState()


def _swatch(canvas: Any, x: float, y: float, w: float, h: float, pillar: str) -> None:
    fill, pattern = PILLAR_FILLS[pillar]
    canvas.setFillColor(fill)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, w, h, stroke=0, fill=1)
    _hatch(canvas, x, y, w, h, pattern)
    canvas.rect(x, y, w, h, stroke=1, fill=0)


class BalanceBar(Flowable):
    """One bar split by pillar (present people), with a legend naming each pillar and its count."""

    def __init__(self, counts: dict[str, int], width: float, bar_height: float = 14):
        super().__init__()
        self.counts = {p: counts.get(p, 0) for p in PILLARS}
        self.bar_width, self.bar_height = width, bar_height
        self.legend = [para(_("{pillar}: {n}").format(pillar=PILLAR_LABELS[p], n=format_number(n)), "cell")
                       for p, n in self.counts.items()]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.bar_width = min(self.bar_width, available_width)
        self._legend_height = max(p.wrap(self.bar_width / 4 - 16, 100)[1] for p in self.legend)
        return self.bar_width, self.bar_height + 6 + self._legend_height

    def draw(self) -> None:
        canvas, total = self.canv, sum(self.counts.values())
        y = self._legend_height + 6
        x = 0.0
        for pillar, n in self.counts.items():
            w = self.bar_width * n / total if total else 0
            if w:
                _swatch(canvas, x, y, w, self.bar_height, pillar)
            x += w
        canvas.setLineWidth(1)
        canvas.rect(0, y, self.bar_width, self.bar_height, stroke=1, fill=0)
        slot = self.bar_width / 4
        for i, (pillar, legend) in enumerate(zip(self.counts, self.legend, strict=True)):
            _swatch(canvas, i * slot, self._legend_height - 9, 11, 8, pillar)
            legend.drawOn(canvas, i * slot + 15, self._legend_height - legend.height)


# Marks, one shape per meaning (core/choices.py): full, half, empty, none (dotted circle); for action
# items also alert (filled triangle: overdue) and struck (circle crossed out: dropped).


def _draw_mark(canvas: Any, kind: str, r: float) -> None:
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(0.9)
    if kind == "alert":
        path = canvas.beginPath()
        path.moveTo(0, r + 0.6)
        path.lineTo(r + 0.6, -r + 0.2)
        path.lineTo(-r - 0.6, -r + 0.2)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
        return
    if kind == "struck":
        canvas.circle(0, 0, r, stroke=1, fill=0)
        canvas.line(-r, -r, r, r)
        return
    if kind == "none":
        canvas.setDash(1, 1.5)
    canvas.circle(0, 0, r, stroke=1, fill=1 if kind == "full" else 0)
    canvas.setDash()
    if kind == "half":
        canvas.wedge(-r, -r, r, r, -90, 180, stroke=0, fill=1)


def _mark(canvas: Any, x: float, y: float, kind: str, r: float = 3.6) -> None:
    # Drawn once per document as a form and reused: a long tracker has thousands of marks.
    name = f"fieldgroup-mark-{kind}"
    if not canvas.hasForm(name):
        canvas.saveState()
        canvas.beginForm(name, lowerx=-r - 1, lowery=-r - 1, upperx=r + 1, uppery=r + 1)
        _draw_mark(canvas, kind, r)
        canvas.endForm()
        canvas.restoreState()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


class StatusLabel(Flowable):
    """A drawn mark (full, half, empty or dotted circle) before the status text: never colour alone."""

    def __init__(self, mark: str, text: str, style_name: str = "cell"):
        super().__init__()
        self.mark = mark
        self.text = para(text, style_name)

    def measure(self) -> tuple[float, float]:
        """(narrowest, natural) width, for the table's column widths."""
        from fieldgroup.reports.styles import _measure

        low, high = _measure(self.text)
        return low + 12, high + 12

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, h = self.text.wrap(max(available_width - 12, 20), available_height)
        self.width, self.height = available_width, h
        return available_width, h

    def draw(self) -> None:
        first_line = self.text.style.leading
        _mark(self.canv, 4, self.height - first_line / 2 - 1, self.mark)
        self.text.drawOn(self.canv, 12, 0)


class ProgressBar(Flowable):
    """Progress toward a target: the filled share of a bar (full at the target) and its words beside it.

    The words are a Paragraph, so Burmese (digits included) goes through the same shaping as the text."""

    BAR = 38.0

    def __init__(self, progress: float | None, text: str, bar_height: float = 7):
        super().__init__()
        self.progress, self.bar_height = progress, bar_height
        self.label = para(text, "cell")

    def measure(self) -> tuple[float, float]:
        from fieldgroup.reports.styles import _measure

        low, high = _measure(self.label)
        return self.BAR + 4 + low, self.BAR + 4 + high

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, h = self.label.wrap(max(available_width - self.BAR - 4, 20), available_height)
        self.width, self.height = available_width, max(h, self.bar_height + 2)
        return self.width, self.height

    def draw(self) -> None:
        canvas, bar = self.canv, self.BAR
        first_line = self.label.style.leading
        y = self.height - first_line / 2 - self.bar_height / 2
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        if self.progress is None:
            canvas.setDash(1.5, 1.5)
        canvas.rect(0, y, bar, self.bar_height, stroke=1, fill=0)
        canvas.setDash()
        if self.progress is not None and self.progress > 0:
            canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
            canvas.rect(0, y, bar * min(self.progress, 1.0), self.bar_height, stroke=0, fill=1)
        self.label.drawOn(canvas, bar + 4, self.height - self.label.height)


class AxisText(Flowable):
    """An axis label (a number, a date, "yes"/"no", a period) as a Paragraph: the body text's path, so
    Burmese is shaped and its digits printed like everywhere else. Built by reportlab's chart Label
    through its `ddfKlass` hook (called with the label's text and a style holding its font size); the
    Label places the box, so the text fills it exactly (left-aligned, as wide as the shaped line)."""

    def __init__(self, text: str, style: Any = None, size: float | None = None):
        from fieldgroup.reports.styles import text_width

        super().__init__()
        self.text = text or ""
        size = size or getattr(style, "fontSize", 6.5)
        self.paragraph = para(self.text, "cell", size=size)
        # Wide enough for one line by the syllable breaker's (generous) measure; the box is the
        # shaped line's own width, which HarfBuzz makes narrower for Burmese.
        self._room = text_width(self.text, size) + 2
        self.paragraph.wrap(self._room, 1000)
        self._width_max = getattr(self.paragraph, "_width_max", self._room)  # read by the chart Label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _w, self.height = self.paragraph.wrap(self._room, available_height)
        self.width = self._width_max
        return self.width, self.height

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)


class _AxisTextNode(DirectDraw):
    """Draws an AxisText inside a chart (reportlab's Label adds one per label through its `ddf` hook)."""

    def __init__(self, flowable: AxisText):
        super().__init__()
        self.flowable = flowable

    def drawDirectly(self, renderer: Any) -> None:  # noqa: N802 (reportlab's name)
        canvas = renderer._canvas
        canvas.saveState()
        self.flowable.drawOn(canvas, 0, 0)
        canvas.restoreState()


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # Without this the renderer starts every drawing in Helvetica, which is never embedded.
    drawing.initialFontName = FONT
    return drawing


def _axis_fonts(chart: Any, size: float = 6.5) -> None:
    # Every axis label (numbers, dates, "yes"/"no", period names) is a Paragraph drawn through the
    # Label's ddf hook: the body text's font choice and shaping, so Burmese is never drawn unshaped.
    font = MYANMAR_FONT if is_burmese() else FONT
    for axis in (getattr(chart, name, None) for name in ("categoryAxis", "valueAxis", "xValueAxis", "yValueAxis")):
        if axis is not None:
            axis.labels.fontName = font
            axis.labels.fontSize = size
            axis.labels.ddfKlass = AxisText
            axis.labels.ddf = _AxisTextNode
            axis.strokeWidth = 0.5


def label_step(labels: Sequence[str], room: float, size: float = 6.5) -> int:
    """Show every n-th category label so that no two labels touch: `room` is the width of one category."""
    font = MYANMAR_FONT if is_burmese() else FONT
    widest = max((stringWidth(pdf_text(text), font, size) for text in labels), default=0.0) + 4
    return max(1, math.ceil(widest / room)) if room > 0 else 1


def trend_chart(
    periods: Sequence[str],
    actual: Sequence[float | None],
    target: Sequence[float | None],
    value_label: Callable[[float], str],
    width: float = 200,
    height: float = 62,
    yes_no: bool = False,
) -> Drawing:
    """Actual values (solid line, filled squares) and targets (dashed, hollow circles) per period."""
    drawing = _drawing(width, height)
    chart = HorizontalLineChart()
    labels = [value_label(v) for v in (*actual, *target, 0.0) if v is not None]
    left = min(max((stringWidth(pdf_text(t), MYANMAR_FONT if is_burmese() else FONT, 6.5) for t in labels),
                   default=20) + 10, width / 3)
    bottom = 20 if is_burmese() else 14  # Burmese labels need room for marks below the line
    chart.x, chart.y, chart.width, chart.height = left, bottom, width - left - 6, height - bottom - 6
    chart.data = [list(actual), list(target)]
    step = label_step(periods, chart.width / max(len(periods), 1))
    shown = [p if i % step == 0 else "" for i, p in enumerate(periods)]
    chart.categoryAxis.categoryNames = shown  # drawn as Paragraphs (AxisText): Burmese shaped
    numbers = [v for v in (*actual, *target) if v is not None]
    low, high = min(numbers, default=0.0), max(numbers, default=1.0)
    chart.valueAxis.valueMin = min(0.0, low)
    chart.valueAxis.valueMax = high if high > chart.valueAxis.valueMin else chart.valueAxis.valueMin + 1
    chart.valueAxis.labelTextFormat = lambda v: pdf_text(value_label(v))
    chart.valueAxis.maximumTicks = 4
    if yes_no:  # two ticks, "no" and "yes": never 0, 0.5, 1
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueSteps = 0, 1, [0, 1]
    _axis_fonts(chart)
    chart.lines[0].strokeColor = INK
    chart.lines[0].strokeWidth = 1.2
    marker = 3.5 if len(periods) <= 16 else 2.2  # forty quarters of full-size markers become a smudge
    chart.lines[0].symbol = makeMarker("FilledSquare", size=marker, fillColor=INK, strokeColor=INK)
    chart.lines[1].strokeColor = INK
    chart.lines[1].strokeWidth = 0.8
    chart.lines[1].strokeDashArray = (3, 2)
    chart.lines[1].symbol = makeMarker("Circle", size=marker, fillColor=colors.white, strokeColor=INK)
    for index, series in enumerate(chart.data):
        if sum(v is not None for v in series) < 2:
            chart.lines[index].strokeColor = None  # one point: a marker without a line
    drawing.add(chart)
    return drawing


def time_chart(
    points: Sequence[tuple[float, float]],
    x_label: Callable[[float], str],
    y_label: Callable[[float], str],
    y_max: float,
    guide: float | None = None,
    width: float = 480,
    height: float = 120,
) -> Drawing:
    """One series over time (x = day number) with filled markers; `guide` draws a dashed threshold."""
    drawing = _drawing(width, height)
    chart = LinePlot()
    chart.x, chart.y, chart.width, chart.height = 36, 16, width - 48, height - 24
    chart.data = [list(points)]
    chart.yValueAxis.valueMin, chart.yValueAxis.valueMax = 0, y_max
    xs = [x for x, _y in points]
    if xs and min(xs) == max(xs):  # one meeting: a fortnight either side, not an axis from year 1
        chart.xValueAxis.valueMin, chart.xValueAxis.valueMax = xs[0] - 15, xs[0] + 15
    chart.yValueAxis.labelTextFormat = lambda v: pdf_text(y_label(v))
    chart.xValueAxis.labelTextFormat = lambda v: pdf_text(x_label(v))
    chart.xValueAxis.maximumTicks = 6
    chart.yValueAxis.maximumTicks = 5
    _axis_fonts(chart)
    chart.lines[0].strokeColor = INK
    chart.lines[0].strokeWidth = 0.9
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=INK, strokeColor=INK)
    drawing.add(chart)
    if guide is not None:
        y = chart.y + chart.height * guide / y_max
        drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=INK, strokeWidth=0.6,
                         strokeDashArray=(3, 2)))
    return drawing
