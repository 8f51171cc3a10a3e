"""Dates, numbers, percentages, periods, money and paper as people in each target country write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldgroup import formatting as f
from fieldgroup.i18n import set_locale

NNBSP, NBSP = "\u202f", "\u00a0"
DAY = date(2025, 3, 7)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_locale("en")


# locale: (medium date, long date, 1234567.891 with 2 decimals, 0.256 with 1 decimal, index 0.875)
EXPECTED = {
    "en": ("Mar 7, 2025", "March 7, 2025", "1,234,567.89", "25.6%", "0.88"),
    "en_GH": ("7 Mar 2025", "7 March 2025", "1,234,567.89", "25.6%", "0.88"),
    "en_NG": ("7 Mar 2025", "7 March 2025", "1,234,567.89", "25.6%", "0.88"),
    "fr": ("7 mars 2025", "7 mars 2025", f"1{NNBSP}234{NNBSP}567,89", f"25,6{NBSP}%", "0,88"),
    "fr_CD": ("7 mars 2025", "7 mars 2025", f"1{NNBSP}234{NNBSP}567,89", f"25,6{NBSP}%", "0,88"),
    "es_CO": ("7/03/2025", "7 de marzo de 2025", "1.234.567,89", "25,6%", "0,88"),
    "es_PE": ("7 mar. 2025", "7 de marzo de 2025", "1,234,567.89", "25.6%", "0.88"),  # Peru: decimal point
    "pt_MZ": ("07/03/2025", "7 de março de 2025", f"1{NBSP}234{NBSP}567,89", "25,6%", "0,88"),
    "id_ID": ("7 Mar 2025", "7 Maret 2025", "1.234.567,89", "25,6%", "0,88"),
    "my_MM": ("၂၀၂၅ မတ် ၇", "၂၀၂၅ မတ် ၇", "၁,၂၃၄,၅၆၇.၈၉", "၂၅.၆%", "၀.၈၈"),
}


@pytest.mark.parametrize("locale", EXPECTED)
def test_each_locale_writes_dates_numbers_and_shares_its_own_way(locale):
    medium, long, number, percent, index = EXPECTED[locale]
    set_locale(locale)
    assert f.format_date(DAY) == medium
    assert f.format_date(DAY, "long") == long
    assert f.format_number(1234567.891, 2) == number
    assert f.format_percent(0.256, 1) == percent
    assert f.format_index(0.875) == index


def test_whole_numbers_and_percentages_round_without_decimals():
    set_locale("es_CO")
    assert f.format_number(1234567.891) == "1.234.568"
    assert f.format_percent(0.256) == "26%"
    set_locale("fr_CD")
    assert f.format_percent(0.256) == f"26{NBSP}%"  # the locale's own spacing survives


def test_empty_values_show_as_empty_text():
    assert f.format_date(None) == "" and f.format_number(None) == ""
    assert f.format_percent(None) == "" and f.format_datetime(None) == "" and f.format_currency(None) == ""


@pytest.mark.parametrize("locale, expected, year", [
    ("en", "Q3 2025", "2025"), ("fr_CD", "T3 2025", "2025"), ("es_CO", "T3 2025", "2025"),
    ("pt_MZ", "T3 2025", "2025"), ("id_ID", "K3 2025", "2025"),
    ("my_MM", "၂၀၂၅ တတိယ သုံးလပတ်", "၂၀၂၅"),  # all in Myanmar script, as the reports print it: no Latin "Q"
])
def test_quarters_use_the_cldr_abbreviation(locale, expected, year):
    set_locale(locale)
    assert f.format_period("2025-Q3") == expected
    assert f.format_period("2025") == year


@pytest.mark.parametrize("locale, expected", [
    ("en_GH", f"7 Mar 2025, 2:05{NNBSP}pm"), ("fr_CD", "7 mars 2025, 14:05"), ("id_ID", "7 Mar 2025 14.05"),
])
def test_date_and_time_with_a_short_time(locale, expected):
    set_locale(locale)
    assert f.format_datetime(datetime(2025, 3, 7, 14, 5, 33)) == expected


@pytest.mark.parametrize("locale, symbol, grouped", [
    ("en_GH", "GH₵", "1,234"), ("en_NG", "₦", "1,234"), ("id_ID", "Rp", "1.234"), ("es_CO", "$", "1.234"),
])
def test_money_defaults_to_the_country_currency(locale, symbol, grouped):
    # Our behaviour: the country's currency, its symbol, the locale's grouping. How many decimals a
    # currency shows is CLDR's call (IDR and COP lost theirs in CLDR 47), so it is not pinned here.
    set_locale(locale)
    text = f.format_currency(1234.5).replace(NBSP, " ")
    assert text.startswith(symbol)
    assert text[len(symbol):].startswith(grouped)


def test_money_in_a_named_currency():
    set_locale("fr_CD")
    assert f.format_currency(1234.5, "USD") == f"1{NNBSP}234,50{NBSP}$US"


@pytest.mark.parametrize("locale, typed, value", [
    ("es_CO", "1.234,5", 1234.5), ("en_GH", "1,234.5", 1234.5), ("fr_CD", f"1{NNBSP}234,5", 1234.5),
    ("my_MM", "၁,၂၃၄.၅", 1234.5), ("my_MM", "1234.5", 1234.5),
])
def test_typed_numbers_are_read_in_the_locale(locale, typed, value):
    set_locale(locale)
    assert f.parse_number(typed) == value


def test_a_word_is_not_a_number():
    set_locale("fr")
    with pytest.raises(ValueError):
        f.parse_number("douze")


def test_month_names_for_date_pickers():
    set_locale("es_PE")
    assert f.month_names()[0].lower() == "enero" and len(f.month_names()) == 12
    set_locale("id_ID")
    assert f.month_names("abbreviated")[7] == "Agu"


@pytest.mark.parametrize("locale, paper", [
    ("es_CO", "letter"), ("en_US", "letter"), ("fr_CA", "letter"), ("es_PE", "a4"), ("fr_CD", "a4"),
    ("en_GH", "a4"), ("en_NG", "a4"), ("id_ID", "a4"), ("my_MM", "a4"), ("pt_MZ", "a4"), ("fr", "a4"),
])
def test_paper_size_follows_cldr(locale, paper):
    assert f.paper_for_locale(locale) == paper


def test_paper_size_of_the_active_locale():
    set_locale("es_CO")
    assert f.paper_for_locale() == "letter"


def test_pdf_safe_keeps_french_numbers_on_one_line():
    set_locale("fr")
    text = f.pdf_safe(f.format_number(1234567))
    assert NNBSP not in text and text == f"1{NBSP}234{NBSP}567"
