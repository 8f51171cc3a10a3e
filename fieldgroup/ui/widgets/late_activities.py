"""The dashboard's list of late activities: the work plan's activities past their end date and not done."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from fieldgroup.formatting import format_date
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.widgets.link_button import LinkButton

SHOWN = 3


class LateActivitiesBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(_("Late activities of the work plan"), parent)
        self.ctx = ctx
        self.setLayout(QVBoxLayout())
        self.lines: list[str] = []

    def refresh(self) -> None:
        layout = self.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.lines = []
        group_id = self.ctx.group_id
        late = self.ctx.store.activities.late(group_id) if group_id else []
        if not late:
            self.lines.append(_("No activity is late."))
            layout.addWidget(QLabel(self.lines[-1], self))
        for activity in late[:SHOWN]:
            text = _("Due to end {date}: {title}").format(date=format_date(activity.end_date), title=activity.title)
            self.lines.append(text)
            button = LinkButton(text, self)
            button.clicked.connect(lambda _checked=False: self.ctx.open_record("indicators", ""))
            layout.addWidget(button)
        if len(late) > SHOWN:
            more = len(late) - SHOWN
            layout.addWidget(QLabel(ngettext("and {n} more", "and {n} more", more).format(n=more), self))
        self.setVisible(group_id is not None)
