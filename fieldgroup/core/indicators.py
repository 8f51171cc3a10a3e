"""M&E maths (DESIGN §6): progress toward a target, its status, and the built-in computed indicators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from fieldgroup.core import periods
from fieldgroup.core.balance import balance_index, counts_in_balance
from fieldgroup.core.choices import PROGRESS_STATUS
from fieldgroup.core.schema import BALANCE_PILLARS
from fieldgroup.i18n import N_, _

MET, ON_TRACK, BEHIND, NO_DATA = "met", "on_track", "behind", "no_data"
STATUS_LABELS = PROGRESS_STATUS.labels()  # words, colours and marks: core/choices.py

# key -> (label, unit, direction)
COMPUTED = {
    "meetings_held": (N_("Meetings held"), "number", "increase"),
    "subnational_meetings": (N_("Sub-national meetings"), "number", "increase"),
    "average_balance": (N_("Average balance index"), "number", "increase"),
    "all_pillars_pct": (N_("Meetings with all three pillars"), "percent", "increase"),
    "women_share_pct": (N_("Women's share of attendance"), "percent", "increase"),
    "actions_on_time_pct": (N_("Action items done by their due date"), "percent", "increase"),
    "overdue_at_end": (N_("Overdue action items at period end"), "number", "decrease"),
    "organisations_participating": (N_("Organisations that took part"), "number", "increase"),
}


# Computed indicators that count things: shown as whole numbers ("157", never "156.33").
COUNTS = frozenset({"meetings_held", "subnational_meetings", "overdue_at_end", "organisations_participating"})


def progress(actual: float | None, baseline: float | None, target: float | None, direction: str) -> float | None:
    """(actual − baseline) / (target − baseline); None when there is no actual or no target."""
    if actual is None or target is None:
        return None
    base = baseline or 0.0
    if target == base:
        reached = actual >= target if direction == "increase" else actual <= target
        return 1.0 if reached else 0.0
    return (actual - base) / (target - base)


def status(progress_value: float | None) -> str:
    if progress_value is None:
        return NO_DATA
    if progress_value >= 1.0:
        return MET
    if progress_value >= 0.85:
        return ON_TRACK
    return BEHIND


@dataclass(frozen=True, slots=True)
class PeriodProgress:
    """One period of one indicator: target, actual, progress toward the target and its status.

    `progress` is the raw share from the baseline (negative below it, above 1 beyond the target);
    show it through `shown_progress` / `progress_text`, never as it is."""

    period: str
    target: float | None
    actual: float | None
    progress: float | None
    status: str

    @property
    def shown_progress(self) -> float | None:
        return shown_progress(self.progress)


def shown_progress(value: float | None) -> float | None:
    """Progress as drawn: clamped to 0–100 % (beyond the target is "met", below the baseline 0)."""
    return None if value is None else min(max(value, 0.0), 1.0)


def progress_text(value: float | None, direction: str = "increase") -> str:
    """Progress in words the way every view shows it: '75 %', 'met', 'below baseline', never '-106 %'.

    For a decrease indicator "below baseline" means it went the wrong way, i.e. up: 'above baseline'."""
    from fieldgroup.formatting import format_percent

    if value is None:
        return "—"
    if value >= 1.0:
        return _("met")
    if value < 0:
        return _("above baseline") if direction == "decrease" else _("below baseline")
    return format_percent(value)


def value_text(value: float | None, unit: str, whole: bool = False) -> str:
    """A value in the indicator's unit: '35 %', '1,234', 'yes'; a dash when there is none.

    `whole` rounds a count to a whole number (see COUNTS)."""
    from fieldgroup.formatting import format_number, format_percent

    if value is None:
        return "—"
    if unit == "percent":
        return format_percent(value / 100, 0 if float(value).is_integer() else 1)
    if unit == "yes_no":
        return _("yes") if value >= 0.5 else _("no")
    if whole:
        return format_number(round(value))
    return format_number(value, 0 if float(value).is_integer() else 2)


def comparison_text(actual: float | None, target: float | None, baseline: float | None, unit: str,
                    whole: bool = False) -> str:
    """The actual beside the target and the baseline: '8 — target 9, baseline 5' (what is unknown is left out)."""
    values = {"actual": value_text(actual, unit, whole), "target": value_text(target, unit, whole),
              "baseline": value_text(baseline, unit, whole)}
    if target is not None and baseline is not None:
        return _("{actual} — target {target}, baseline {baseline}").format(**values)
    if target is not None:
        return _("{actual} — target {target}").format(**values)
    if baseline is not None:
        return _("{actual} — baseline {baseline}").format(**values)
    return values["actual"]


def progress_by_period(
    baseline: float | None, direction: str, targets: dict[str, float], actuals: dict[str, float]
) -> list[PeriodProgress]:
    rows = []
    for period in sorted(set(targets) | set(actuals), key=lambda p: periods.bounds(p)[0]):
        target, actual = targets.get(period), actuals.get(period)
        value = progress(actual, baseline, target, direction)
        rows.append(PeriodProgress(period, target, actual, value, status(value)))
    return rows


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the computed indicators need to know about one meeting."""

    date: date
    kind: str
    counts: dict[str, int]
    women: int
    gender_recorded: int
    organisations: frozenset[str]


@dataclass(frozen=True, slots=True)
class ActionFacts:
    due_date: date | None
    status: str
    completed_on: date | None


def compute(key: str, period: str, meetings: Iterable[MeetingFacts], actions: Iterable[ActionFacts]) -> float | None:
    """The value of computed indicator `key` for `period`; None when there is nothing to measure."""
    start, end = periods.bounds(period)
    in_period = [m for m in meetings if start <= m.date <= end]
    # A pillar meeting gathers one pillar on purpose, so balance is judged on the other meetings.
    attended = [m for m in in_period
                if counts_in_balance(m.kind) and sum(m.counts.get(p, 0) for p in BALANCE_PILLARS) > 0]
    if key == "meetings_held":
        return float(len(in_period))
    if key == "subnational_meetings":
        return float(sum(m.kind == "subnational" for m in in_period))
    if key == "average_balance":
        return sum(balance_index(m.counts) for m in attended) / len(attended) if attended else None
    if key == "all_pillars_pct":
        full = sum(all(m.counts.get(p, 0) for p in BALANCE_PILLARS) for m in attended)
        return 100.0 * full / len(attended) if attended else None
    if key == "women_share_pct":
        recorded = sum(m.gender_recorded for m in in_period)
        return 100.0 * sum(m.women for m in in_period) / recorded if recorded else None
    if key == "organisations_participating":
        return float(len(frozenset().union(*(m.organisations for m in in_period))))
    if key == "actions_on_time_pct":
        return _actions_on_time(actions, start, end)
    if key == "overdue_at_end":
        return float(sum(_overdue_at(a, end) for a in actions))
    raise KeyError(key)


def _actions_on_time(actions: Iterable[ActionFacts], start: date, end: date) -> float | None:
    due = [a for a in actions if a.due_date and start <= a.due_date <= end and a.status != "dropped"]
    if not due:
        return None
    on_time = sum(a.status == "done" and a.completed_on is not None and a.completed_on <= a.due_date for a in due)
    return 100.0 * on_time / len(due)


def _overdue_at(action: ActionFacts, day: date) -> bool:
    """Was this item past due and not yet done at the end of `day`?"""
    if action.due_date is None or action.due_date >= day or action.status == "dropped":
        return False
    if action.status == "done":
        return action.completed_on is not None and action.completed_on > day
    return True
