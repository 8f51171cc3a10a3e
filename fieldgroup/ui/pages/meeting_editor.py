"""The meeting editor: details, agenda, attendance with a live balance bar, minutes, decisions, action items."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core import drafts as journal
from fieldgroup.core import typed_names
from fieldgroup.core.entities import Meeting
from fieldgroup.core.erasure import dismiss
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.core.mentions import Directory
from fieldgroup.core.schema import MEETING_KINDS, PILLARS
from fieldgroup.formatting import format_date, format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.labels import MEETING_KIND_LABELS, label, pillar_label
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.pages.attendance_panel import AttendancePanel
from fieldgroup.ui.pages.meeting_actions_panel import MeetingActionsPanel
from fieldgroup.ui.pages.minute_sections_panel import MinuteSectionsPanel
from fieldgroup.ui.undo import MeetingDetailsEdit
from fieldgroup.ui.widgets import screen_text
from fieldgroup.ui.widgets.agenda_editor import AgendaEditor
from fieldgroup.ui.widgets.balance_bar import BalanceBar
from fieldgroup.ui.widgets.date_field import DateField
from fieldgroup.ui.widgets.dates import from_qdate, to_qdate
from fieldgroup.ui.widgets.field_errors import ErrorLabel, FieldErrors
from fieldgroup.ui.widgets.mention_edit import MentionEdit
from fieldgroup.ui.widgets.mention_line import MentionLine
from fieldgroup.ui.widgets.name_guard import NameGuard
from fieldgroup.ui.widgets.time_field import TimeField
from fieldgroup.ui.widgets.why import enable, unless

DETAILS_TAB, ATTENDANCE_TAB, MINUTES_TAB, ACTIONS_TAB = range(4)
DRAFT_MS = 250  # the draft journal follows the typing closely: a crash loses at most this much
SAVE_MS = 1000  # the meeting itself is saved once the typing pauses
FIELD_TABS = {"minutes": MINUTES_TAB, "decisions": MINUTES_TAB}
# The fields Edit ▸ Undo (Ctrl+Z) takes back; minutes and decisions have their own Ctrl+Z, inside the box.
DETAIL_FIELDS = ("kind", "date", "start_time", "end_time", "title", "place", "region", "pillar", "agenda")


class MeetingEditor(QWidget):
    """Edits one meeting and saves as you go: every change is written to the draft journal inside the
    store within a quarter second and saved to the meeting once typing pauses for a second (or at
    once when leaving it); a change that cannot be saved yet stays in the journal, with the reason
    beside the field, and is restored at the next start if the app is closed or crashes."""

    saved = Signal(str)
    deleted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.started_in_group: str | None = ctx.group_id
        self.ctx = ctx
        self.meeting: Meeting | None = None
        self.dirty = False
        self._loading = False
        self.draft_key: str | None = None  # the journal row holding unsaved edits, if any
        self._committed: dict = {}  # the details as the last undo step left them
        self._open_undo: tuple[MeetingDetailsEdit, int] | None = None  # the step still growing, at its index
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self.draft_timer.timeout.connect(self.write_draft)
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_MS)
        self.save_timer.timeout.connect(self.autosave)
        self.errors = FieldErrors(ErrorLabel(self))
        self.balance = BalanceBar(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_tab(), _("&Details and agenda"))
        self.attendance = AttendancePanel(ctx, self.ensure_saved, self)
        self.attendance.changed.connect(self.refresh_balance)
        self.attendance.kind_and_date = lambda: (self.kind.currentData(), from_qdate(self.date.date()))
        self.tabs.addTab(self.attendance, _("A&ttendance"))
        self.tabs.addTab(self._minutes_tab(), _("&Minutes and decisions"))
        self.actions_panel = MeetingActionsPanel(ctx, self.ensure_saved, self)
        self.tabs.addTab(self.actions_panel, _("Action &items"))
        self.sections_panel = MinuteSectionsPanel(ctx, self.ensure_saved, self)  # minutes by audience
        self.tabs.addTab(self.sections_panel, _("Sections for a&udiences"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header())
        layout.addWidget(self.notice)
        layout.addWidget(self.balance)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.tabs, 1)

    # ---- building ----

    def _header(self) -> QVBoxLayout:
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)  # "Sub-national meeting — 5 juil. 2025, 09:30 – 12:30" wraps, never cut
        self.save_state = QLabel(self)
        self.save_state.setAccessibleName(_("Saving"))
        save_now = QAction(self)  # no Save button (everything saves as you go); Ctrl+S still saves at once
        save_now.setShortcut(QKeySequence.StandardKey.Save)
        save_now.triggered.connect(self.save_now)
        self.addAction(save_now)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.delete_button = QPushButton(_("Delete…"), self)
        self.delete_button.clicked.connect(self.delete)
        self.print_button = QPushButton(_("Print handout…"), self)
        self.print_button.setToolTip(_("A PDF handout of this meeting, for printing"))
        self.print_button.clicked.connect(self.print_handout)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        for button in (self.print_button, self.delete_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        header = QVBoxLayout()  # the save state under the heading: beside it, French squeezed the heading to a word a line
        header.addLayout(row)
        header.addWidget(self.save_state)
        return header

    def _field(self, form: QFormLayout, text: str, widget: QWidget, field: str) -> None:
        widget.setAccessibleName(text.replace("&", ""))
        form.addRow(text, widget)
        error = ErrorLabel(self)
        form.addRow("", error)
        self.errors.add(field, error, widget)

    def _details_tab(self) -> QWidget:
        self.kind = QComboBox(self)
        for kind in MEETING_KINDS:
            self.kind.addItem(label(MEETING_KIND_LABELS, kind), kind)
        self.date = DateField(self, self.ctx.store.today())
        self.start_time, self.end_time = TimeField(self), TimeField(self)
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.start_time, 1)
        times.addWidget(QLabel(_("to"), self))
        times.addWidget(self.end_time, 1)
        times_box = QWidget(self)
        times_box.setLayout(times)
        self.start_time.setAccessibleName(_("Start time"))
        self.end_time.setAccessibleName(_("End time"))
        # Title and place may name people too: mentions, and masked in presentation mode like the minutes.
        self.title = MentionLine(self, self.directory)
        self.place = MentionLine(self, self.directory)
        self.region = MentionLine(self, self.directory)  # converted like the title (protect4)
        self.pillar = QComboBox(self)
        self.pillar.addItem(_("(all pillars)"), None)
        for pillar in PILLARS:
            self.pillar.addItem(pillar_label(pillar), pillar)
        form = QFormLayout()
        for text, widget, field in (
            (_("T&ype"), self.kind, "kind"), (_("D&ate"), self.date, "date"),
            (_("Ti&me"), times_box, "start_time"), (_("Tit&le"), self.title, "title"),
            (_("&Place"), self.place, "place"), (_("&Region"), self.region, "region"),
            (_("Pilla&r"), self.pillar, "pillar"),
        ):
            self._field(form, text, widget, field)
        self.errors.labels["end_time"] = (self.errors.labels["start_time"][0], self.end_time)
        self.errors.labels["start_time"] = (self.errors.labels["start_time"][0], self.start_time)
        self.date.invalid.connect(lambda message: self._field_problem("date", message))
        self.agenda = AgendaEditor(self, self.directory, self.forget_directory)  # the editor's one directory
        self.errors.add("agenda", ErrorLabel(self), self.agenda.new_item)
        self.arising_button = QPushButton(_("Add matters arising"), self)
        self.arising_button.setToolTip(_("Adds the open action items of earlier meetings to the agenda, "
                                         "as on the printed handout"))
        self.arising_button.clicked.connect(self.add_matters_arising)
        self.arising_loader = QueryOp(self, self.ctx.store)
        agenda_box = QVBoxLayout()
        agenda_box.addWidget(QLabel(_("Agenda"), self))
        agenda_box.addWidget(self.agenda, 1)
        agenda_box.addWidget(NameGuard(self.agenda, lambda pid, phrase: dismiss(self.ctx.store, pid, phrase), self))
        agenda_box.addWidget(self.arising_button)
        agenda_box.addWidget(self.errors.labels["agenda"][0])
        self.kind.currentIndexChanged.connect(lambda _index: self.refresh_balance())
        for signal in (self.kind.currentIndexChanged, self.date.dateChanged, self.title.textChanged,
                       self.place.textChanged, self.region.textChanged, self.pillar.currentIndexChanged,
                       self.agenda.changed, self.start_time.textEdited, self.end_time.textEdited):
            signal.connect(self._details_changed)
        for line in (self.title, self.place, self.region, self.start_time, self.end_time, self.date.edit):
            line.installEventFilter(self)  # Ctrl+Z with nothing typed in the box: Edit ▸ Undo
        tab = QWidget(self)
        layout = QHBoxLayout(tab)
        layout.addLayout(form, 1)
        layout.addLayout(agenda_box, 1)
        return tab

    def _minutes_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QHBoxLayout(tab)
        # Protection: people are mentions in the text; a guard offers to convert names typed plainly.
        self.minutes = MentionEdit(self, self.directory, self.forget_directory)
        self.decisions = MentionEdit(self, self.directory, self.forget_directory)
        for text, widget, field in ((_("Minutes"), self.minutes, "minutes"), (_("Decisions"), self.decisions, "decisions")):
            widget.setAccessibleName(text)
            widget.setTabChangesFocus(True)
            widget.textChanged.connect(self._mark_dirty)
            box = QVBoxLayout()
            box.addWidget(QLabel(text, self))
            box.addWidget(widget, 1)
            box.addWidget(NameGuard(widget, lambda pid, phrase: dismiss(self.ctx.store, pid, phrase), self))
            error = ErrorLabel(self)
            box.addWidget(error)
            self.errors.add(field, error, widget)
            layout.addLayout(box, 1)
        return tab

    def _field_problem(self, field: str, message: str) -> None:
        label = self.errors.labels[field][0]
        if message:
            label.show_message(message)
        else:
            label.clear_message()

    def add_matters_arising(self) -> None:
        """One agenda item per open action item of an earlier meeting (read in the background)."""
        group_id = self.started_in_group or self.ctx.group_id
        day = from_qdate(self.date.date())

        def add(titles: list[str]) -> None:
            present = set(self.agenda.items())
            new = [_("Matters arising: {title}").format(title=t) for t in titles]
            new = [item for item in new if item not in present]
            if new:
                self.agenda.set_items([*self.agenda.items(), *new])
                self._mark_dirty()

        self.arising_loader.run(lambda store: [a.title for a in matters_arising(store, group_id, day)], add)

    # ---- loading ----

    def load(self, meeting: Meeting | None) -> None:
        """Show `meeting`, or a blank new meeting for None (saved on Save or at the first attendee)."""
        self._loading = True
        self.draft_timer.stop()
        self.save_timer.stop()
        self.notice.setVisible(False)
        self.meeting = meeting
        self.draft_key = None
        self.started_in_group = meeting.group_id if meeting else self.ctx.group_id
        self.errors.clear()
        self.kind.setCurrentIndex(max(self.kind.findData(meeting.kind if meeting else "plenary"), 0))
        self.date.setDate(to_qdate(meeting.date if meeting else self.ctx.store.today()))
        self.start_time.set_value(meeting.start_time if meeting else None)
        self.end_time.set_value(meeting.end_time if meeting else None)
        for widget, value in ((self.title, meeting and meeting.title), (self.place, meeting and meeting.place),
                              (self.region, meeting and meeting.region)):
            widget.setText(value or "")
            widget.setCursorPosition(0)  # a long title shows its beginning
        self.pillar.setCurrentIndex(max(self.pillar.findData(meeting.pillar if meeting else None), 0))
        self.agenda.set_items(meeting.agenda_items if meeting else [])
        self.minutes.setPlainText(meeting.minutes or "" if meeting else "")
        self.decisions.setPlainText(meeting.decisions or "" if meeting else "")
        self._loading = False
        self._set_dirty(False)
        self._close_undo_step()
        enable(self.delete_button, unless(meeting is not None, _("This meeting is not saved yet: there is nothing to delete.")))
        meeting_id = meeting.id if meeting else None
        self.attendance.set_meeting(meeting_id)
        self.actions_panel.set_meeting(meeting_id)
        self.sections_panel.set_meeting(meeting_id)
        self.refresh_balance()

    def new_meeting(self) -> None:
        self.load(None)
        self.tabs.setCurrentIndex(DETAILS_TAB)
        self.title.setFocus()

    def directory(self) -> Directory:
        """Everyone a mention may name: the window's one directory, kept from meeting to meeting until
        people change (the context forgets it then; `forget_directory` on demand)."""
        screen = screen_text.screen()
        screen.use(self.ctx.store)  # the same store in the app; tests open several
        return screen.directory()

    @staticmethod
    def forget_directory() -> None:
        screen_text.screen().invalidate()

    def take_outside_changes(self) -> None:
        """The store's copy of the open meeting changed under it (a sync; names typed as plain text
        turned into mentions before an export): show it, keeping edits not saved yet, converted alike."""
        fresh = self.ctx.store.meetings.find(self.meeting.id) if self.meeting else None
        if fresh is None:
            return
        boxes = ((self.title, "title"), (self.place, "place"), (self.region, "region"), (self.minutes, "minutes"),
                 (self.decisions, "decisions"))
        loading, self._loading = self._loading, not self.dirty  # a reload is not an edit; converted edits stay unsaved
        for box, name in boxes:
            text = typed_names.reconciled(getattr(self.meeting, name), self.values()[name], getattr(fresh, name),
                                          self.directory())
            if text is not None:
                box.setPlainText(text)
        agenda = typed_names.reconciled("\n".join(self.meeting.agenda_items), "\n".join(self.agenda.items()),
                                        "\n".join(fresh.agenda_items), self.directory())
        if agenda is not None:
            self.agenda.set_items([line for line in agenda.splitlines() if line.strip()])
        self._loading = loading
        self.meeting = fresh
        self.sections_panel.take_outside_changes()

    def refresh_balance(self) -> None:
        balance = self.ctx.store.meetings.balance(self.meeting.id) if self.meeting else None
        self.balance.set_balance(balance, one_pillar=self.kind.currentData() == "pillar")

    def _mark_dirty(self) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.draft_timer.start()
            self.save_timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        if self.meeting is None:
            heading = _("New meeting")
        else:
            heading = f"{label(MEETING_KIND_LABELS, self.meeting.kind)} — {meeting_when(self.meeting)}"
        self.heading.setText(heading + (" *" if dirty else ""))
        self.heading.setToolTip(_("Unsaved changes") if dirty else "")
        self.save_state.setText(_("Not saved yet") if dirty else (_("All changes saved") if self.meeting else ""))

    # ---- undo of the details (Edit ▸ Undo, Ctrl+Z) ----

    def _details_changed(self) -> None:
        self._mark_dirty()
        self._track_undo()

    def detail_values(self) -> dict:
        """The details Ctrl+Z takes back, as stored (the date as the last valid one typed)."""
        values = self.values()
        values["date"] = from_qdate(self.date.date()).isoformat()
        return {name: values[name] for name in DETAIL_FIELDS}

    def _track_undo(self) -> None:
        """Keep the undo stack level with the screen: a change of the details opens an undo step (its
        first redo does nothing) that grows while the same fields change, until the change is saved;
        editing another field starts the next step."""
        if self._loading or self.meeting is None:
            return
        stack, now = self.ctx.undo_stack, self.detail_values()
        step = self._open_undo[0] if self._open_undo and self._open_undo[1] == stack.index() == stack.count() else None
        if step is not None and step.meeting_id == self.meeting.id and _changed(step.old, now) <= step.fields():
            step.new = now
            return
        if step is not None:
            self._committed = dict(step.new)
        if now == self._committed:
            return
        meeting_id = self.meeting.id
        step = MeetingDetailsEdit(meeting_id, lambda values: self._apply_details(meeting_id, values), self._committed, now)
        stack.push(step)
        self._open_undo = (step, stack.index())

    def _close_undo_step(self) -> None:
        self._open_undo = None
        self._committed = self.detail_values() if self.meeting else {}

    def _apply_details(self, meeting_id: str, values: dict) -> None:
        """Undo or redo of a details step: on screen (and saved at once) when this meeting is open,
        else straight into the store."""
        if self.meeting is None or self.meeting.id != meeting_id:
            try:
                self.ctx.store.meetings.update(meeting_id, **values)
            except FieldGroupError as exc:
                QMessageBox.information(self, _("Undo"), str(exc))
                return
            self.ctx.changed("meetings")
            return
        self._loading = True
        self._show_fields(values)
        self._loading = False
        self._set_dirty(True)
        if not self.save(quiet=True):
            self.save_timer.start()
        self._close_undo_step()

    def _show_fields(self, fields: dict) -> None:
        """Put stored detail values (a draft's, an undo step's) into the widgets."""
        self.kind.setCurrentIndex(max(self.kind.findData(fields.get("kind")), 0))
        for widget, name in ((self.title, "title"), (self.place, "place"), (self.region, "region")):
            widget.setText(fields.get(name) or "")
        self.pillar.setCurrentIndex(max(self.pillar.findData(fields.get("pillar")), 0))
        self.agenda.set_items([line for line in (fields.get("agenda") or "").splitlines() if line.strip()])
        if fields.get("date"):
            try:
                self.date.setDate(to_qdate(date.fromisoformat(str(fields["date"]))))
            except ValueError:
                self.date.set_text(str(fields["date"]))  # a draft's as typed, when it was not a date yet
        self.start_time.set_value(fields.get("start_time"))
        self.end_time.set_value(fields.get("end_time"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        box = watched if isinstance(watched, QLineEdit) else getattr(watched, "document", lambda: None)()
        if box is not None and event.type() == QEvent.Type.ShortcutOverride and (
                (event.matches(QKeySequence.StandardKey.Undo) and not box.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not box.isRedoAvailable())):
            return True  # nothing typed to undo in this box: Ctrl+Z goes to Edit ▸ Undo (the last change)
        return super().eventFilter(watched, event)

    # ---- saving ----

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(),
            "date": self.date.iso_text(),
            "start_time": self.start_time.value(),
            "end_time": self.end_time.value(),
            "title": self.title.text(),
            "place": self.place.text(),
            "region": self.region.text(),
            "pillar": self.pillar.currentData(),
            "agenda": "\n".join(self.agenda.items()),
            "minutes": self.minutes.toPlainText(),
            "decisions": self.decisions.toPlainText(),
        }

    # ---- the draft journal ----

    def _key(self) -> str:
        return f"meeting:{self.meeting.id}" if self.meeting else "meeting:new"

    def write_draft(self) -> None:
        """Journal what is on the screen (a quick write into the store's own drafts table)."""
        if not self.dirty:
            return
        self.draft_timer.stop()
        key = self._key()
        if self.draft_key and self.draft_key != key:
            journal.discard_draft(self.ctx.store, self.draft_key)
        journal.save_draft(self.ctx.store, key, self.meeting.id if self.meeting else None,
                                self.started_in_group or self.ctx.group_id, self.values())
        self.draft_key = key

    def _discard_draft(self) -> None:
        if self.draft_key:
            journal.discard_draft(self.ctx.store, self.draft_key)
            self.draft_key = None

    def restore_draft(self, draft: journal.Draft) -> None:
        """Show a journalled draft over its meeting (or as a new meeting), say so, and save it as usual."""
        meeting = self.ctx.store.meetings.find(draft.record_id) if draft.record_id else None
        self.load(meeting)
        if draft.group_id:
            self.started_in_group = draft.group_id
        self.draft_key = draft.key
        self._loading = True
        fields = draft.fields
        self._show_fields(fields)
        self.minutes.setPlainText(fields.get("minutes") or "")
        self.decisions.setPlainText(fields.get("decisions") or "")
        self._loading = False
        self._set_dirty(True)
        self.save_timer.start()
        self.notice.setText(_("FieldGroup was closed before these changes were saved; they have been restored "
                              "and are saved again now."))
        self.notice.setVisible(True)

    # ---- saving ----

    def autosave(self) -> None:
        """The pause after typing: save quietly; what cannot be saved yet stays in the journal."""
        if self.dirty:
            self.save(quiet=True)

    def save_now(self) -> bool:
        """Ctrl+S, or leaving the meeting: save at once."""
        return self.save() if self.dirty or self.meeting is None else True

    def save(self, quiet: bool = False) -> bool:
        """Validate and save; on a problem, say what is wrong beside the field and keep the edits
        (in the journal too). `quiet` (the autosave) does not move to the tab of the problem."""
        self.draft_timer.stop()
        self.save_timer.stop()
        store = self.ctx.store
        try:
            self.date.check("date")  # a typed date that is not one is said beside the field, not guessed
            self.start_time.check("start_time")
            self.end_time.check("end_time")
            if self.meeting is None:
                # The group the meeting was started in, even if the group selector moved on since.
                group_id = self.started_in_group or self.ctx.group_id
                if not group_id:
                    raise FieldGroupError(_("Create a working group first (File ▸ New group…)."))
                meeting = store.meetings.create(group_id=group_id, **self.values())
            else:
                meeting = store.meetings.update(self.meeting.id, **self.values())
        except FieldGroupError as exc:
            field = getattr(exc, "field", None)
            if not quiet:
                self.tabs.setCurrentIndex(FIELD_TABS.get(field, DETAILS_TAB))
            self.errors.show(exc)
            self.write_draft()
            self.save_state.setText(_("Not saved yet: see the message beside the field"))
            return False
        self.errors.clear()
        self._discard_draft()
        self.meeting = meeting
        self._set_dirty(False)
        self._close_undo_step()  # a pause in the typing ends one undo step
        self.delete_button.setEnabled(True)
        self.attendance.meeting_id = self.actions_panel.meeting_id = meeting.id
        self.saved.emit(meeting.id)
        self.ctx.changed("meetings")
        return True

    def print_handout(self) -> None:
        """Saves first, so the handout shows what is on the screen."""
        from fieldgroup.ui.report_export import export_pdf

        meeting_id = self.ensure_saved()
        if meeting_id:
            export_pdf(self, self.ctx, "meeting", meeting_id)

    def ensure_saved(self) -> str | None:
        """The meeting's id, saving a new meeting first; None when it cannot be saved yet."""
        if self.meeting is None and not self.dirty:
            self.errors.show(FieldGroupError(_("Type the meeting's details first: a blank meeting is not saved.")))
            return None
        if self.meeting is None or self.dirty:
            if not self.save():
                return None
        return self.meeting.id if self.meeting else None

    def maybe_leave(self) -> bool:
        """True when it is fine to show something else: the edits are saved on the way out; only
        edits that cannot be saved yet make it ask (fix them, or discard them)."""
        if not self.dirty or self.save():
            return True
        answer = QMessageBox.question(
            self, _("Changes cannot be saved yet"),
            _("This meeting's changes cannot be saved yet (see the message beside the field). Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._discard_draft()
            self.load(self.meeting)
            return True
        return False

    # ---- deleting ----

    def delete(self) -> None:
        if self.meeting is None:
            return
        store, meeting = self.ctx.store, self.meeting
        people = store.attendance.count(meeting_id=meeting.id)
        actions = store.actions.count(meeting_id=meeting.id)
        text = " ".join((
            _("Delete the meeting of {date}?").format(date=format_date(meeting.date)),
            ngettext("Its attendance list ({n} person) is removed.",
                     "Its attendance list ({n} people) is removed.", people).format(n=format_number(people)),
            ngettext("Its {n} action item is kept, without a meeting.",
                     "Its {n} action items are kept, without a meeting.", actions).format(n=format_number(actions)),
        ))
        answer = QMessageBox.question(self, _("Delete meeting"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            store.meetings.delete(meeting.id)
        except FieldGroupError as exc:
            self.errors.show(exc)
            return
        self.dirty = False
        self.save_timer.stop()
        self._discard_draft()
        self.deleted.emit(meeting.id)
        self.ctx.changed("meetings")


def _changed(old: dict, new: dict) -> set[str]:
    return {name for name in new if new[name] != old.get(name)}


def meeting_when(meeting: Meeting) -> str:
    """"4 Dec 2026, 9:30 AM – 12:00 PM": the date with the start (and end) time when known."""
    from fieldgroup.formatting import format_time

    when = format_date(meeting.date)
    if meeting.start_time:
        times = format_time(meeting.start_time)
        if meeting.end_time:
            times = _("{start} – {end}").format(start=times, end=format_time(meeting.end_time))
        when = _("{date}, {time}").format(date=when, time=times)
    return when


def matters_arising(store: object, group_id: str | None, day: object) -> list:
    """The handout's "Matters arising" (core.matters_arising: due since the group's previous meeting)."""
    from fieldgroup.core.matters_arising import matters_arising_on

    return matters_arising_on(store, group_id, day).items if group_id else []
