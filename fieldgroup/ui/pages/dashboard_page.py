"""The dashboard: next meeting, overdue action items, balance of the last meetings, indicators behind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldgroup.core.balance import STATUS_LABELS
from fieldgroup.core.indicators import progress_text, shown_progress
from fieldgroup.formatting import format_date, format_index, format_number, format_percent, format_period
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.data import (
    IndicatorBehind,
    MeetingRow,
    indicators_behind,
    overdue_summary,
    recent_meetings,
)
from fieldgroup.ui.dialogs.group_dialog import create_group
from fieldgroup.ui.labels import MEETING_KIND_LABELS, label
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.pages.stale import ReloadWhenShown
from fieldgroup.ui.widgets.balance_history import BalanceHistory
from fieldgroup.ui.widgets.late_activities import LateActivitiesBox
from fieldgroup.ui.widgets.link_button import LinkButton
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.who_is_missing_box import WhoIsMissingBox

SHOWN_OVERDUE = 5
SHOWN_MEETINGS = 10
SHOWN_INDICATORS = 5


def _link(text: str, parent: QWidget) -> LinkButton:
    return LinkButton(text, parent)


def _balance_words(row: MeetingRow) -> str:
    if not row.balance.present:
        return _("no attendance recorded")
    return f"{str(STATUS_LABELS[row.balance.status])} {format_index(row.balance.index)}"


def _behind_words(item: IndicatorBehind) -> str:
    """'Officers trained: behind in Q1 2025 (40% of target)'; under the baseline, 'below baseline' (never 0%):
    the same words as the indicators page and the M&E report (core.indicators.progress_text)."""
    if item.progress is not None and item.progress < 0:
        return _("{name}: {words} in {period}").format(
            name=item.name, words=progress_text(item.progress, item.direction), period=format_period(item.period))
    return _("{name}: behind in {period} ({progress} of target)").format(
        name=item.name, period=format_period(item.period), progress=format_percent(shown_progress(item.progress)))


class DashboardPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.next_box = self._box(_("Next meeting"))
        self.overdue_box = self._box(_("Overdue action items"))
        self.balance_box = self._box(_("Balance of the last meetings"))
        self.indicator_box = self._box(_("Indicators behind target"))
        self.missing_box = WhoIsMissingBox(ctx, self)
        self.history = BalanceHistory(self)
        self.history.meeting_clicked.connect(lambda meeting_id: ctx.open_record("meetings", meeting_id))
        grid = QGridLayout()
        grid.addWidget(self.next_box, 0, 0)
        grid.addWidget(self.overdue_box, 0, 1)
        grid.addWidget(self.balance_box, 1, 0)
        self.late_box = LateActivitiesBox(ctx, self)  # the work plan's late activities, under the indicators
        right = QVBoxLayout()
        right.addWidget(self.indicator_box, 1)
        right.addWidget(self.late_box)
        grid.addLayout(right, 1, 1)
        grid.addWidget(self.missing_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        from fieldgroup.ui.pages.incidents_page import OpenAlertsPanel  # core team only (issue 19)

        self.alerts_panel = OpenAlertsPanel(ctx, self)
        self._lay_out(grid)
        self.overdue_loader = QueryOp(self, ctx.store)
        self.indicator_loader = QueryOp(self, ctx.store)
        self._stale = False
        self._shown: dict[QGroupBox, object] = {}  # what each box shows now (rebuilt only when it changes)
        self._shown_group: object = ()
        ctx.group_changed.connect(lambda _group: self.when_shown(self.refresh))
        ctx.data_changed.connect(lambda _table: self.when_shown(self.refresh))
        self.refresh()

    def _lay_out(self, grid: QGridLayout) -> None:
        # In a scroll area: on a 768-pixel screen the boxes keep the room their text needs and the page
        # scrolls, instead of squeezing the chart's legend over its bars and cutting lines in half.
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        layout.addWidget(self.alerts_panel)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _box(self, title: str) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box)
        return box

    @staticmethod
    def _clear(box: QGroupBox) -> QVBoxLayout:
        layout = box.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None and not isinstance(item.widget(), BalanceHistory):
                item.widget().deleteLater()
        return layout

    def refresh(self) -> None:
        self._stale = False
        store, group_id = self.ctx.store, self.ctx.group_id
        if group_id != self._shown_group:  # another group: nothing on screen holds any more
            self._shown.clear()
            self._shown_group = group_id
        group = store.groups.find(group_id) if group_id else None
        self.heading.setText(group.name if group else _("No working group yet"))
        self.late_box.refresh()
        if group is None:
            self._show_no_group()
            return
        upcoming, past = recent_meetings(store, group_id, SHOWN_MEETINGS)
        self._show_next_meeting(upcoming, past[0] if past else None)
        self._show_balance(past, store.groups.threshold(group_id))
        self._load_in_turn()

    def _load_in_turn(self) -> None:
        """Overdue items, then indicators, then who is missing: one background read at a time.

        Run side by side, three reads on the thread pool took turns at Python's interpreter lock with
        the GUI thread, and each call from Qt into Python (a link's size, a paint) waited for its
        turn: stalls of 50-120 ms on the stress store. One at a time, the GUI thread waits for one."""
        self._load_overdue(then=lambda: self._load_indicators(then=self.missing_box.refresh))

    def _fill(self, box: QGroupBox, key: object) -> QVBoxLayout | None:
        """The box's layout, emptied, to show `key`; None when it already shows exactly that (a refresh
        after a sync usually changes nothing here, and rebuilding the links would relayout the page)."""
        if self._shown.get(box, box) == key:
            return None
        self._shown[box] = key
        return self._clear(box)

    def _show_no_group(self) -> None:
        self.history.set_rows([])
        self._shown.clear()
        for box in (self.next_box, self.overdue_box, self.balance_box, self.indicator_box):
            self._clear(box)
        self.balance_box.layout().addWidget(self.history)
        note = QLabel(_("This store has no working group yet. Create one to start recording meetings."), self)
        note.setWordWrap(True)
        button = QPushButton(_("Create a working group…"), self)
        button.clicked.connect(lambda: create_group(self.ctx, self))
        self.next_box.layout().addWidget(note)
        self.next_box.layout().addWidget(button)
        self.next_box.layout().addStretch(1)

    def _show_next_meeting(self, upcoming: MeetingRow | None, last: MeetingRow | None) -> None:
        next_text = last_text = None
        if upcoming is not None:
            meeting = upcoming.meeting
            text = _("{kind} on {date}").format(kind=label(MEETING_KIND_LABELS, meeting.kind), date=format_date(meeting.date, "full"))
            where = ", ".join(shown(part) for part in (meeting.title, meeting.place, meeting.region) if part)
            next_text = text + (" — " + where if where else "")
        if last is not None:
            last_text = _("Last meeting of all pillars: {kind} on {date}, {status}").format(
                kind=label(MEETING_KIND_LABELS, last.meeting.kind), date=format_date(last.meeting.date),
                status=_balance_words(last))
        layout = self._fill(self.next_box, (upcoming and upcoming.meeting.id, next_text, last and last.meeting.id, last_text))
        if layout is None:
            return
        if upcoming is not None:
            button = _link(next_text, self.next_box)
            button.clicked.connect(lambda: self.ctx.open_record("meetings", upcoming.meeting.id))
            layout.addWidget(button)
        elif last is None:  # a new group: say where to start
            note = QLabel(_("Start here: add the member organisations and their people (People & organisations), "
                            "then record your first meeting."), self.next_box)
            note.setWordWrap(True)
            layout.addWidget(note)
            start = QPushButton(_("Record the first meeting"), self.next_box)
            start.clicked.connect(lambda: getattr(self.window(), "new_meeting", lambda: None)())
            layout.addWidget(start)
        else:
            layout.addWidget(QLabel(_("No meeting planned."), self.next_box))
        if last is not None:
            button = _link(last_text, self.next_box)
            button.clicked.connect(lambda: self.ctx.open_record("meetings", last.meeting.id))
            layout.addWidget(button)
        all_button = _link(_("All meetings ›"), self.next_box)
        all_button.clicked.connect(lambda: self.ctx.open_record("meetings", ""))
        layout.addWidget(all_button)
        layout.addStretch(1)

    def _load_overdue(self, then: Callable[[], None] = lambda: None) -> None:
        """Counting overdue items reads every open item: done off the GUI thread on big stores."""
        self._placeholder(self.overdue_box, _("Counting overdue action items…"))
        group_id = self.ctx.group_id

        def failed(message: str) -> None:
            self._show_error(self.overdue_box, message)
            then()

        self.overdue_loader.run(lambda store: overdue_summary(store, group_id, SHOWN_OVERDUE),
                                lambda summary: (self._show_overdue(summary), then()), failed)

    def _placeholder(self, box: QGroupBox, text: str) -> None:
        """'Counting…' in a box that shows nothing yet; a box already filled keeps its content until
        the new figures come (they are mostly the same: no flicker, no relayout)."""
        if box not in self._shown:
            self._clear(box).addWidget(QLabel(text, box))

    def _show_overdue(self, summary: tuple[int, list]) -> None:
        count, items = summary
        lines = [(item.id, _("Due {date}: {title}").format(date=format_date(item.due_date), title=shown(item.title))
                  + (" — " + item.owner if item.owner else "")) for item in items]
        layout = self._fill(self.overdue_box, (count, lines))
        if layout is None:
            return
        summary = QLabel(ngettext("{n} action item is overdue.", "{n} action items are overdue.", count)
                         .format(n=format_number(count)) if count else _("Nothing is overdue."), self.overdue_box)
        layout.addWidget(summary)
        for item_id, text in lines:
            button = _link(text, self.overdue_box)
            button.clicked.connect(lambda _checked=False, i=item_id: self.ctx.open_record("actions", i))
            layout.addWidget(button)
        all_button = _link(_("All action items ›"), self.overdue_box)
        all_button.clicked.connect(lambda: self.ctx.open_record("actions", ""))
        layout.addWidget(all_button)
        layout.addStretch(1)

    def _show_balance(self, past: list, threshold: float) -> None:
        layout = self._fill(self.balance_box, (past, threshold))
        if layout is None:
            return
        self.history.set_rows(past, threshold)
        layout.addWidget(self.history, 1)
        hint = QLabel(_("✓ balanced · ≈ imbalanced · ✗ missing pillar; dashed line: threshold {threshold}. "
                        "Pillar meetings are left out. Click a bar to open its meeting.").format(threshold=format_index(threshold)), self.balance_box)
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _load_indicators(self, then: Callable[[], None] = lambda: None) -> None:
        """Indicator progress can take a while on a big store: worked out off the GUI thread."""
        self._placeholder(self.indicator_box, _("Checking indicators…"))
        group_id = self.ctx.group_id

        def failed(message: str) -> None:
            self._show_error(self.indicator_box, message)
            then()

        self.indicator_loader.run(lambda store: indicators_behind(store, group_id),
                                  lambda behind: (self._show_indicators(behind), then()), failed)

    def _show_indicators(self, behind: list[IndicatorBehind]) -> None:
        lines = [(item.id, _behind_words(item)) for item in behind[:SHOWN_INDICATORS]]
        layout = self._fill(self.indicator_box, (lines, len(behind)))
        if layout is None:
            return
        if not behind:
            layout.addWidget(QLabel(_("No indicator is behind its target."), self.indicator_box))
        for item_id, text in lines:
            button = _link(text, self.indicator_box)
            button.clicked.connect(lambda _checked=False, i=item_id: self.ctx.open_record("indicators", i))
            layout.addWidget(button)
        if len(behind) > SHOWN_INDICATORS:
            more = len(behind) - SHOWN_INDICATORS
            layout.addWidget(QLabel(ngettext("and {n} more", "and {n} more", more).format(n=format_number(more)), self.indicator_box))
        all_button = _link(_("All indicators ›"), self.indicator_box)
        all_button.clicked.connect(lambda: self.ctx.open_record("indicators", ""))
        layout.addWidget(all_button)
        layout.addStretch(1)

    def _show_error(self, box: QGroupBox, message: str) -> None:
        self._shown.pop(box, None)
        layout = self._clear(box)
        error = QLabel(message, box)
        error.setWordWrap(True)
        layout.addWidget(error)
