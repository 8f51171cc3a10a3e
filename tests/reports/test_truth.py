"""Indicators that tell the truth and meetings counted once (issue 15 items 3-5)."""

from __future__ import annotations

from datetime import date

from fieldgroup.core import periods
from fieldgroup.core.balance import average_index, balance_of
from fieldgroup.core.indicators import comparison_text, progress, progress_text, shown_progress, value_text
from fieldgroup.reports import build_report
from fieldgroup.reports.actions_table import ActionRow, status_label
from tests.reports.helpers import pdf_text


def test_progress_never_negative_nor_beyond_full():
    assert progress_text(progress(3, 5, 9, "increase")) == "below baseline"  # was "-50%"
    assert progress_text(progress(7, 5, 3, "decrease"), "decrease") == "above baseline"  # went the wrong way
    assert progress_text(progress(4, 5, 3, "decrease"), "decrease") == "50%"  # a decrease reads right
    assert progress_text(progress(12, 5, 9, "increase")) == "met"  # was "175%"
    assert shown_progress(-9.0) == 0.0 and shown_progress(1.75) == 1.0 and shown_progress(None) is None


def test_actual_beside_target_and_baseline():
    assert comparison_text(8, 9, 5, "number") == "8 — target 9, baseline 5"
    assert comparison_text(1, 1, 0, "yes_no") == "yes — target yes, baseline no"
    assert value_text(156.33, "number", whole=True) == "156"


def test_reports_default_to_the_last_complete_period():
    assert periods.last_complete(date(2025, 11, 20)) == "2025-Q3"
    assert periods.last_complete(date(2025, 1, 1)) == "2024-Q4"
    assert periods.last_complete(date(2025, 6, 15), "year") == "2024"


def test_me_report_below_baseline_met_and_yes_no(store, group, tmp_path):
    below = store.indicators.create(group_id=group.id, code="1", name="Grievances resolved", baseline_value=5)
    store.targets.set(below.id, "2025-Q1", 9)
    store.values.set(below.id, "2025-Q1", 3)
    beyond = store.indicators.create(group_id=group.id, code="2", name="Companies signed", baseline_value=0)
    store.targets.set(beyond.id, "2025-Q1", 4)
    store.values.set(beyond.id, "2025-Q1", 9)
    plan = store.indicators.create(group_id=group.id, code="3", name="Action plan adopted", unit="yes_no",
                                   baseline_value=0)
    store.targets.set(plan.id, "2025-Q1", 1)
    store.values.set(plan.id, "2025-Q1", 1)
    text = " ".join(pdf_text(build_report("indicators", store, tmp_path / "i.pdf")))
    assert "1 Grievances resolved 3 — target 9, baseline 5 below baseline behind" in text
    assert "2 Companies signed 9 — target 4, baseline 0 met met" in text
    assert "3 Action plan adopted yes — target yes, baseline no met met" in text
    assert "-" not in text.split("Progress is measured")[0].replace("M&E", "")  # no negative percentage
    assert "0.5" not in text  # the yes/no chart has a no and a yes tick, nothing between


def test_pillar_meetings_have_their_own_status_and_stay_out_of_averages():
    pillar = balance_of([("company", None)] * 6, kind="pillar")
    plenary = balance_of([("company", None), ("government", None), ("civil_society", None)], kind="plenary")
    assert pillar.status == "pillar_meeting" and pillar.missing_pillars == ()
    assert average_index([pillar, plenary]) == plenary.index  # was pulled down by the pillar meeting (index 0)


def test_participation_counts_held_meetings_and_names_pillar_meetings(store, pillars, group, tmp_path):
    held = store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 5, 2))
    own = store.meetings.create(group_id=group.id, kind="pillar", pillar="company", date=date(2025, 5, 20))
    store.meetings.create(group_id=group.id, kind="plenary", date=date(2025, 7, 1))  # after today (June 15)
    for pillar in ("company", "government", "civil_society"):
        store.attendance.set(held.id, pillars[pillar][1].id, "present")
    store.attendance.set(own.id, pillars["company"][1].id, "present")
    text = " ".join(pdf_text(build_report("participation", store, tmp_path / "p.pdf")))
    assert "2 meetings from May 2, 2025 to May 20, 2025." in text  # the July meeting has not happened
    assert "Jul 1, 2025" not in text
    assert "pillar meeting" in text and "missing pillar" not in text
    assert "Q2 2025 2 1.00" in text  # the pillar meeting does not pull the average down
    # Computed indicators read the same facts: the future meeting is not among them either.
    assert sorted(f.date for f in store.meeting_facts(group.id)) == [date(2025, 5, 2), date(2025, 5, 20)]


def test_done_and_overdue_have_different_marks(store, sample):
    items = {a.title: a for a in store.actions.list(group_id=sample.group.id)}
    late = status_label(ActionRow(items["Envoyer le rapport à la Défensoría"], "", "", "", "", None, 45))
    done = status_label(ActionRow(items["Closed item"], "", "", "", "", None, None))
    assert late.mark != done.mark and late.text.getPlainText() == "overdue" and done.text.getPlainText() == "done"
