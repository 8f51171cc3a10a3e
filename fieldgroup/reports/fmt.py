"""fieldgroup.formatting for the PDFs, remembered per locale: long tables repeat the same dates and numbers."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale

from fieldgroup import formatting
from fieldgroup.formatting import format_period  # noqa: F401 (one function for screens and paper, kept importable here)
from fieldgroup.i18n import current_locale


@lru_cache(maxsize=8192)
def _date(locale: str, day: date, length: str) -> str:
    if locale.split("_")[0] == "id" and length == "full":
        # CLDR's Indonesian full date pads the day ("Kamis, 09 Januari 2025"); print it as written.
        from babel import dates as babel_dates

        pattern = Locale.parse(locale).date_formats[length].pattern.replace("dd", "d")
        text = babel_dates.format_date(day, pattern, locale=locale)
    else:
        text = formatting.format_date(day, length)
    # A date is one unit on paper: no-break spaces keep "17 de out. de 2025" on one line.
    return text.replace(" ", "\u00a0")


@lru_cache(maxsize=8192)
def _number(locale: str, value: float, decimals: int) -> str:
    return formatting.format_number(value, decimals)


def format_date(day: date | None, length: str = "medium") -> str:
    """As fieldgroup.formatting.format_date (Babel, active locale)."""
    return _date(current_locale(), day, length) if day is not None else ""


def format_number(value: float | None, decimals: int = 0) -> str:
    """As fieldgroup.formatting.format_number (Babel, active locale)."""
    return _number(current_locale(), value, decimals) if value is not None else ""


def is_burmese() -> bool:
    return current_locale().replace("-", "_").split("_")[0] == "my"


def format_list(items: list[str]) -> str:
    """Items joined as the language does ("A, B et C"; Burmese with its own separator ၊)."""
    from babel.lists import format_list as babel_list

    return babel_list(items, style="standard", locale=current_locale()) if items else ""
