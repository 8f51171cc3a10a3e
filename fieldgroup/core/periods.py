"""Reporting periods ('2025-Q3', '2025'): parse, check, find the period of a date, list a range."""

from __future__ import annotations

import re
from datetime import date

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def is_valid(period: str, kind: str) -> bool:
    pattern = _QUARTER if kind == "quarter" else _YEAR
    return bool(pattern.match(period or ""))


def period_of(day: date, kind: str) -> str:
    if kind == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def bounds(period: str) -> tuple[date, date]:
    """First and last day of a period."""
    quarter = _QUARTER.match(period)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        start = date(year, 3 * q - 2, 1)
        end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    year_match = _YEAR.match(period)
    if year_match:
        year = int(year_match.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    raise ValueError(f"not a period: {period!r}")


def next_period(period: str) -> str:
    quarter = _QUARTER.match(period)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"
    return str(int(period) + 1)


def periods_between(first: str, last: str) -> list[str]:
    """Every period from `first` to `last` inclusive (same kind); empty when last precedes first."""
    result: list[str] = []
    current = first
    while bounds(current)[0] <= bounds(last)[0]:
        result.append(current)
        current = next_period(current)
    return result


def last_complete(today: date, kind: str = "quarter") -> str:
    """The newest period of `kind` that ended before `today` (reports default to it: the current
    period is still being filled in)."""
    current = period_of(today, kind)
    start = bounds(current)[0]
    return period_of(date.fromordinal(start.toordinal() - 1), kind)
