"""The work plan's timeline: a simple Gantt chart drawn with QPainter, one row per activity, today marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldgroup.core.results_choices import ACTIVITY_STATUS
from fieldgroup.formatting import format_date, month_names
from fieldgroup.i18n import _

# The status colours are defined once in core (results_choices.ACTIVITY_STATUS); the table says each in words.
STATUS_FILL = {choice.value: QColor(choice.colour) for choice in ACTIVITY_STATUS}
LATE = QColor("#D55E00")
TODAY = QColor("#CC0000")
ROW, HEADER, LABEL_SHARE, PAD = 24, 34, 0.34, 6


@dataclass(frozen=True, slots=True)
class GanttRow:
    """One activity on the timeline; a missing start or end is drawn from the other date (a milestone)."""

    id: str
    label: str
    start: date | None
    end: date | None
    status: str
    late: bool = False


def _month_starts(first: date, last: date) -> list[date]:
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


class GanttChart(QWidget):
    """Activities as bars against months; late ones outlined in red and marked, today a red line."""

    activity_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[GanttRow] = []
        self.today = date.today()
        self.setAccessibleName(_("Work plan timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)

    def set_rows(self, rows: list[GanttRow], today: date) -> None:
        self.rows, self.today = [r for r in rows if r.start or r.end], today
        self.setMinimumHeight(HEADER + ROW * max(1, len(self.rows)) + PAD)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(640, HEADER + ROW * max(1, len(self.rows)) + PAD)

    # ---- geometry ----

    def _span(self) -> tuple[date, date]:
        days = [d for r in self.rows for d in (r.start, r.end) if d] + [self.today]
        first, last = min(days), max(days)
        start = date(first.year, first.month, 1)
        end_month = _month_starts(last, last)[0]
        end = date(end_month.year + end_month.month // 12, end_month.month % 12 + 1, 1)
        return start, end

    def _x(self, day: date, left: float, width: float, span: tuple[date, date]) -> float:
        total = max(1, (span[1] - span[0]).days)
        return left + width * (day - span[0]).days / total

    def _chart_left(self) -> float:
        return self.width() * LABEL_SHARE

    # ---- painting ----

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.rows:
            painter.setPen(self.palette().text().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No activity with dates yet."))
            painter.end()
            return
        span = self._span()
        left, width = self._chart_left(), self.width() - self._chart_left() - PAD
        self._paint_months(painter, span, left, width)
        self._paint_legend(painter, left)
        for index, row in enumerate(self.rows):
            self._paint_row(painter, index, row, span, left, width)
        x = self._x(self.today, left, width, span)
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(QPointF(x, HEADER - 8), QPointF(x, HEADER + ROW * len(self.rows)))
        painter.drawText(QRectF(x + 3, 0, 160, 16), Qt.AlignmentFlag.AlignLeft, _("Today"))
        painter.end()

    def _paint_months(self, painter: QPainter, span: tuple[date, date], left: float, width: float) -> None:
        names = month_names("abbreviated")
        months = _month_starts(span[0], span[1])
        metrics = QFontMetrics(self.font())
        step = max(1, round(len(months) * (metrics.horizontalAdvance("MMM 00") + 6) / max(1.0, width)))
        grid = QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine)
        for number, month in enumerate(months):
            x = self._x(month, left, width, span)
            painter.setPen(grid)
            painter.drawLine(QPointF(x, HEADER - 4), QPointF(x, HEADER + ROW * len(self.rows)))
            if number % step == 0:
                painter.setPen(self.palette().text().color())
                text = names[month.month - 1] + (f" {month.year % 100:02d}" if month.month == 1 or number == 0 else "")
                painter.drawText(QRectF(x + 2, 16, 80, 16), Qt.AlignmentFlag.AlignLeft, text)

    def _paint_legend(self, painter: QPainter, left: float) -> None:
        """Colour swatches with the status names, in the corner above the activity names."""
        from fieldgroup.core.results_choices import ACTIVITY_STATUS_LABELS

        metrics, x = QFontMetrics(self.font()), float(PAD)
        for status, colour in STATUS_FILL.items():
            text = str(ACTIVITY_STATUS_LABELS[status])
            if x + 14 + metrics.horizontalAdvance(text) > left - PAD:
                break  # a narrow chart keeps what fits; the table says every status in words
            painter.fillRect(QRectF(x, 20, 10, 10), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 13, 16, 200, 16), Qt.AlignmentFlag.AlignLeft, text)
            x += 13 + metrics.horizontalAdvance(text) + 10

    def _paint_row(self, painter: QPainter, index: int, row: GanttRow, span: tuple[date, date], left: float,
                   width: float) -> None:
        top = HEADER + index * ROW
        if index % 2:
            painter.fillRect(QRectF(0, top, self.width(), ROW), self.palette().alternateBase())
        metrics = QFontMetrics(self.font())
        label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, int(left - 2 * PAD))
        painter.setPen(LATE if row.late else self.palette().text().color())
        painter.drawText(QRectF(PAD, top, left - 2 * PAD, ROW), Qt.AlignmentFlag.AlignVCenter, label)
        start, end = row.start or row.end, row.end or row.start
        x1, x2 = self._x(start, left, width, span), self._x(end, left, width, span)
        bar = QRectF(x1, top + 5, max(4.0, x2 - x1), ROW - 10)
        painter.setBrush(QBrush(STATUS_FILL.get(row.status, QColor("#999999"))))
        painter.setPen(QPen(LATE, 2) if row.late else Qt.PenStyle.NoPen)
        painter.drawRoundedRect(bar, 3, 3)
        if row.late:  # the stretch from the planned end to today, hatched: how late it is
            overdue = QRectF(x2, top + 8, max(0.0, self._x(self.today, left, width, span) - x2), ROW - 16)
            painter.setBrush(QBrush(LATE, Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(overdue)

    # ---- interaction ----

    def row_at(self, y: float) -> GanttRow | None:
        index = int((y - HEADER) // ROW)
        return self.rows[index] if 0 <= index < len(self.rows) and y >= HEADER else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        row = self.row_at(event.position().y())
        if row is None:
            self.setToolTip("")
            return
        dates = " – ".join(format_date(d) for d in (row.start, row.end) if d)
        self.setToolTip(f"{row.label}\n{dates}" + ("\n" + _("late") if row.late else ""))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        row = self.row_at(event.position().y())
        if row is not None:
            self.activity_clicked.emit(row.id)
