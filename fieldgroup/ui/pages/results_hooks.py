"""How the results framework joins the Indicators page: the tree beside the list, the work plan on a tab."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from fieldgroup.i18n import _
from fieldgroup.ui.context import AppContext
from fieldgroup.ui.pages.workplan_panel import WorkPlanPanel
from fieldgroup.ui.widgets.results_tree import ResultsTree

# Tables whose change the tree or the work plan shows.
RESULTS_TABLES = ("", "objectives", "results", "indicators", "activities", "group_profiles", "groups", "people",
                  "organisations")


def add_results_framework(page: QWidget, ctx: AppContext, splitter: QSplitter) -> QTabWidget:
    """Put the results tree first in the page's splitter and return tabs: indicators, work plan."""
    page.results_tree = ResultsTree(ctx)
    page.results_tree.indicator_chosen.connect(page.show_record)
    splitter.insertWidget(0, page.results_tree)
    splitter.setSizes([400, 420, 540])
    page.work_plan = WorkPlanPanel(ctx)
    tabs = QTabWidget()
    tabs.addTab(splitter, _("Indicators"))
    tabs.addTab(page.work_plan, _("Work plan"))
    page.results_tabs = tabs

    def reload(table: str) -> None:
        if table in RESULTS_TABLES:
            page.results_tree.refresh()
            page.work_plan.refresh()

    ctx.data_changed.connect(reload)
    ctx.group_changed.connect(lambda _group: reload(""))
    return tabs
