"""Table model of indicators with their latest target, actual and status (colour dot and text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from fieldgroup.core.choices import UNIT
from fieldgroup.core.entities import Indicator
from fieldgroup.core.incidents import INDICATOR_PREFIX
from fieldgroup.core.indicators import NO_DATA, STATUS_LABELS, PeriodProgress, progress_text
from fieldgroup.formatting import format_number, format_percent, format_period
from fieldgroup.i18n import N_, _
from fieldgroup.ui.models.table_model import Index, ObjectTableModel
from fieldgroup.ui.widgets.markers import STATUS_COLOURS, status_icon

UNIT_LABELS = UNIT.labels()
HEADERS = (N_("Code"), N_("Indicator"), N_("Unit"), N_("Latest period"), N_("Target"), N_("Actual"),
           N_("Progress"), N_("Status"))
CODE, NAME, UNIT, PERIOD, TARGET, ACTUAL, PROGRESS, STATUS = range(8)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "yes_no":
        return _("yes") if value >= 1 else _("no")
    if unit == "percent":
        return format_percent(value / 100, 1 if value != int(value) else 0)
    return format_number(value, 0 if value == int(value) else 2)


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """An indicator and where it stands: the latest period that has an actual value (or else a target)."""

    indicator: Indicator
    latest: PeriodProgress | None

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else NO_DATA


def latest_progress(rows: list[PeriodProgress]) -> PeriodProgress | None:
    """The newest period up to now with an actual value; else the first target still to come."""
    measured = [r for r in rows if r.actual is not None]
    if measured:
        return measured[-1]
    return rows[0] if rows else None


class IndicatorsModel(ObjectTableModel[IndicatorRow]):
    headers = HEADERS

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)

    @staticmethod
    def row_id(row: IndicatorRow) -> str:
        return row.indicator.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            if row.indicator.id.startswith(INDICATOR_PREFIX):  # the core team's incident indicators
                return f"{row.indicator.name}\n{row.indicator.description}"
            if row.indicator.computed:
                return _("{name}: computed by FieldGroup from the group's meetings and action items.").format(
                    name=row.indicator.name)
            return row.indicator.name
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    @staticmethod
    def _text(row: IndicatorRow, column: int) -> str:
        ind, latest = row.indicator, row.latest
        if column == CODE:
            return ind.code or ""
        if column == NAME:
            return _("{name} (computed)").format(name=ind.name) if ind.computed else ind.name
        if column == UNIT:
            return str(UNIT_LABELS.get(ind.unit, ind.unit))
        if column == STATUS:
            return str(STATUS_LABELS[row.status])
        if latest is None:
            return ""
        if column == PERIOD:
            return format_period(latest.period)
        if column == TARGET:
            return format_value(latest.target, ind.unit)
        if column == ACTUAL:
            return format_value(latest.actual, ind.unit)
        if column == PROGRESS:
            return progress_text(latest.progress, ind.direction) if latest.progress is not None else ""
        return ""
