"""Dates, numbers, percentages and periods formatted by Babel for the active locale."""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from fieldgroup.i18n import _, current_locale


def format_date(day: date | datetime | None, length: str = "medium") -> str:
    """'7 Mar 2025' in English, '7 mars 2025' in French; empty for no date."""
    if day is None:
        return ""
    return babel_dates.format_date(day, format=length, locale=current_locale())


def format_number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=current_locale())


def format_index(value: float) -> str:
    """A balance index with two decimals: '0.88', '0,88'."""
    return babel_numbers.format_decimal(value, format="0.00", locale=current_locale())


def format_percent(share: float | None, decimals: int = 0) -> str:
    """A share (0.256) as '26 %' / '26%' by locale; empty for None."""
    if share is None:
        return ""
    # Start from the locale's own pattern so its spacing ('26 %' in French) survives.
    pattern = Locale.parse(current_locale()).percent_formats[None].pattern
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return babel_numbers.format_percent(share, format=pattern, locale=current_locale())


def format_period(period: str) -> str:
    """'2025-Q3' as 'Q3 2025' (translated); a year stays as it is."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return _("Q{quarter} {year}").format(quarter=quarter, year=year)
    return period
