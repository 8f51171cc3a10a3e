"""Demo data: the national group's results framework (3 objectives, 8 results, 12 activities), funder codes, minutes' sections."""

from __future__ import annotations

import importlib
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from fieldgroup.core.demo_text import DEMO_LANGUAGES

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder

# Which result each indicator measures: manual indicators by code, computed ones by key.
RESULT_OF = {
    "meetings_held": 0, "all_pillars_pct": 0, "average_balance": 0,
    "subnational_meetings": 1, "M12": 1,
    "women_share_pct": 2, "M8": 2,
    "M5": 3,
    "M4": 4, "M10": 4,
    "M2": 5,  # M6, incidents at project sites, is now computed from the incident register (core team only)
    "M7": 6, "actions_on_time_pct": 6,
    "M3": 7, "M9": 7, "M1": 7,
}
# Per activity: its result, start and length in months from the start of the plan, owner pillar, budget (USD).
PLAN = (
    (0, 0, 24, "civil_society", 12_000), (0, 1, 22, "company", 3_000), (1, 3, 6, "government", 8_000),
    (1, 9, 12, "civil_society", 15_000), (2, 2, 10, "civil_society", 6_000), (3, 4, 8, "government", 20_000),
    (3, 10, 9, "company", 14_000), (4, 6, 6, "company", 5_000), (5, 12, 8, "government", 18_000),
    (6, 14, 6, "civil_society", 9_000), (7, 18, 12, "government", 7_000), (7, 22, 3, "civil_society", 4_000),
)
OBJECTIVE_OF_RESULT = (0, 0, 0, 1, 1, 1, 2, 2)
HORIZONS = ("short", "medium", "long")
RESULT_TYPES = ("output", "output", "outcome", "output", "outcome", "outcome", "outcome", "outcome")


@dataclass(frozen=True, slots=True)
class ResultsText:
    """The framework in one language; `currency` and `rate` turn the plan's USD budgets into local money."""

    vision: str
    mission: str
    objectives: tuple[tuple[str, str], ...]  # (title, successes), short, medium and long term
    results: tuple[str, ...]  # eight, in the order of OBJECTIVE_OF_RESULT
    activities: tuple[str, ...]  # twelve, in the order of PLAN
    currency: str
    rate: float
    # The minutes of the newest held meetings, one section per audience: (audience, heading, body);
    # "{person}" in a body becomes a mention of someone who was there (the public summary prints a pillar).
    minutes: tuple[tuple[str, str, str], ...] = ()


def results_text_for(language: str) -> ResultsText:
    language = language if language in DEMO_LANGUAGES else "en"
    return importlib.import_module(f"fieldgroup.core.demo_text.results_{language}").TEXT


def add_results_framework(builder: _DemoBuilder) -> None:
    """Objectives, results, indicators linked to them, the work plan and the funder codes of the national group."""
    store, group, text = builder.store, builder.national, results_text_for(builder.text.language)
    store.profiles.create(
        id=_profile_id(group.id), group_id=group.id, vision=text.vision, mission=text.mission,
        reporting_org_ref=f"{builder.text.country}-ICWG-001", reporting_org_name=builder.text.national_group,
        reporting_org_type="90", dhis2_org_unit=f"{builder.text.country}ICWGnat1", currency=text.currency)
    # The plan began 16 months ago, so that it holds finished, running and coming activities.
    start = _months(date(builder.today.year, builder.today.month, 1), -16)
    objectives = [
        store.objectives.create(
            id=builder.new_id(), group_id=group.id, code=f"O{n + 1}", title=title, horizon=HORIZONS[n],
            start_date=start, end_date=date(start.year + 1 + n, 12, 31), successes=successes)
        for n, (title, successes) in enumerate(text.objectives)
    ]
    results = [
        store.results.create(id=builder.new_id(), objective_id=objectives[o].id,
                             code=f"R{o + 1}.{OBJECTIVE_OF_RESULT[:n].count(o) + 1}", title=title,
                             result_type=RESULT_TYPES[n])
        for n, (o, title) in enumerate(zip(OBJECTIVE_OF_RESULT, text.results, strict=True))
    ]
    _link_indicators(builder, results)
    for number, (title, spec) in enumerate(zip(text.activities, PLAN, strict=True), start=1):
        _activity(builder, results[spec[0]], number, title, spec, start, text)
    _minute_sections(builder, text)


