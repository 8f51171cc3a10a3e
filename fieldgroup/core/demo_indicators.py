"""Demo data: M&E indicators — manual ones with baselines, targets and actuals, and the computed ones."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING

from fieldgroup.core.demo_text import IndicatorText
from fieldgroup.core.indicators import COMPUTED, MeetingFacts, compute
from fieldgroup.core.periods import bounds, next_period, period_of, periods_between

if TYPE_CHECKING:
    from fieldgroup.core.demo import _DemoBuilder

FUTURE_TARGETS = 2  # periods ahead of today that already have a target


def add_indicators(builder: _DemoBuilder) -> None:
    for index in range(builder.size.manual_indicators):
        _manual(builder, index)
    meetings = _meeting_facts(builder)
    for number, key in enumerate(COMPUTED, start=1):
        _computed(builder, number, key, meetings)


def _periods(builder: _DemoBuilder, kind: str) -> tuple[list[str], list[str]]:
    """(periods with a target, periods with an actual value) for an indicator of this period kind."""
    now = period_of(builder.today, kind)
    if builder.size.periods:  # stress: exactly this many periods, ending with the current one
        first = now
        for _ in range(builder.size.periods - 1):
            first = period_of(bounds(first)[0] - timedelta(days=1), kind)
        history = periods_between(first, now)
        return history, history
    history = periods_between(period_of(builder.first_day, kind), now)
    future = [next_period(now)]
    if kind == "quarter":
        future += [next_period(future[-1]) for _ in range(FUTURE_TARGETS - 1)]
    # Values only for periods that are over; the current one is still being reported.
    return history + future, history[:-1]


def _manual(builder: _DemoBuilder, index: int) -> None:
    rng, store, text, size = builder.rng, builder.store, builder.text, builder.size
    definitions = text.indicators
    spec = definitions[index % len(definitions)]
    group, name, code = builder.national, spec.name, spec.code
    national_count = len(definitions) if size.manual_indicators <= 3 else min(len(definitions), size.manual_indicators - 2)
    if index >= national_count:  # the regional groups follow some indicators of their own
        region = text.regions[index % 2]
        group = builder.groups[1 + index % 2]
        name, code = f"{spec.name} ({region.name})", f"{spec.code}.{index}"
        if index >= 2 * len(definitions):
            name = f"{name} {index // len(definitions)}"
    kind = "quarter" if size.periods else spec.period_kind
    target_periods, value_periods = _periods(builder, kind)
    indicator = store.indicators.create(
        id=builder.new_id(), group_id=group.id, code=code, name=name, description=spec.description,
        unit=spec.unit, direction=spec.direction, period_kind=kind, baseline_value=spec.baseline,
        baseline_date=bounds(target_periods[0])[0] - timedelta(days=1))
    for step, period in enumerate(target_periods):
        store.targets.set(indicator.id, period, _shape(spec, (step + 1) / len(target_periods)))
    if not spec.reported and not size.periods:
        return  # targets agreed, no value reported yet: the "no data" case
    performance = rng.uniform(0.55, 1.2)
    meetings, actions = _evidence(builder, group.id, kind)
    for step, period in enumerate(value_periods):
        if not size.periods and rng.random() < 0.08:
            continue  # a quarter nobody reported
        share = (step + 1) / len(target_periods) * performance + rng.uniform(-0.08, 0.08)
        extra = {}
        if rng.random() < 0.35:
            extra["note"] = rng.choice(text.value_notes).format(town=rng.choice(builder.regions[group.id][1]))
        if meetings[period] and rng.random() < 0.3:
            extra["evidence_meeting_id"] = rng.choice(meetings[period])
        if actions[period] and rng.random() < 0.15:
            extra["evidence_action_id"] = rng.choice(actions[period])
        store.values.set(indicator.id, period, _shape(spec, share), **extra)


def _shape(spec: IndicatorText, share: float) -> float:
    """The value `share` of the way from baseline to goal, in the indicator's unit."""
    share = max(0.0, share)
    if spec.unit == "yes_no":
        return 1.0 if share >= 0.65 else spec.baseline
    value = spec.baseline + (spec.goal - spec.baseline) * share
    if spec.unit == "percent":
        return round(min(100.0, max(0.0, value)), 1)
    return float(max(0, round(value)))


def _evidence(builder: _DemoBuilder, group_id: str, kind: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Meetings held and action items done per period: what a reported value can point to as evidence."""
    if (group_id, kind) not in builder.evidence:
        builder.evidence[group_id, kind] = _evidence_of(builder, group_id, kind)
    return builder.evidence[group_id, kind]


def _evidence_of(builder: _DemoBuilder, group_id: str, kind: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    meetings: dict[str, list[str]] = defaultdict(list)
    for meeting in builder.meetings:
        if meeting.group_id == group_id and meeting.date < builder.today:
            meetings[period_of(meeting.date, kind)].append(meeting.id)
    actions: dict[str, list[str]] = defaultdict(list)
    for due, action_id in builder.done_actions[group_id]:
        actions[period_of(due, kind)].append(action_id)
    return meetings, actions


def _meeting_facts(builder: _DemoBuilder) -> list[MeetingFacts]:
    facts = []
    for meeting in builder.meetings:
        # Every group of the demo is the national group or one of its sub-groups: the national
        # computed indicators roll them all up (core/results_rollup.py), so their targets do too.
        present = builder.present.get(meeting.id, [])
        counts: dict[str, int] = defaultdict(int)
        for person in present:
            counts[builder.pillar_of[person.id]] += 1
        recorded = [p for p in present if p.gender]
        facts.append(MeetingFacts(meeting.date, meeting.kind, dict(counts), sum(p.gender == "female" for p in recorded),
                                  len(recorded), frozenset(p.organisation_id for p in present)))
    return facts


def _computed(builder: _DemoBuilder, number: int, key: str, meetings: list[MeetingFacts]) -> None:
    """A built-in indicator: baseline and targets set from what the group achieved in the last year."""
    store, national = builder.store, builder.national
    _label, unit, direction = COMPUTED[key]
    target_periods, _values = _periods(builder, "quarter")
    recent = [p for p in target_periods if bounds(p)[1] < builder.today][-4:]
    all_actions = [fact for facts in builder.action_facts.values() for fact in facts]
    history = [v for p in recent
               if (v := compute(key, p, meetings, all_actions)) is not None]
    average = sum(history) / len(history) if history else 1.0
    # Baseline a little below what the group does on average and a goal above it (the other way
    # round for overdue items), so that some quarters are met and others behind.
    if direction == "increase":
        baseline, goal = average * 0.8, average * 1.15
    else:
        baseline, goal = average * 1.3, average * 0.7
    ceiling = 1.0 if key == "average_balance" else 100.0 if unit == "percent" else None
    if ceiling is not None:
        baseline, goal = min(baseline, 0.9 * ceiling), min(goal, 0.95 * ceiling)
    indicator = store.indicators.create(
        id=builder.new_id(), group_id=national.id, code=f"C{number}", name=builder.text.computed[key],
        computed=key, period_kind="quarter", baseline_value=round(baseline, 2),
        baseline_date=bounds(target_periods[0])[0] - timedelta(days=1))
    for step, period in enumerate(target_periods):
        value = baseline + (goal - baseline) * (step + 1) / len(target_periods)
        store.targets.set(indicator.id, period, round(value, 2) if key == "average_balance" else float(round(value)))
