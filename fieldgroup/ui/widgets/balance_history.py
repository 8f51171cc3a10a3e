"""Small bars of the balance index of the last meetings, with status marks in text, clickable to open one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldgroup.core.balance import STATUS_LABELS
from fieldgroup.core.choices import BALANCE_STATUS
from fieldgroup.formatting import format_date, format_index
from fieldgroup.i18n import _
from fieldgroup.ui.data import MeetingRow
from fieldgroup.ui.widgets.colors import STATUS_COLORS

# Short marks under each bar so the status never depends on colour alone.
STATUS_MARKS = BALANCE_STATUS.symbols()


class BalanceHistory(QWidget):
    """One bar per meeting, oldest left; height is the balance index (0 to 1)."""

    meeting_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[MeetingRow] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(_("Balance of the last meetings"))

    def sizeHint(self) -> QSize:
        return QSize(420, 150)

    threshold: float = 0.9

    def set_rows(self, rows: list[MeetingRow], threshold: float | None = None) -> None:
        """`rows` newest first, as the meeting list gives them."""
        self.rows = list(reversed(rows))
        if threshold is not None:
            self.threshold = threshold
        lines = [
            _("{date}: {status} {index}").format(
                date=format_date(r.meeting.date), status=str(STATUS_LABELS[r.balance.status]),
                index=format_index(r.balance.index))
            for r in self.rows
        ]
        self.setToolTip("\n".join(lines) or _("No meetings yet."))
        self.setAccessibleDescription("; ".join(lines))
        self.update()

    def _slot_width(self) -> float:
        return self.width() / max(len(self.rows), 1)

    def _text_height(self) -> int:
        return self.fontMetrics().height()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics, text_h = self.fontMetrics(), self._text_height()
        chart_h = self.height() - 2 * text_h - 4
        if not self.rows:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No meetings yet."))
            return
        slot = self._slot_width()
        bar_w = min(slot * 0.6, 48.0)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        # The group's threshold as a dashed line: bars reaching it are balanced (when no pillar is missing).
        line_y = chart_h * (1 - self.threshold)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(0, line_y), QPointF(self.width(), line_y))
        for number, row in enumerate(self.rows):
            x = number * slot + (slot - bar_w) / 2
            height = max(chart_h * row.balance.index, 2.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATUS_COLORS[row.balance.status])
            painter.drawRect(QRectF(x, chart_h - height, bar_w, height))
            painter.setPen(text_color)
            mark = f"{STATUS_MARKS[row.balance.status]} {format_index(row.balance.index)}"
            cell = QRectF(number * slot, chart_h + 2, slot, text_h)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(mark, Qt.TextElideMode.ElideRight, int(slot)))
            day = format_date(row.meeting.date, "short")
            painter.drawText(cell.translated(0, text_h), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(day, Qt.TextElideMode.ElideRight, int(slot)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.rows:
            return
        number = int(event.position().x() // self._slot_width())
        if 0 <= number < len(self.rows):
            self.meeting_clicked.emit(self.rows[number].meeting.id)
