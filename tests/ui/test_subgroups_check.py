"""One "With sub-groups" box across the app: the same words everywhere, ticked always means the sub-groups are
taken in; ticked at first only where computed indicators roll them up by design."""

from __future__ import annotations

import page_harness

from fieldgroup.ui.context import AppContext
from fieldgroup.ui.dialogs.export_pdf_dialog import ExportPdfDialog
from fieldgroup.ui.pages.actions_page import ActionsPage
from fieldgroup.ui.pages.indicators_page import IndicatorsPage
from fieldgroup.ui.widgets.subgroups_check import SubgroupsCheck
from fieldgroup.ui.widgets.who_is_missing_box import WhoIsMissingBox

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures


def test_every_with_sub_groups_box_reads_and_means_the_same(qtbot, ctx, show_page, store, group):
    store.groups.create(name="Western Region ICWG", parent_id=group.id, kind="regional", region="Western")
    actions, indicators = show_page(ActionsPage, ctx), show_page(IndicatorsPage, ctx)
    box = WhoIsMissingBox(AppContext(store, group.id))
    qtbot.addWidget(box)
    box.refresh()
    dialogs = [ExportPdfDialog(store, group.id, kind) for kind in ("actions", "participation")]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    page_harness.settle(qtbot)
    checks = {"tracker": actions.with_subgroups, "indicators": indicators.with_subgroups,
              "who is missing": box.with_subgroups, **{d.kind: d.with_subgroups for d in dialogs}}
    for name, check in checks.items():
        assert isinstance(check, SubgroupsCheck), name
        assert check.text() == "With &sub-groups" and not check.isHidden(), name
        # Computed indicators roll up by design; lists and reports of members and items start with the group alone.
        assert check.isChecked() == (name == "indicators"), name
        assert check.include() == check.isChecked(), name
        check.setChecked(not check.isChecked())
        assert check.include() == check.isChecked(), name
    assert "ticked at first" in indicators.with_subgroups.toolTip()


def test_no_box_for_a_group_without_sub_groups(qtbot, ctx, show_page, store, group):
    indicators = show_page(IndicatorsPage, ctx)
    page_harness.settle(qtbot)
    assert indicators.with_subgroups.isHidden() and not indicators.with_subgroups.include()
    dialog = ExportPdfDialog(store, group.id, "actions")
    qtbot.addWidget(dialog)
    assert dialog.with_subgroups.isHidden() and dialog.choice().include_subgroups is False
