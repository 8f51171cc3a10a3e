"""The dashboard's "Who is missing" box, with a "with sub-groups" toggle and a region breakdown (issue 18)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldgroup.core.who_is_missing import region_breakdown, summary
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck


class WhoIsMissingBox(QGroupBox):
    """Lists organisations only (never a protected one); worked out off the GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(_("Who is missing"), parent)
        self.ctx = ctx
        self.with_subgroups = SubgroupsCheck("members", self)
        self.with_subgroups.toggled.connect(lambda _on: self.refresh())
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        scroll = QScrollArea(self)  # long lists scroll inside the box on a 1366×768 screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text)
        scroll.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.with_subgroups)
        layout.addWidget(scroll, 1)
        self.loader = QueryOp(self, ctx.store)

    def refresh(self) -> None:
        group_id = self.ctx.group_id
        if not group_id:
            self.text.setText("")
            return
        include = self.with_subgroups.show_for(self.ctx.store, group_id)
        self.text.setText(_("Looking for who is missing…"))

        def work(store):
            lines, unnamed = summary(store, group_id, include_subgroups=include)
            return lines, unnamed, region_breakdown(store, group_id) if include else []

        self.loader.run(work, self._show, self.text.setText)

    def _show(self, result: tuple) -> None:
        lines, unnamed, regions = result
        parts = [f"<b>{escape(title)}</b><br>{escape(text)}" for title, text in lines]
        if regions:
            rows = "<br>".join(escape(ngettext("{region}: {n} meeting, {people} present",
                                               "{region}: {n} meetings, {people} present", r.meetings).format(
                region=r.region, n=format_number(r.meetings), people=format_number(r.present))) for r in regions)
            title = _("By region")
            parts.append(f"<b>{escape(title)}</b><br>{rows}")
        if unnamed:
            parts.append(f"<i>{escape(unnamed)}</i>")
        self.text.setText("<p>" + "</p><p>".join(parts) + "</p>")