def _profile_id(group_id: str) -> str:
    from fieldgroup.core.repository import pair_id

    return pair_id(group_id)


def _link_indicators(builder: _DemoBuilder, results: list) -> None:
    store = builder.store
    for indicator in store.indicators.list(group_id=builder.national.id):
        key = indicator.computed or indicator.code
        if key in RESULT_OF:
            store.indicators.update(indicator.id, result_id=results[RESULT_OF[key]].id)
            if not indicator.computed:  # a funder's code for the indicators the group reports by hand
                store.funder_codes.create(id=builder.new_id(), indicator_id=indicator.id, system="dhis2",
                                          data_element=f"fgIcwg{indicator.code:0>5}"[:11])


def _months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, 1)


def _activity(builder: _DemoBuilder, result, number: int, title: str, spec: tuple, start: date,
              text: ResultsText) -> None:
    _result, offset, length, pillar, budget = spec
    rng, store, today = builder.rng, builder.store, builder.today
    begins = _months(start, offset)
    ends = _months(begins, length) - timedelta(days=1)
    if ends < today:  # most finished on time; one in four is still dragging on (late)
        status = "in_progress" if rng.random() < 0.25 else "done"
    elif begins <= today:
        status = "in_progress"
    else:
        status = "postponed" if number == 12 else "planned"
    organisations = [o for o in builder.orgs[builder.national.id] if o.pillar == pillar]
    owner_org = rng.choice(organisations) if organisations else None
    people = [p for p in builder.people[builder.national.id] if owner_org and p.organisation_id == owner_org.id]
    owner = rng.choice(people) if people and rng.random() < 0.7 else None
    activity = store.activities.create(
        id=builder.new_id(), group_id=builder.national.id, result_id=result.id, code=f"A{number}", title=title,
        start_date=begins, end_date=ends, status=status, owner_organisation_id=owner_org.id if owner_org else None,
        owner_person_id=owner.id if owner else None, budget_amount=round(budget * text.rate, -2),
        currency=text.currency)
    held = [m for m in builder.meetings
            if m.group_id == builder.national.id and begins <= m.date <= min(ends, today)]
    for meeting in rng.sample(held, min(len(held), 3)):
        store.activities.link_meeting(activity.id, meeting.id)
    done = [i for due, i in builder.done_actions[builder.national.id] if begins <= due <= ends]
    for action_id in rng.sample(done, min(len(done), 2)):
        store.activities.link_action(activity.id, action_id)


def _minute_sections(builder: _DemoBuilder, text: ResultsText, newest: int = 4) -> None:
    """Sections for every audience in the minutes of the national group's newest held meetings.

    Ids come from the meeting's, and no random number is drawn: what the demo builds after this is unchanged."""
    store = builder.store
    held = sorted((m for m in builder.meetings if m.group_id == builder.national.id and m.date <= builder.today),
                  key=lambda m: (m.date, m.id))[-newest:]
    for meeting in held:
        present = sorted(line.person_id for line in store.attendance.of_meeting(meeting.id) if line.status == "present")
        for position, (audience, heading, body) in enumerate(text.minutes, start=1):
            if "{person}" in body and not present:
                continue
            body = body.replace("{person}", f"@{{person:{present[0]}}}") if present else body
            store.minute_sections.create(id=str(uuid.uuid5(uuid.UUID(meeting.id), f"minutes/{position}")),
                                         meeting_id=meeting.id, position=position, heading=heading, body=body,
                                         audience=audience)
