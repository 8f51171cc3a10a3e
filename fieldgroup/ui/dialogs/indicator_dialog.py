"""Create or edit an indicator's definition: code, name, unit, direction, period kind, baseline, computed key."""

from __future__ import annotations

from babel.numbers import NumberFormatError, parse_decimal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from fieldgroup.core import FieldGroupError, Store, ValidationError
from fieldgroup.core.choices import DIRECTION, PERIOD_KIND
from fieldgroup.core.entities import Indicator
from fieldgroup.core.indicators import COMPUTED
from fieldgroup.core.mentions import Directory
from fieldgroup.core.schema import DIRECTIONS, PERIOD_KINDS, UNITS
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, current_locale
from fieldgroup.ui.dialogs.action_item_dialog import to_qdate
from fieldgroup.ui.dialogs.dialog_draft import DialogDraft
from fieldgroup.ui.dialogs.form_buttons import lay_out_form
from fieldgroup.ui.models.indicators_model import UNIT_LABELS
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.validated_form import ValidatedForm

DIRECTION_LABELS = DIRECTION.labels()
PERIOD_LABELS = PERIOD_KIND.labels()


def parse_number(text: str, field: str, label: str, unit: str = "number") -> float | None:
    """A number typed the local way ('1,5' in French); yes/no accepted for yes/no indicators."""
    text = text.strip()
    if not text:
        return None
    if unit == "yes_no" and text.lower() in (_("yes").lower(), "yes", _("no").lower(), "no"):
        return 1.0 if text.lower() in (_("yes").lower(), "yes") else 0.0
    try:
        return float(parse_decimal(text.replace("%", "").strip(), locale=current_locale()))
    except NumberFormatError:
        raise ValidationError(field, _("{field} must be a number, for example {example}.").format(
            field=label, example=format_number(12.5, 1))) from None


class IndicatorDialog(QDialog):
    def __init__(self, store: Store, group_id: str, indicator: Indicator | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.group_id, self.indicator = store, group_id, indicator
        self.saved: Indicator | None = None
        self.setWindowTitle(_("Edit indicator") if indicator else _("New indicator"))
        self.setMinimumWidth(520)
        self.form = ValidatedForm()
        self.computed = self.form.add("computed", _("&Values:"), QComboBox())
        self.computed.addItem(_("entered by hand"), None)
        for key, (label, _unit, _direction) in COMPUTED.items():
            self.computed.addItem(_("computed: {name}").format(name=label), key)
        self.code = self.form.add("code", _("&Code:"), QLineEdit())
        self.name = self.form.add("name", _("&Name:"), QLineEdit())
        self.description = self.form.add("description", _("&Description:"), MentionEdit(None, lambda: Directory.from_store(store)))
        self.description.setMaximumHeight(70)
        self.unit = self.form.add("unit", _("&Unit:"), QComboBox())
        for unit in UNITS:
            self.unit.addItem(str(UNIT_LABELS[unit]), unit)
        self.direction = self.form.add("direction", _("Di&rection:"), QComboBox())
        for direction in DIRECTIONS:
            self.direction.addItem(str(DIRECTION_LABELS[direction]), direction)
        self.period_kind = self.form.add("period_kind", _("&Period:"), QComboBox())
        for kind in PERIOD_KINDS:
            self.period_kind.addItem(str(PERIOD_LABELS[kind]), kind)
        self.baseline = self.form.add("baseline_value", _("&Baseline value:"), QLineEdit())
        self.baseline_set = QCheckBox(_("Baseline measured on"))
        self.baseline_date = DateField(None, store.today())  # typed whole, in the language's format or ISO
        self.baseline_date.setAccessibleName(_("Baseline date"))
        self.baseline_set.toggled.connect(self.baseline_date.setEnabled)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.baseline_set)
        row.addWidget(self.baseline_date, 1)
        self.form.add("baseline_date", _("Baseline &date:"), box)
        self.computed.currentIndexChanged.connect(self._computed_changed)
        self._load(indicator)
        lay_out_form(self, self.form, self.save)
        self.draft = DialogDraft(self, store, "indicator", indicator.id if indicator else None, group_id, {
            "computed": self.computed, "code": self.code, "name": self.name, "description": self.description,
            "unit": self.unit, "direction": self.direction, "period_kind": self.period_kind,
            "baseline_value": self.baseline, "baseline_set": self.baseline_set, "baseline_date": self.baseline_date})

    def _select(self, combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _load(self, ind: Indicator | None) -> None:
        self.baseline_set.setChecked(bool(ind and ind.baseline_date))
        self.baseline_date.setEnabled(bool(ind and ind.baseline_date))
        if ind is None:
            return
        self._select(self.computed, ind.computed)
        self.computed.setEnabled(False)  # what an indicator measures does not change once it has values
        self.code.setText(ind.code or "")
        self.name.setText(ind.name)
        self.description.setPlainText(ind.description or "")
        self._select(self.unit, ind.unit)
        self._select(self.direction, ind.direction)
        self._select(self.period_kind, ind.period_kind)
        self.baseline.setText(format_number(ind.baseline_value, 2).rstrip("0").rstrip(".,")
                              if ind.baseline_value is not None else "")
        if ind.baseline_date:
            self.baseline_date.setDate(to_qdate(ind.baseline_date))
        self._computed_changed()

    def _computed_changed(self) -> None:
        key = self.computed.currentData()
        for widget in (self.unit, self.direction):
            widget.setEnabled(key is None)
        if key is not None:
            label, unit, direction = COMPUTED[key]
            if not self.name.text() or self.indicator is None:
                self.name.setText(str(label))
            self._select(self.unit, unit)
            self._select(self.direction, direction)

    def values(self) -> dict:
        return {
            "computed": self.computed.currentData(), "code": self.code.text(), "name": self.name.text(),
            "description": self.description.toPlainText(), "unit": self.unit.currentData(),
            "direction": self.direction.currentData(), "period_kind": self.period_kind.currentData(),
            "baseline_value": parse_number(self.baseline.text(), "baseline_value", _("Baseline value")),
            "baseline_date": self.baseline_date.check("baseline_date") if self.baseline_set.isChecked() else None,
        }

    def save(self) -> None:
        try:
            values = self.values()
            if self.indicator is None:
                self.saved = self.store.indicators.create(group_id=self.group_id, **values)
            else:
                values.pop("computed")
                self.saved = self.store.indicators.update(self.indicator.id, **values)
        except FieldGroupError as exc:
            self.form.show_error(exc)
            return
        self.accept()
