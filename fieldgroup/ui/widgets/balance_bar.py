"""The live pillar-balance bar of a meeting: a bar per pillar, the balance index, its status and women's share."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fieldgroup.core.balance import HOME_GOVERNMENT, STATUS_LABELS, Balance
from fieldgroup.core.choices import ORG_SUBTYPE
from fieldgroup.core.schema import PILLAR_LABELS, PILLARS
from fieldgroup.formatting import format_index, format_number, format_percent
from fieldgroup.i18n import _
from fieldgroup.ui.widgets.colors import PILLAR_COLORS


def status_text(balance: Balance) -> str:
    """'balanced 1.00', 'missing pillar 0.63': the status in words, then the index."""
    return _("{status} {index}").format(status=str(STATUS_LABELS[balance.status]), index=format_index(balance.index))


def women_text(balance: Balance) -> str:
    if balance.women_share is None:
        return _("Women's share: not recorded")
    return _("Women's share: {share}").format(share=format_percent(balance.women_share))


def counts_text(balance: Balance) -> str:
    parts = [f"{str(PILLAR_LABELS[p])} {format_number(balance.counts.get(p, 0))}" for p in PILLARS]
    if balance.counts.get(HOME_GOVERNMENT):  # embassies: shown beside the pillars, not in the balance
        parts.append(f"{ORG_SUBTYPE.label(HOME_GOVERNMENT)} {format_number(balance.counts[HOME_GOVERNMENT])}")
    return " · ".join(parts)


class PillarBar(QWidget):
    """One horizontal bar split by pillar in proportion to the people present; empty when nobody is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 24)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRect(rect)
        total = sum(self.counts.get(p, 0) for p in PILLARS)
        if not total:
            return
        x = rect.left()
        painter.setPen(Qt.PenStyle.NoPen)
        for pillar in PILLARS:
            n = self.counts.get(pillar, 0)
            if not n:
                continue
            width = rect.width() * n / total
            segment = QRectF(x, rect.top(), width, rect.height())
            painter.setBrush(PILLAR_COLORS[pillar])
            painter.drawRect(segment)
            label = format_number(n)
            if painter.fontMetrics().horizontalAdvance(label) + 6 < width:
                painter.setPen(Qt.GlobalColor.white)
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, label)
                painter.setPen(Qt.PenStyle.NoPen)
            x += width


class BalanceBar(QWidget):
    """Bar, status with index, counts per pillar (in words, not colour alone) and women's share."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = PillarBar(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("balanceStatus")
        font = self.status_label.font()
        font.setBold(True)
        self.status_label.setFont(font)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.women_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.status_label, self.bar, self.counts_label, self.women_label):
            layout.addWidget(widget)
        self.setAccessibleName(_("Pillar balance"))
        self.set_balance(None)

    def set_balance(self, balance: Balance | None, one_pillar: bool = False) -> None:
        """`one_pillar`: a pillar meeting, where balance across pillars does not apply."""
        balance = balance or Balance()
        missing = ", ".join(str(PILLAR_LABELS[p]) for p in balance.missing_pillars)
        status = status_text(balance)
        if one_pillar:
            status = _("Pillar meeting: balance across pillars does not apply")
        elif not balance.present:
            status = _("{status} — nobody is recorded as present yet").format(status=status)
        elif missing:
            status = _("{status} (no {pillars})").format(status=status, pillars=missing)
        self.status_label.setText(status)
        self.bar.set_counts(balance.counts)
        self.counts_label.setText(counts_text(balance))
        self.women_label.setText(women_text(balance))
        self.setAccessibleDescription(self.text())
        self.bar.setToolTip(self.counts_label.text())

    def text(self) -> str:
        """Everything the widget says, as one line (for screen readers and tests)."""
        return " — ".join(label.text() for label in (self.status_label, self.counts_label, self.women_label))
