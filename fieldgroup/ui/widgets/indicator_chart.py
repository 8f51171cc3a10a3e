"""A painted chart of an indicator's actual values against its targets over the periods (no QtCharts)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldgroup.formatting import format_number
from fieldgroup.i18n import _
from fieldgroup.ui.widgets.markers import STATUS_COLOURS

TARGET_COLOUR = "#555555"
ACTUAL_COLOUR = "#2E6DB4"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str  # the period as shown ("Q3 2025")
    target: float | None
    actual: float | None
    status: str


def nice_scale(low: float, high: float, ticks: int = 4) -> tuple[float, float, float]:
    """(bottom, top, step) with a round step (1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    span = max(high - low, 1e-9)
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    return bottom, max(top, bottom + step), step


class IndicatorChart(QWidget):
    """Targets as a dashed grey line with hollow squares, actuals as a blue line with dots coloured by status.

    Shape and line style tell target from actual, so colour is not the only signal; the legend says so too."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list[ChartPoint] = []
        self.decimals = 0
        self._tick_decimals = 0
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Chart of actual values against targets"))

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def set_points(self, points: list[ChartPoint], decimals: int = 0) -> None:
        self.points, self.decimals = list(points), decimals
        described = "; ".join(
            _("{period}: target {target}, actual {actual}").format(
                period=p.label, target=format_number(p.target, decimals) or "—",
                actual=format_number(p.actual, decimals) or "—") for p in self.points)
        self.setAccessibleDescription(described)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        if not self.points:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No targets or values yet."))
            return
        values = [v for p in self.points for v in (p.target, p.actual) if v is not None]
        bottom, top, step_y = nice_scale(min(0.0, min(values)), max(max(values), 1.0))
        self._tick_decimals = 0 if step_y == int(step_y) else (1 if step_y * 10 == int(step_y * 10) else 2)
        label_width = max(metrics.horizontalAdvance(format_number(v, self._tick_decimals)) for v in (top, bottom)) + 8
        line = metrics.height()
        plot = QRectF(label_width + 4, line * 2, self.width() - label_width - 16, self.height() - line * 4.2)
        self._axes(painter, plot, top, bottom, step_y)
        step = plot.width() / max(len(self.points), 1)

        def x(i: int) -> float:
            return plot.left() + step * (i + 0.5)

        def y(v: float) -> float:
            return plot.bottom() - (v - bottom) / (top - bottom or 1) * plot.height()

        self._series(painter, [(x(i), p.target) for i, p in enumerate(self.points)], y, target=True)
        self._series(painter, [(x(i), p.actual) for i, p in enumerate(self.points)], y, target=False)
        self._period_labels(painter, plot, x, step)
        self._legend(painter)

    def _axes(self, painter: QPainter, plot: QRectF, top: float, bottom: float, step: float) -> None:
        text = self.palette().text().color()
        grid = QColor(text)
        grid.setAlpha(40)
        count = round((top - bottom) / step)
        for k in range(count + 1):
            value = bottom + step * k
            yy = plot.bottom() - plot.height() * k / count
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            painter.setPen(text)
            label = format_number(value, self._tick_decimals)
            rect = QRectF(0, yy - 10, plot.left() - 6, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

    def _series(self, painter: QPainter, points: list[tuple[float, float | None]], y, target: bool) -> None:
        colour = QColor(TARGET_COLOUR if target else ACTUAL_COLOUR)
        pen = QPen(colour, 2, Qt.PenStyle.DashLine if target else Qt.PenStyle.SolidLine)
        path, started = QPainterPath(), False
        for xx, value in points:
            if value is None:
                started = False  # a gap: no value for this period
                continue
            if started:
                path.lineTo(xx, y(value))
            else:
                path.moveTo(xx, y(value))
                started = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for (xx, value), point in zip(points, self.points, strict=True):
            if value is None:
                continue
            if target:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(self.palette().base())
                painter.drawRect(QRectF(xx - 4, y(value) - 4, 8, 8))
            else:
                painter.setPen(QPen(colour.darker(140), 1))
                painter.setBrush(QColor(STATUS_COLOURS.get(point.status, ACTUAL_COLOUR)))
                painter.drawEllipse(QPointF(xx, y(value)), 5, 5)

    def _period_labels(self, painter: QPainter, plot: QRectF, x, step: float) -> None:
        painter.setPen(self.palette().text().color())
        metrics = painter.fontMetrics()
        widest = max(metrics.horizontalAdvance(p.label) for p in self.points) + 8
        every = max(1, int(widest // step) + 1)  # skip labels rather than let them overlap
        for i, point in enumerate(self.points):
            if i % every == 0:
                # Kept inside the widget: the first and last long labels ("၂၀၂၅ ဒုတိယ သုံးလပတ်") are not cut.
                left = min(max(x(i) - widest / 2, 0.0), max(self.width() - widest, 0.0))
                rect = QRectF(left, plot.bottom() + 4, widest, metrics.height())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, point.label)

    def _legend(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        yy = metrics.height() * 0.8
        xx = 8.0
        for label, target in ((_("Target"), True), (_("Actual (dot colour = status)"), False)):
            colour = QColor(TARGET_COLOUR if target else ACTUAL_COLOUR)
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine if target else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(xx, yy), QPointF(xx + 22, yy))
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(xx + 28, yy + metrics.ascent() / 2 - 1), label)
            xx += 40 + metrics.horizontalAdvance(label)
