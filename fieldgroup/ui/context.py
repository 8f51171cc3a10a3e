"""What every page of the main window shares: the open store, the chosen group and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from fieldgroup.core import Store
from fieldgroup.ui.widgets import screen_text


class AppContext(QObject):
    """The open store and the group being worked on; pages listen to its signals to refresh.

    Pages call `changed()` after they write to the store, so that other pages (the dashboard,
    the tracker) reload what they show; nobody polls."""

    group_changed = Signal(object)  # new group id, or None when the store has no group
    data_changed = Signal(str)  # table name that changed ("meetings", "action_items", ...), "" for many
    open_requested = Signal(str, str)  # (page key, record id): "show this meeting / action item"

    def __init__(self, store: Store, group_id: str | None = None):
        super().__init__()
        self.store = store
        self.group_id = group_id
        self.undo_stack = QUndoStack(self)  # Edit ▸ Undo: status changes, Mark done, edits (ui/undo.py)
        # Lists show mentions as names (and mask protected names when presenting): people, or the pillar of
        # their organisation, may have changed.
        screen_text.screen().use(store)
        self.data_changed.connect(
            lambda table: screen_text.screen().people_changed() if table in ("", "people", "organisations") else None)

    def set_group(self, group_id: str | None) -> None:
        if group_id != self.group_id:
            self.group_id = group_id
            self.group_changed.emit(group_id)

    def changed(self, table: str = "") -> None:
        self.data_changed.emit(table)

    def open_record(self, page: str, record_id: str) -> None:
        self.open_requested.emit(page, record_id)
