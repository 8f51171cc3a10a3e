"""Save as you go in the record dialogs: what is typed is journalled (drafts table) and comes back after a crash.

Why a draft and not saving each keystroke into the record: these dialogs have Save and Cancel, and a
coordinator expects Cancel to leave the record as it was; a person saved while half-typed would sync
their name to every laptop before "Protected" is ticked, and required fields (a name, an organisation)
cannot be saved until they are filled. So the record changes on Save only, and the journal — inside
the encrypted store, scrubbed by erasure like every draft — keeps the typing safe until then."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from fieldgroup.core import drafts as journal
from fieldgroup.i18n import _
from fieldgroup.ui.widgets.date_field import DateField

DRAFT_MS = 250  # as the meeting editor: a crash loses at most this much typing
KINDS = ("person", "organisation", "action", "indicator")


def _read(widget: QWidget) -> Any:
    if isinstance(widget, DateField):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise TypeError(type(widget).__name__)


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, DateField):
        widget.set_text(str(value or ""))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))


def _signal(widget: QWidget) -> Any:
    if isinstance(widget, DateField):
        return widget.edit.textChanged
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    return widget.toggled


class DialogDraft(QObject):
    """Journals `widgets` (field name -> widget) of `dialog` a quarter second after each change; the
    draft goes when the dialog closes by Save or Cancel, and stays if the app dies with it open."""

    def __init__(self, dialog: QDialog, store: Any, kind: str, record_id: str | None, group_id: str | None,
                 widgets: dict[str, QWidget]):
        super().__init__(dialog)
        self.store, self.kind, self.record_id, self.group_id, self.widgets = store, kind, record_id, group_id, widgets
        self.key = f"{kind}:{record_id or 'new'}"
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self.timer.timeout.connect(self.write)
        self._loading = False
        for widget in widgets.values():
            _signal(widget).connect(self._changed)
        dialog.finished.connect(lambda _result: self.discard())

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.timer.start()

    def write(self) -> None:
        self.timer.stop()
        fields = {name: _read(widget) for name, widget in self.widgets.items()}
        journal.save_draft(self.store, self.key, self.record_id, self.group_id, fields)

    def discard(self) -> None:
        self.timer.stop()
        journal.discard_draft(self.store, self.key)

    def restore(self, fields: dict[str, Any]) -> None:
        """Put a journalled draft back into the widgets (it stays journalled until Save or Cancel)."""
        self._loading = True
        try:
            for name, widget in self.widgets.items():
                if name in fields:
                    _write(widget, fields[name])
        finally:
            self._loading = False


def dialog_for(store: Any, draft: journal.Draft, parent: QWidget | None) -> tuple[QDialog, str] | None:
    """The dialog a draft was typed in, with its record, and the table it saves to; None when the
    record is gone (deleted here or by a sync since)."""
    from fieldgroup.ui.dialogs.action_item_dialog import ActionItemDialog
    from fieldgroup.ui.dialogs.indicator_dialog import IndicatorDialog
    from fieldgroup.ui.dialogs.organisation_dialog import OrganisationDialog
    from fieldgroup.ui.dialogs.person_dialog import PersonDialog

    kind = draft.key.split(":", 1)[0]
    kinds = {"person": (PersonDialog, store.people, "people"),
             "organisation": (OrganisationDialog, store.organisations, "organisations"),
             "action": (ActionItemDialog, store.actions, "action_items"),
             "indicator": (IndicatorDialog, store.indicators, "indicators")}
    dialog_class, records, table = kinds[kind]
    record = records.find(draft.record_id) if draft.record_id else None
    if draft.record_id and record is None:
        return None
    if not draft.group_id or store.groups.find(draft.group_id) is None:
        return None
    return dialog_class(store, draft.group_id, record, parent=parent), table


def restore_dialog_drafts(store: Any, parent: QWidget | None, changed: Any) -> int:
    """After a crash: each record dialog that was open comes back with what was typed, and says so.
    `changed(table)` tells the pages after a Save. Returns how many were shown."""
    shown = 0
    for draft in journal.list_drafts(store):
        if draft.key.split(":", 1)[0] not in KINDS:
            continue
        found = dialog_for(store, draft, parent)
        if found is None:
            journal.discard_draft(store, draft.key)  # its record was deleted: nothing to put it back into
            continue
        dialog, table = found
        dialog.draft.restore(draft.fields)
        notice = QLabel(_("FieldGroup was closed before this was saved; what you had typed is back. "
                          "Press Save to keep it, or Cancel to drop it."), dialog)
        notice.setWordWrap(True)
        notice.setObjectName("draft_notice")
        dialog.layout().insertWidget(0, notice)
        shown += 1
        if dialog.exec() == QDialog.DialogCode.Accepted:
            changed(table)
    return shown
