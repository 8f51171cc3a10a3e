"""Dates, numbers, percentages, money and periods formatted by Babel (CLDR) for the active locale."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, time

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from fieldgroup.i18n import current_locale

# CLDR supplementalData.xml <paperSize type="US-Letter">; every other territory uses A4.
# Babel does not ship this table, so it is copied here (CLDR 47). Of our countries only Colombia.
LETTER_TERRITORIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())
# Burmese is written with Myanmar digits (CLDR's default numbering for 'my', and what Qt's date pickers
# and spin boxes show); Babel only writes Latin digits, so they are mapped afterwards.
NATIVE_DIGITS = {"my": str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")}
_LATIN_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")


def _locale() -> Locale:
    return Locale.parse(current_locale())


def _digits(text: str) -> str:
    """The active language's own digits ('၂၀၂၅' in Burmese); Latin digits elsewhere."""
    table = NATIVE_DIGITS.get(current_locale().split("_")[0])
    return text.translate(table) if table else text


def format_date(day: date | datetime | None, length: str = "medium") -> str:
    """'7 Mar 2025' in English, '7 mars 2025' in French; empty for no date."""
    if day is None:
        return ""
    return _digits(babel_dates.format_date(day, format=length, locale=current_locale()))


def format_datetime(moment: datetime | None, length: str = "medium") -> str:
    """A date with its time as the wall clock shows it ('7 mars 2025, 14:05'); empty for None."""
    if moment is None:
        return ""
    # The locale's date of that length with a short time, joined the locale's way ('{1}, {0}').
    # A naive datetime is formatted as given: FieldGroup stores local wall-clock times.
    locale = _locale()
    pattern = (str(locale.datetime_formats[length]).replace("{1}", locale.date_formats[length].pattern)
               .replace("{0}", locale.time_formats["short"].pattern))
    return _digits(babel_dates.format_datetime(moment, format=pattern, locale=locale))


def format_time(hhmm: str | None) -> str:
    """A stored time of day ("14:30") the locale's way: '2:30 PM' (en), '14:30' (fr), '14.30' (id); '' for None."""
    if not hhmm:
        return ""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return _digits(babel_dates.format_time(time(hour, minute), format="short", locale=current_locale()))


# What people type for a time: "14:30", "9.30", "9h30", "0930", "9", with "am"/"pm" or the locale's own words.
_TIME_TYPED = re.compile(r"^(\d{1,2})(?:\s*[:.hH]\s*(\d{2}))?\s*(?:[hH])?\s*(.*)$")


def parse_time(text: str) -> str | None:
    """A typed time of day as stored ("09:30"); "" for an empty field; None when it is not a time."""
    text = text.strip().translate(_LATIN_DIGITS)
    if not text:
        return ""
    compact = re.fullmatch(r"(\d{2})(\d{2})", text)  # "0930"
    match = _TIME_TYPED.match(f"{compact.group(1)}:{compact.group(2)}" if compact else text)
    if not match:
        return None
    hour, minute, rest = int(match.group(1)), int(match.group(2) or 0), match.group(3).strip().casefold().replace(".", "")
    periods = {str(name).casefold().replace(".", ""): key for key, name in _locale().periods.items()
               if key in ("am", "pm")}
    periods |= {"am": "am", "pm": "pm", "a": "am", "p": "pm"}
    if rest:
        if rest not in periods or not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if periods[rest] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _fixed(pattern_text: str, decimals: int) -> babel_numbers.NumberPattern:
    """The locale's own pattern with exactly `decimals` decimals (keeps its grouping and spacing)."""
    pattern = copy.copy(babel_numbers.parse_pattern(pattern_text))
    pattern.frac_prec = (decimals, decimals)
    return pattern


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """1234567.891 as '1,234,568' (en), '1 234 568' (fr), '1.234.567,89' (es_CO, decimals=2)."""
    if value is None:
        return ""
    locale = _locale()
    return _digits(_fixed(locale.decimal_formats[None].pattern, decimals).apply(value, locale))


def format_index(value: float) -> str:
    """A balance index with two decimals: '0.88', '0,88'."""
    return _digits(babel_numbers.format_decimal(value, format="0.00", locale=current_locale()))


def format_percent(share: float | None, decimals: int = 0) -> str:
    """A share (0.256) as '26%' (en), '26 %' (fr), '26 %' (es); empty for None."""
    if share is None:
        return ""
    # Start from the locale's own pattern so its spacing ('26 %' in French) survives.
    locale = _locale()
    return _digits(_fixed(locale.percent_formats[None].pattern, decimals).apply(share, locale))


def format_currency(amount: float | None, currency: str | None = None) -> str:
    """'GH₵1,234.50' (en_GH), 'Rp1.234,50' (id_ID); the currency defaults to the locale's country's."""
    if amount is None:
        return ""
    if currency is None:
        territory = _locale().territory
        currencies = babel_numbers.get_territory_currencies(territory) if territory else []
        currency = currencies[0] if currencies else "USD"
    return _digits(babel_numbers.format_currency(amount, currency, locale=current_locale()))


def parse_number(text: str) -> float:
    """What a user typed in the active locale ('1.234,5' in es_CO, Myanmar digits too) as a number.

    Raises ValueError when it is not a number.
    """
    try:
        return float(babel_numbers.parse_decimal(text.strip().translate(_LATIN_DIGITS), locale=current_locale()))
    except babel_numbers.NumberFormatError as exc:
        raise ValueError(str(exc)) from None


def format_period(period: str | None) -> str:
    """'2025-Q3' as 'Q3 2025', 'T3 2025' (fr, es, pt), 'K3 2025' (id) from CLDR; in Burmese all in Myanmar
    script ('၂၀၂၅ တတိယ သုံးလပတ်'), where CLDR's short form would put a Latin 'Q' among Burmese words; a year
    stays a year (in the language's digits). One function for the screens and the PDFs."""
    if not period:
        return ""
    if "-Q" not in period:
        return _digits(period)
    year, quarter = period.split("-Q")
    if current_locale().replace("-", "_").split("_")[0] == "my":
        name = Locale.parse("my").quarters["format"]["wide"][int(quarter)]
        return f"{_digits(year)} {name}"
    first_day = date(int(year), 3 * int(quarter) - 2, 1)
    return _digits(babel_dates.format_date(first_day, format="QQQ y", locale=current_locale()))


def month_names(width: str = "wide", context: str = "stand-alone") -> list[str]:
    """The twelve month names, January first ('janvier', ... in French), for pickers and axes."""
    names = babel_dates.get_month_names(width, context, locale=current_locale())
    return [names[m] for m in range(1, 13)]


def paper_for_locale(locale: str | None = None) -> str:
    """'letter' where CLDR says US Letter (e.g. es_CO), otherwise 'a4'; no territory means A4."""
    territory = Locale.parse(locale or current_locale()).territory
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def pdf_safe(text: str) -> str:
    """Replace the narrow no-break space (French digit groups) by U+00A0: reportlab breaks lines at U+202F."""
    return text.replace("\u202f", "\u00a0")
