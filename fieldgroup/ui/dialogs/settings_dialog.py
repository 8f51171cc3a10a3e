"""Settings: language (applied at once), balance threshold of the group, paper size and default group."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import protected_contacts
from fieldgroup.core.balance import DEFAULT_THRESHOLD
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import SUPPORTED_LANGUAGES, _, current_locale, language_name
from fieldgroup.ui import settings
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.widgets.field_errors import ErrorLabel, FieldErrors

PAPER_SIZES = ("A4", "Letter")


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(_("Language"))
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(language_name(code), code)
        chosen = settings.value(settings.LANGUAGE, current_locale().split("_")[0])
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setAccessibleName(_("Balance threshold"))
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(_("Paper size"))
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.value(settings.PAPER_SIZE, "A4")), 0))
        self.default_group = QComboBox(self)
        self.default_group.setAccessibleName(_("Default group"))
        for group in ctx.store.groups.list():
            self.default_group.addItem(group.name, group.id)
        wanted = settings.value(settings.DEFAULT_GROUP, ctx.group_id)
        self.default_group.setCurrentIndex(max(self.default_group.findData(wanted), 0))
        # Protection (a group setting, synced): off by default.
        self.share_contacts = QCheckBox(_("Share protected people's e-mail, phone and notes with the other laptops"), self)
        self.share_contacts.setChecked(bool(ctx.group_id) and protected_contacts.shares(ctx.store, ctx.group_id))
        self.share_contacts.setEnabled(bool(ctx.group_id))
        self._build_layout()
        self._load_threshold()

    def _build_layout(self) -> None:
        self.errors = FieldErrors(ErrorLabel(self))
        threshold_error = ErrorLabel(self)
        self.errors.add("balance_threshold", threshold_error, self.threshold)
        form = QFormLayout()
        form.addRow(_("&Language"), self.language)
        form.addRow(_("&Balance threshold of this group"), self.threshold)
        form.addRow("", threshold_error)
        form.addRow(_("&Paper size"), self.paper)
        form.addRow(_("&Default group"), self.default_group)
        form.addRow(_("Share protected contacts"), self.share_contacts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def _load_threshold(self) -> None:
        group_id = self.ctx.group_id
        self.threshold.setEnabled(bool(group_id))
        self.threshold.setValue(self.ctx.store.groups.threshold(group_id) if group_id else DEFAULT_THRESHOLD)

    def accept(self) -> None:
        if self.ctx.group_id:
            group = self.ctx.store.groups.get(self.ctx.group_id)
            new = round(self.threshold.value(), 2)
            if group.balance_threshold is None and new == DEFAULT_THRESHOLD:
                new = None  # keep following the default rather than pinning it
            try:
                if new != group.balance_threshold:
                    self.ctx.store.groups.update(group.id, balance_threshold=new)
                    self.ctx.changed("groups")
                if self.share_contacts.isChecked() != protected_contacts.shares(self.ctx.store, group.id):
                    protected_contacts.set_sharing(self.ctx.store, group.id, self.share_contacts.isChecked())
            except FieldGroupError as exc:
                self.errors.show(exc)
                return
        settings.set_value(settings.LANGUAGE, self.language.currentData())
        settings.set_value(settings.PAPER_SIZE, self.paper.currentData())
        if self.default_group.currentData():
            settings.set_value(settings.DEFAULT_GROUP, self.default_group.currentData())
        super().accept()
