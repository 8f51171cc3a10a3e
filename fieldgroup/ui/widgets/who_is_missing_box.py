"""The dashboard's "Who is missing" box, with a "with sub-groups" toggle and a region breakdown (issue 18)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QGroupBox, QTextBrowser, QVBoxLayout, QWidget

from fieldgroup.core.members import subgroup_ids
from fieldgroup.core.who_is_missing import region_breakdown, summary
from fieldgroup.formatting import format_number
from fieldgroup.i18n import _, ngettext
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.ops import QueryOp
from fieldgroup.ui.widgets.screen_text import shown
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck


class WhoIsMissingBox(QGroupBox):
    """Lists organisations only (never a protected one); worked out off the GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(_("Who is missing"), parent)
        self.ctx = ctx
        self.with_subgroups = SubgroupsCheck("members", self)  # shown once the read says there are sub-groups
        self.with_subgroups.toggled.connect(lambda _on: self.refresh())
        # A read-only text view, not a word-wrapped QLabel in a scroll area: on the stress store the
        # lists run to 15,000 characters, and a QLabel lays rich text out again for every width its
        # layout asks about (70 ms of the GUI thread per refresh, measured); the view lays it out once.
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.viewport().setAutoFillBackground(False)  # reads as the box's own text, like a label
        self.text.setMinimumHeight(120)  # long lists scroll inside the box on a 1366×768 screen
        layout = QVBoxLayout(self)
        layout.addWidget(self.with_subgroups)
        layout.addWidget(self.text, 1)
        self.loader = QueryOp(self, ctx.store)
        self._shown: tuple = ()  # (group, include, html) on screen: a refresh that finds the same keeps it

    def refresh(self) -> None:
        group_id = self.ctx.group_id
        if not group_id:
            self._shown = ()
            self.text.setPlainText("")
            return
        wanted = self.with_subgroups.isChecked()
        if self._shown[:2] != (group_id, wanted):  # the same lists stay on screen until the new ones come
            self._shown = ()
            self.text.setPlainText(_("Looking for who is missing…"))

        def work(store):
            has_subgroups = len(subgroup_ids(store, group_id)) > 1
            include = has_subgroups and wanted
            lines, unnamed = summary(store, group_id, include_subgroups=include)
            return has_subgroups, lines, unnamed, region_breakdown(store, group_id) if include else []

        self.loader.run(work, lambda result: self._show(result, (group_id, wanted)), self._failed)

    def _failed(self, message: str) -> None:
        self._shown = ()
        self.text.setPlainText(message)

    def _show(self, result: tuple, what: tuple = ()) -> None:
        has_subgroups, lines, unnamed, regions = result
        self.with_subgroups.setVisible(has_subgroups)
        parts = [f"<b>{escape(title)}</b><br>{escape(text)}" for title, text in lines]
        if regions:
            rows = "<br>".join(escape(ngettext("{region}: {n} meeting, {people} present",
                                               "{region}: {n} meetings, {people} present", r.meetings).format(
                region=shown(r.region), n=format_number(r.meetings), people=format_number(r.present))) for r in regions)
            title = _("By region")
            parts.append(f"<b>{escape(title)}</b><br>{rows}")
        if unnamed:
            parts.append(f"<i>{escape(unnamed)}</i>")
        html = "<p>" + "</p><p>".join(parts) + "</p>"
        if self._shown != (*what, html):
            self._shown = (*what, html)
            self.text.setHtml(html)
