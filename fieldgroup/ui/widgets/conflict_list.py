"""Open sync conflicts as cards: both values, which laptop made each and when, and a button to keep each."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from fieldgroup.core import schema
from fieldgroup.core.schema import TABLES
from fieldgroup.formatting import format_date, format_datetime, format_number
from fieldgroup.i18n import _
from fieldgroup.reports.labels import ATTENDANCE_LABELS, MEETING_KIND_LABELS
from fieldgroup.sync.review import Conflict
from fieldgroup.ui.dialogs.indicator_dialog import DIRECTION_LABELS, PERIOD_LABELS
from fieldgroup.ui.models.action_tracker_model import STATUS_LABELS
from fieldgroup.ui.models.import_history_model import local_time
from fieldgroup.ui.models.indicators_model import UNIT_LABELS
from fieldgroup.ui.models.people_model import GENDER_LABELS
from fieldgroup.ui.widgets.screen_text import shown

# The words the other pages use for each list of choices (keyed by the schema's tuple of choices).
CHOICE_LABELS = {
    schema.PILLARS: schema.PILLAR_LABELS, schema.GENDERS: GENDER_LABELS, schema.MEETING_KINDS: MEETING_KIND_LABELS,
    schema.ATTENDANCE_STATUSES: ATTENDANCE_LABELS, schema.ACTION_STATUSES: STATUS_LABELS, schema.UNITS: UNIT_LABELS,
    schema.DIRECTIONS: DIRECTION_LABELS, schema.PERIOD_KINDS: PERIOD_LABELS,
}
# Hundreds of cards would make the page slow to build; the rest show after these are resolved.
MAX_CARDS = 100


def value_text(conflict: Conflict, value: Any) -> str:
    """A stored value as people read it: labels for choices, local dates and numbers, '(empty)'."""
    if value is None or value == "":
        return _("(empty)")
    spec = TABLES[conflict.table].field(conflict.field)
    if spec.kind == "bool":
        return _("yes") if value else _("no")
    if spec.kind == "date":
        try:
            return format_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if spec.kind in ("int", "real") and isinstance(value, int | float):
        return format_number(value, 0 if float(value).is_integer() else 2)
    if spec.choices:
        label = CHOICE_LABELS.get(spec.choices, {}).get(value)
        return str(label) if label is not None else str(value)
    return shown(str(value))  # free text may hold mentions: names on screen, masked when presenting


def made_by(names: dict[str, str], device: str | None, when: datetime | None) -> str:
    if device is None:
        return _("on this laptop")
    laptop = names.get(device, device)
    return _("on {laptop}, {when}").format(laptop=laptop, when=format_datetime(local_time(when)))


class ConflictCard(QFrame):
    """One conflict; `keep` emits (conflict id, True for the current value / False for the other)."""

    keep = Signal(int, bool)

    def __init__(self, conflict: Conflict, names: dict[str, str], record: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        kind = conflict.kind_label
        title = _("{kind} · {field}").format(kind=kind[:1].upper() + kind[1:], field=conflict.field_label)
        heading = QLabel(f"<b>{_escape(title)}</b>" + (f" — {_escape(record)}" if record else ""))
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 3)
        if conflict.record_deleted:
            self._deleted(grid, names)
            return
        self.kept_label = self._side(grid, 1, _("Now in force:"), value_text(conflict, conflict.kept_value),
                                     made_by(names, conflict.kept_device, conflict.kept_at))
        self.lost_label = self._side(grid, 2, _("The other value:"), value_text(conflict, conflict.lost_value),
                                     made_by(names, conflict.lost_device, conflict.lost_at))
        self.keep_this = QPushButton(_("Keep this"))
        self.keep_other = QPushButton(_("Keep the other"))
        self.keep_this.setAccessibleName(_("Keep {value}").format(value=value_text(conflict, conflict.kept_value)))
        self.keep_other.setAccessibleName(_("Keep {value}").format(value=value_text(conflict, conflict.lost_value)))
        self.keep_this.clicked.connect(lambda: self.keep.emit(conflict.id, True))
        self.keep_other.clicked.connect(lambda: self.keep.emit(conflict.id, False))
        grid.addWidget(self.keep_this, 1, 2)
        grid.addWidget(self.keep_other, 2, 2)
        grid.setColumnStretch(1, 1)

    def _side(self, grid: QGridLayout, row: int, caption: str, value: str, who: str) -> QLabel:
        grid.addWidget(QLabel(caption), row, 0, Qt.AlignmentFlag.AlignTop)
        label = QLabel(_("{value}  ({who})").format(value=value, who=who))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(label, row, 1)
        return label

    def _deleted(self, grid: QGridLayout, names: dict[str, str]) -> None:
        if self.conflict.kind == "orphan":  # a record kept under a deleted parent, deleted since after all
            text = _("This record was kept when its parent was deleted on {laptop}, and has been deleted since; "
                     "nothing is left to decide.").format(
                laptop=names.get(self.conflict.lost_device, self.conflict.lost_device))
        else:
            text = _("This record was deleted; the change {who} to “{value}” was lost with it.").format(
                who=made_by(names, self.conflict.lost_device, self.conflict.lost_at),
                value=value_text(self.conflict, self.conflict.lost_value))
        self.lost_label = QLabel(text)
        self.lost_label.setWordWrap(True)
        grid.addWidget(self.lost_label, 1, 0, 1, 2)
        self.keep_this = QPushButton(_("OK, keep it deleted"))
        self.keep_this.clicked.connect(lambda: self.keep.emit(self.conflict.id, True))
        self.keep_other = None
        grid.addWidget(self.keep_this, 1, 2)
        grid.setColumnStretch(1, 1)


class KeptRecordCard(QFrame):
    """A record kept although its parent was deleted on another laptop: keep it where it is (under the
    recreated parent), move it under another one, or delete it. Signals carry the conflict id."""

    keep = Signal(int, bool)
    move = Signal(int)
    delete = Signal(int)

    def __init__(self, conflict: Conflict, sentence: str, record: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        kind = conflict.kind_label
        title = _("{kind} · to review: its parent was deleted on another laptop").format(
            kind=kind[:1].upper() + kind[1:])
        heading = QLabel(f"<b>{_escape(title)}</b>" + (f" — {_escape(record)}" if record else ""))
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 2)
        self.sentence = QLabel(sentence)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.sentence, 1, 0)
        buttons = QVBoxLayout()
        self.keep_this = QPushButton(_("Keep it here"))
        self.move_button = QPushButton(_("Move to…"))
        self.delete_button = QPushButton(_("Delete"))
        for button, name in ((self.keep_this, _("Keep {record} where it is")), (self.move_button, _("Move {record} to…")),
                             (self.delete_button, _("Delete {record}"))):
            button.setAccessibleName(name.format(record=record or kind))
            buttons.addWidget(button)
        self.keep_this.clicked.connect(lambda: self.keep.emit(conflict.id, True))
        self.move_button.clicked.connect(lambda: self.move.emit(conflict.id))
        self.delete_button.clicked.connect(lambda: self.delete.emit(conflict.id))
        buttons.addStretch(1)
        grid.addLayout(buttons, 1, 1)
        grid.setColumnStretch(0, 1)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class ConflictList(QScrollArea):
    """A scrolling column of ConflictCards; `keep` is forwarded from the cards."""

    keep = Signal(int, bool)
    move = Signal(int)  # a kept record (conflict id) to move under another parent
    delete = Signal(int)  # a kept record (conflict id) to delete after all

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.cards: list[ConflictCard | KeptRecordCard] = []
        self._set_content(QWidget())

    def _set_content(self, content: QWidget) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()  # later: the click that led here may still be running in one of its buttons
        self._column = QVBoxLayout(content)
        self.setWidget(content)

    def set_conflicts(self, conflicts: list[Conflict], names: dict[str, str], records: dict[tuple[str, str], str],
                      kept_sentences: dict[int, str] | None = None) -> None:
        """`kept_sentences`: conflict id -> the sentence describing a record kept under a deleted parent
        (those conflicts show as cards with Move to… and Delete)."""
        self.cards = []
        self._set_content(QWidget())
        if not conflicts:
            empty = QLabel(_("No conflicts to review: every change from other laptops fitted in."))
            empty.setWordWrap(True)
            self._column.addWidget(empty)
        kept_sentences = kept_sentences or {}
        for conflict in conflicts[:MAX_CARDS]:
            record = records.get((conflict.table, conflict.record_id), "")
            if conflict.id in kept_sentences:
                card = KeptRecordCard(conflict, kept_sentences[conflict.id], record)
                card.move.connect(self.move)
                card.delete.connect(self.delete)
            else:
                card = ConflictCard(conflict, names, record)
            card.keep.connect(self.keep)
            self.cards.append(card)
            self._column.addWidget(card)
        if len(conflicts) > MAX_CARDS:
            more = QLabel(_("{count} more conflicts show once these are reviewed.").format(
                count=format_number(len(conflicts) - MAX_CARDS)))
            self._column.addWidget(more)
        self._column.addStretch(1)
