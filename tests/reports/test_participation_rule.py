"""Which organisations count as having stopped attending."""

from __future__ import annotations

from datetime import date

from fieldgroup.core.entities import Meeting, Organisation
from fieldgroup.reports.participation import stopped_attending

ORG = Organisation("o1", "g", "Mining Co", "company", region="North")


def meetings(*specs):
    return [Meeting(f"m{i}", "g", kind, date(2025, 1, 1 + i), pillar=pillar, region=region)
            for i, (kind, pillar, region) in enumerate(specs)]


def test_missed_last_three_meetings():
    ms = meetings(*[("plenary", None, None)] * 4)
    lapsed = stopped_attending(ms, [ORG], {"m0": {"o1"}})
    assert [(x.organisation.name, x.last_attended, x.missed) for x in lapsed] == [("Mining Co", date(2025, 1, 1), 3)]


def test_present_at_one_of_the_last_three():
    ms = meetings(*[("plenary", None, None)] * 4)
    assert stopped_attending(ms, [ORG], {"m0": {"o1"}, "m2": {"o1"}}) == []


def test_never_attended_or_too_few_meetings_is_not_listed():
    ms = meetings(*[("plenary", None, None)] * 4)
    assert stopped_attending(ms, [ORG], {}) == []
    assert stopped_attending(ms[:3], [ORG], {"m0": {"o1"}}) == []


def test_meetings_it_was_not_expected_at_do_not_count():
    ms = meetings(("plenary", None, None), ("pillar", "government", None), ("subnational", None, "South"),
                  ("plenary", None, None), ("pillar", "company", None), ("subnational", None, "north"))
    # Missed m3, m4, m5 (its own pillar meeting and its own region): listed, 3 missed.
    assert [x.missed for x in stopped_attending(ms, [ORG], {"m0": {"o1"}})] == [3]
    # Present at its own region's meeting: not listed, although it missed the others.
    assert stopped_attending(ms, [ORG], {"m0": {"o1"}, "m5": {"o1"}}) == []
