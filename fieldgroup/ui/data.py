"""The read models pages show, from core (kept here so that pages import them from one ui place)."""

from fieldgroup.core.read_models import (
    BALANCE_KINDS,
    IndicatorBehind,
    MeetingRow,
    OverdueItem,
    PersonChoice,
    balances_by_meeting,
    indicators_behind,
    overdue_summary,
    person_choices,
    recent_meetings,
)

__all__ = [
    "BALANCE_KINDS",
    "IndicatorBehind",
    "MeetingRow",
    "OverdueItem",
    "PersonChoice",
    "balances_by_meeting",
    "indicators_behind",
    "overdue_summary",
    "person_choices",
    "recent_meetings",
]
