"""Small painted icons and colours that mark state (protected, overdue, indicator status) beside a text."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from fieldgroup.core.choices import OVERDUE_COLOUR, PROGRESS_STATUS, PROTECTED_COLOUR

# Indicator status colours; every use also shows the status as text, so colour is never the only signal.
STATUS_COLOURS = PROGRESS_STATUS.colours()


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@cache
def shield_icon(size: int = 16) -> QIcon:
    """A shield: this person is protected."""
    pixmap, painter = _canvas(size)
    s = size
    path = QPainterPath()
    path.moveTo(s * 0.5, s * 0.06)
    path.lineTo(s * 0.9, s * 0.2)
    path.cubicTo(s * 0.9, s * 0.6, s * 0.72, s * 0.82, s * 0.5, s * 0.96)
    path.cubicTo(s * 0.28, s * 0.82, s * 0.1, s * 0.6, s * 0.1, s * 0.2)
    path.closeSubpath()
    painter.setPen(QPen(QColor(PROTECTED_COLOUR).darker(130), 1))
    painter.setBrush(QBrush(QColor(PROTECTED_COLOUR)))
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)


@cache
def warning_icon(size: int = 16) -> QIcon:
    """A triangle with '!': overdue."""
    pixmap, painter = _canvas(size)
    s = size
    painter.setPen(QPen(QColor(OVERDUE_COLOUR).darker(130), 1))
    painter.setBrush(QBrush(QColor(OVERDUE_COLOUR)))
    painter.drawPolygon(QPolygonF([QPointF(s * 0.5, s * 0.06), QPointF(s * 0.96, s * 0.92), QPointF(s * 0.04, s * 0.92)]))
    painter.setPen(QPen(QColor("white"), max(1.5, s / 9)))
    painter.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.64))
    painter.drawPoint(QPointF(s * 0.5, s * 0.78))
    painter.end()
    return QIcon(pixmap)


@cache
def status_icon(status: str, size: int = 14) -> QIcon:
    """A filled dot in the status colour (the status text always goes beside it)."""
    pixmap, painter = _canvas(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(STATUS_COLOURS.get(status, "#7F8C8D"))))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
