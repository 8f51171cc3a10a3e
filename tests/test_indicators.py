"""Indicator progress, status and the built-in computed indicators (DESIGN §6)."""

from datetime import date

import pytest

from fieldgroup.core import indicators as maths
from fieldgroup.core import periods


@pytest.mark.parametrize("actual, baseline, target, direction, status", [
    (10, 0, 10, "increase", "met"),
    (9, 0, 10, "increase", "on_track"),
    (8, 0, 10, "increase", "behind"),
    (None, 0, 10, "increase", "no_data"),
    (4, 10, 4, "decrease", "met"),
    (5, 10, 4, "decrease", "behind"),  # (5 - 10) / (4 - 10) = 0.83, below the 85 % line
    (4.9, 10, 4, "decrease", "on_track"),
    (12, 2, 12, "increase", "met"),
])
def test_status_from_progress(actual, baseline, target, direction, status):
    value = maths.progress(actual, baseline, target, direction)
    assert maths.status(value) == status


def test_periods():
    assert periods.period_of(date(2025, 8, 1), "quarter") == "2025-Q3"
    assert periods.bounds("2025-Q4") == (date(2025, 10, 1), date(2025, 12, 31))
    assert periods.periods_between("2024-Q4", "2025-Q2") == ["2024-Q4", "2025-Q1", "2025-Q2"]
    assert periods.is_valid("2025", "year") and not periods.is_valid("2025-Q5", "quarter")


def test_manual_indicator_progress(store, group):
    ind = store.indicators.create(group_id=group.id, name="Grievances resolved", baseline_value=2)
    store.targets.set(ind.id, "2025-Q1", 12)
    store.targets.set(ind.id, "2025-Q2", 12)
    store.values.set(ind.id, "2025-Q1", 12)
    store.values.set(ind.id, "2025-Q2", 10.5)
    rows = store.indicator_progress(ind.id)
    assert [(r.period, r.status) for r in rows] == [("2025-Q1", "met"), ("2025-Q2", "on_track")]
    assert rows[1].progress == pytest.approx(0.85)


def test_computed_indicators_from_the_store(store, group, pillars):
    q1 = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 2, 1))
    q1b = store.meetings.create(group_id=group.id, kind="subnational", date=date(2025, 3, 1))
    for pillar in ("company", "government", "civil_society", "observer"):
        store.attendance.set(q1.id, pillars[pillar][1].id)
    store.attendance.set(q1b.id, pillars["company"][1].id)
    store.attendance.set(q1b.id, pillars["government"][1].id, "excused")
    store.actions.create(meeting_id=q1.id, title="On time", due_date=date(2025, 3, 10), status="done",
                         completed_on=date(2025, 3, 9))
    store.actions.create(meeting_id=q1.id, title="Late", due_date=date(2025, 3, 20))
    value = {key: store.computed_values(group.id, key, "quarter").get("2025-Q1") for key in maths.COMPUTED}
    assert value["meetings_held"] == 2
    assert value["subnational_meetings"] == 1
    assert value["average_balance"] == pytest.approx(0.5)  # 1.0 and 0.0
    assert value["all_pillars_pct"] == 50
    assert value["women_share_pct"] == pytest.approx(100 * 2 / 4)  # observer's gender not recorded
    assert value["actions_on_time_pct"] == 50
    assert value["overdue_at_end"] == 1
    assert value["organisations_participating"] == 4
    indicator = store.indicators.create(group_id=group.id, computed="meetings_held")
    store.targets.set(indicator.id, "2025-Q1", 2)
    assert store.indicator_progress(indicator.id)[0].status == "met"


def test_pillar_meetings_do_not_pull_the_average_balance_down(store, group, pillars):
    plenary = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 2, 1))
    caucus = store.meetings.create(group_id=group.id, kind="pillar", pillar="company", date=date(2025, 2, 2))
    for pillar in ("company", "government", "civil_society"):
        store.attendance.set(plenary.id, pillars[pillar][1].id)
    store.attendance.set(caucus.id, pillars["company"][1].id)
    values = {key: store.computed_values(group.id, key, "quarter")["2025-Q1"] for key in ("average_balance", "all_pillars_pct")}
    assert values == {"average_balance": pytest.approx(1.0), "all_pillars_pct": 100}


def test_periods_that_have_not_started_have_no_computed_value(store, group):
    indicator = store.indicators.create(group_id=group.id, computed="meetings_held")
    store.targets.set(indicator.id, "2025-Q4", 3)  # today is 2025-06-15 in tests
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 2, 1))
    rows = {r.period: r for r in store.indicator_progress(indicator.id)}
    assert rows["2025-Q4"].actual is None and rows["2025-Q4"].status == "no_data"
