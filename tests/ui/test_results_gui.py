"""The results framework in the Indicators page: objective, result, linked indicator, activity on the timeline
and in the M&E report; late activities on the dashboard; the export dialog."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest
from PySide6.QtCore import Qt

from fieldgroup.ui.dialogs.activity_dialog import ActivityDialog
from fieldgroup.ui.dialogs.link_indicator_dialog import LinkIndicatorDialog
from fieldgroup.ui.dialogs.objective_dialog import ObjectiveDialog
from fieldgroup.ui.dialogs.result_dialog import ResultDialog
from fieldgroup.ui.pages.indicators_page import IndicatorsPage

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures


def answer(monkeypatch, dialog_class, fill):
    """The dialog is filled by `fill` and saved instead of waiting for a person."""
    def fake_exec(dialog):
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)


@pytest.fixture
def indicator(store, group):
    return store.indicators.create(group_id=group.id, code="M5", name="Guards trained", baseline_value=50)


def tree_texts(page) -> list[str]:
    return [item.text(0) for item in page.results_tree._all_items()]


def test_build_a_framework_and_see_the_activity_on_the_timeline_and_in_the_report(
        ctx, show_page, store, indicator, monkeypatch, tmp_path, qtbot):
    page = show_page(IndicatorsPage, ctx)
    tree = page.results_tree

    def objective(dialog):
        dialog.code.setText("O1")
        dialog.title_edit.setText("Improve security practices")
        dialog.horizon.setCurrentIndex(dialog.horizon.findData("medium"))
        dialog.successes.setPlainText("First joint risk assessment done.")

    answer(monkeypatch, ObjectiveDialog, objective)
    tree.new_objective_button.click()
    assert "O1 Improve security practices" in tree_texts(page)

    def result(dialog):
        dialog.code.setText("R1.1")
        dialog.title_edit.setText("Security personnel trained")
        dialog.result_type.setCurrentIndex(dialog.result_type.findData("output"))

    answer(monkeypatch, ResultDialog, result)
    tree.new_result_button.click()
    assert tree.chosen()[0] == "results"
    answer(monkeypatch, LinkIndicatorDialog, lambda dialog: dialog.check(indicator.id))
    assert tree.link_button.isEnabled()
    tree.link_button.click()
    assert store.indicators.get(indicator.id).result_id == tree.chosen()[1]
    [item] = [i for i in tree._all_items() if i.data(0, Qt.ItemDataRole.UserRole) == "indicators"]
    assert item.parent().text(0) == "R1.1 Security personnel trained"
    tree.tree.setCurrentItem(item)  # choosing it in the tree shows it in the list and detail
    assert page.current.id == indicator.id

    result_id = store.results.list()[0].id
    meeting = store.meetings.create(group_id=indicator.group_id, kind="workshop", date="2025-03-03", title="Training day")

    def activity(dialog):
        dialog.title_edit.setText("Train the mine police unit")
        dialog.start.set_value(date(2025, 2, 1))
        dialog.end.set_value(date(2025, 5, 31))  # before today (2025-06-15): late while not done
        dialog.budget.setText("2,500")
        dialog.currency.setText("ghs")
        dialog.tick(dialog.meetings, meeting.id)

    answer(monkeypatch, ActivityDialog, activity)
    page.results_tabs.setCurrentIndex(1)
    page.work_plan.new_activity(result_id)
    saved = store.activities.list()[0]
    assert (saved.result_id, saved.budget_amount, saved.currency) == (result_id, 2500.0, "GHS")
    assert store.activities.meeting_ids(saved.id) == [meeting.id]
    [row] = page.work_plan.gantt.rows
    assert row.label == "Train the mine police unit" and row.late
    assert page.work_plan.table.item(0, 4).text() == "Planned — late"
    image = page.work_plan.gantt.grab()
    assert not image.isNull() and image.height() >= 60

    from fieldgroup.reports import build_report, results_report

    seen = []
    monkeypatch.setattr(results_report, "para", lambda text=None, *a, _p=results_report.para, **k: (seen.append(text), _p(text, *a, **k))[1])
    build_report("results", store, tmp_path / "me.pdf")
    printed = "\n".join(s for s in seen if isinstance(s, str))
    assert "R1.1 Security personnel trained (Output)" in printed
    assert "Train the mine police unit" in printed and "M5 Guards trained" in printed
    page_harness.settle(qtbot)  # the page's reloads finish before the store closes


def test_deleting_a_result_keeps_its_indicator(ctx, show_page, store, group, indicator, monkeypatch, qtbot):
    objective = store.objectives.create(group_id=group.id, title="Dialogue", horizon="short")
    result = store.results.create(objective_id=objective.id, title="Plenaries held", result_type="output")
    store.indicators.update(indicator.id, result_id=result.id)
    page = show_page(IndicatorsPage, ctx)
    assert page.results_tree.select("results", result.id)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.results_tree.delete_button.click()
    assert store.results.count() == 0 and store.indicators.get(indicator.id).result_id is None
    assert "Indicators not linked to a result" in tree_texts(page)
    page_harness.settle(qtbot)


def test_late_activities_show_on_the_dashboard(qtbot, store, group):
    from fieldgroup.ui.context import AppContext
    from fieldgroup.ui.pages.dashboard_page import DashboardPage

    store.activities.create(group_id=group.id, title="Joint risk assessment", start_date="2025-01-01",
                            end_date="2025-04-30", status="in_progress")
    store.activities.create(group_id=group.id, title="Annual report", end_date="2025-12-31")
    page = DashboardPage(AppContext(store, group.id))
    qtbot.addWidget(page)
    page.show()
    assert page.late_box.lines == ["Due to end Apr 30, 2025: Joint risk assessment"]


def test_export_dialog_writes_the_chosen_format_in_the_background(qtbot, store, group, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from fieldgroup.ui.dialogs import export_data_dialog
    from fieldgroup.ui.dialogs.export_data_dialog import ExportDataDialog

    store.actions.create(group_id=group.id, title="=1+1", status="open")
    out = tmp_path / "tracker.csv"

    def fill(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        assert dialog.table.isEnabled() and not dialog.period.isEnabled()
        dialog.path.setText(str(out))

    answer(monkeypatch, ExportDataDialog, fill)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    signals = export_data_dialog.export_data_in_background(parent, store, group.id)
    with qtbot.waitSignal(signals.finished, timeout=10_000):
        pass
    assert "'=1+1" in out.read_text(encoding="utf-8")


def test_profile_and_funder_codes_dialogs_feed_the_exports(ctx, show_page, store, group, indicator, monkeypatch,
                                                           tmp_path):
    import json

    from fieldgroup.exports import export_data
    from fieldgroup.ui.dialogs.funder_codes_dialog import FunderCodesDialog
    from fieldgroup.ui.dialogs.group_profile_dialog import GroupProfileDialog

    store.values.set(indicator.id, "2025-Q1", 80)
    page = show_page(IndicatorsPage, ctx)
    tree = page.results_tree

    def profile(dialog):
        dialog.vision.setPlainText("Rights respected around every mine")
        dialog.org_unit.setText("OuGhana0001")
        dialog.currency.setText("ghs")

    answer(monkeypatch, GroupProfileDialog, profile)
    tree.profile_button.click()
    assert tree.vision.text() == "Rights respected around every mine"
    assert tree.select("indicators", indicator.id) and tree.codes_button.isEnabled()
    answer(monkeypatch, FunderCodesDialog, lambda dialog: dialog.add_row(["", "deTrained01", "", "", ""]))
    tree.codes_button.click()
    export_data("dhis2", store, tmp_path / "v.json")
    [value] = json.loads((tmp_path / "v.json").read_text())["dataValues"]
    assert (value["dataElement"], value["period"], value["orgUnit"], value["value"]) == (
        "deTrained01", "2025Q1", "OuGhana0001", "80")


def test_with_sub_groups_untick_leaves_the_sub_groups_meetings_out(ctx, show_page, store, group, qtbot):
    """A national group's "meetings held" counts its sub-groups' meetings while "With sub-groups" is ticked
    (the default for computed indicators); unticked, the group's own only."""
    today = store.today()
    regional = store.groups.create(name="Western Region", parent_id=group.id)
    store.meetings.create(group_id=group.id, kind="plenary", date=today)
    for _n in range(2):
        store.meetings.create(group_id=regional.id, kind="plenary", date=today)
    indicator = store.indicators.create(group_id=group.id, code="C1", computed="meetings_held", period_kind="year")
    page = show_page(IndicatorsPage, ctx)
    page.show_record(indicator.id)
    page_harness.settle(qtbot)

    def held() -> float:
        return next(p.actual for p in page.progress if p.period == str(today.year))

    assert page.with_subgroups.isVisible() and page.with_subgroups.isChecked() and held() == 3
    assert page.with_subgroups.text() == "With &sub-groups"
    assert "sub-groups" in page.facts.text()  # how the figure adds up is said beside it
    page.with_subgroups.setChecked(False)
    page_harness.settle(qtbot)
    assert held() == 1
    row = page.model.row_of(indicator.id)
    assert page.model.row_at(row).latest.actual == 1


def test_mark_a_value_verified_from_the_indicators_page(ctx, show_page, store, indicator, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    store.values.set(indicator.id, "2025-Q1", 80, note="Attendance sheets")
    page = show_page(IndicatorsPage, ctx)
    page.show_record(indicator.id)
    page_harness.settle(qtbot)
    assert not page.verify_button.isEnabled()  # no period chosen yet
    page.periods.selectRow(next(r for r in range(page.periods.rowCount())
                                if page.periods.item(r, 0).data(Qt.ItemDataRole.UserRole) == "2025-Q1"))
    assert page.verify_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("M&E officer", True)))
    page.verify_button.click()
    page_harness.settle(qtbot)
    value = store.values.of_indicator(indicator.id)["2025-Q1"]
    assert value.verified and value.verified_by == "M&E officer" and value.verified_on == store.today()
    shown = [page.periods.item(r, 6).text() for r in range(page.periods.rowCount())]
    assert any("verified by M&E officer" in text for text in shown)
