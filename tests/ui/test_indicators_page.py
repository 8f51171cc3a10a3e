"""Indicators page through its widgets: status as colour and text, targets and values per period, computed, chart."""

from __future__ import annotations

from datetime import date

import page_harness
import pytest
from PySide6.QtCore import Qt

from fieldgroup.ui.dialogs.indicator_dialog import IndicatorDialog
from fieldgroup.ui.dialogs.period_value_dialog import PeriodValueDialog
from fieldgroup.ui.models.indicators_model import NAME, STATUS
from fieldgroup.ui.pages.indicators_page import IndicatorsPage

ctx, show_page = page_harness.ctx, page_harness.show_page  # shared fixtures


@pytest.fixture
def indicator(store, group):
    ind = store.indicators.create(group_id=group.id, code="O1", name="Members with a grievance mechanism",
                                  unit="number", direction="increase", period_kind="quarter", baseline_value=2)
    store.targets.set(ind.id, "2025-Q1", 6)
    store.values.set(ind.id, "2025-Q1", 4)
    return ind


def list_names(page) -> list[str]:
    return [page.proxy.index(r, NAME).data() for r in range(page.proxy.rowCount())]


def period_rows(page) -> list[list[str]]:
    table = page.periods
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def fill_period_dialog(monkeypatch, fill):
    def fake_exec(dialog):
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PeriodValueDialog, "exec", fake_exec)


def test_status_is_colour_and_text(ctx, show_page, indicator):
    page = show_page(IndicatorsPage, ctx)
    status = page.proxy.index(0, STATUS)
    assert status.data() == "behind"  # (4 - 2) / (6 - 2) = 50 %
    assert status.data(Qt.ItemDataRole.DecorationRole) is not None
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert period_rows(page)[0][:5] == ["Q1 2025", "6", "4", "50%", "behind"]


def test_add_a_period_with_evidence_and_see_it_met(qtbot, ctx, show_page, indicator, store, group, monkeypatch):
    meeting = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 20), place="Accra")
    page = show_page(IndicatorsPage, ctx)

    def fill(dialog):
        dialog.period.setText("2025-Q2")
        dialog.target.setText("8")
        dialog.actual.setText("9")
        dialog.note.setPlainText("Survey of members")
        dialog.evidence_meeting.setCurrentIndex(dialog.evidence_meeting.findData(meeting.id))

    fill_period_dialog(monkeypatch, fill)
    page.add_period_button.click()
    page_harness.settle(qtbot)
    newest = period_rows(page)[0]
    assert newest[:5] == ["Q2 2025", "8", "9", "met", "met"]  # 117 %: shown as "met", never beyond 100 %
    assert newest[5] == "Survey of members" and newest[6].startswith("meeting May 20, 2025")
    assert page.proxy.index(0, STATUS).data() == "met"
    assert [p.label for p in page.chart.points] == ["Q1 2025", "Q2 2025"]
    assert not page.chart.grab().isNull()


def test_bad_period_and_bad_number_are_shown_next_to_their_field(qtbot, store, indicator):
    dialog = PeriodValueDialog(store, indicator)
    qtbot.addWidget(dialog)
    dialog.period.setText("2025-Q7")
    dialog.target.setText("5")
    dialog.save()
    assert "Period must look like 2025-Q3" in dialog.form.error_text("period")
    dialog.period.setText("2025-Q3")
    dialog.actual.setText("lots")
    dialog.save()
    assert "Actual value must be a number" in dialog.form.error_text("actual")
    assert store.targets.count(indicator_id=indicator.id) == 1  # nothing half-saved


def test_computed_indicator_is_read_only_with_values_per_period(qtbot, ctx, show_page, store, group, pillars, monkeypatch):
    for day in (date(2025, 1, 10), date(2025, 2, 10), date(2025, 5, 2)):
        store.meetings.create(group_id=group.id, kind="plenary", date=day)
    ind = store.indicators.create(group_id=group.id, code="C1", computed="meetings_held")
    page = show_page(IndicatorsPage, ctx)
    page.show_record(ind.id)
    page_harness.settle(qtbot)
    assert list_names(page) == ["Meetings held (computed)"]
    assert [row[:3] for row in period_rows(page)] == [["Q2 2025", "", "1"], ["Q1 2025", "", "2"]]
    assert "read-only" in page.facts.text()
    seen = {}

    def fill(dialog):
        seen["actual_enabled"] = dialog.actual.isEnabled()
        dialog.period.setText("2025-Q2")
        dialog.target.setText("1")

    fill_period_dialog(monkeypatch, fill)
    page.add_period_button.click()
    page_harness.settle(qtbot)
    assert seen["actual_enabled"] is False
    assert period_rows(page)[0][:5] == ["Q2 2025", "1", "1", "met", "met"]


def test_new_indicator_dialog(qtbot, ctx, show_page, store, monkeypatch):
    page = show_page(IndicatorsPage, ctx)

    def fake_exec(dialog):
        dialog.code.setText("O3")
        dialog.name.setText("Regional meetings with police present")
        dialog.unit.setCurrentIndex(dialog.unit.findData("percent"))
        dialog.baseline.setText("12.5")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(IndicatorDialog, "exec", fake_exec)
    page.new_button.click()
    page_harness.settle(qtbot)
    saved = store.indicators.list()[0]
    assert (saved.unit, saved.baseline_value) == ("percent", 12.5)
    assert page.current.id == saved.id and "O3" in page.title.text()


def test_computed_choice_fixes_unit_and_direction(qtbot, store, group):
    dialog = IndicatorDialog(store, group.id)
    qtbot.addWidget(dialog)
    dialog.computed.setCurrentIndex(dialog.computed.findData("overdue_at_end"))
    assert dialog.direction.currentData() == "decrease" and not dialog.direction.isEnabled()
    assert dialog.name.text() == "Overdue action items at period end"
