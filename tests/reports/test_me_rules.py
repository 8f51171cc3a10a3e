"""Which period the M&E report shows for each indicator, and how values read in their unit."""

from __future__ import annotations

from fieldgroup.core.indicators import PeriodProgress, value_text
from fieldgroup.i18n import set_locale
from fieldgroup.reports.me_progress import latest_period_with_data, row_for


def row(period, actual=None, target=None):
    return PeriodProgress(period, target, actual, None, "no_data")


def test_latest_period_with_data_over_all_indicators():
    progress = {"a": [row("2025-Q1", 3), row("2025-Q2", None, 5)], "b": [row("2024", 7)]}
    assert latest_period_with_data(progress) == "2025-Q1"
    assert latest_period_with_data({"a": [row("2025-Q3", None, 4)]}) is None


def test_row_for_mixed_period_kinds():
    quarters = [row("2025-Q1", 1), row("2025-Q2", 2), row("2025-Q3", None, 9)]
    assert row_for(quarters, "2025-Q2", "quarter").period == "2025-Q2"
    assert row_for(quarters, "2025", "quarter").period == "2025-Q2"  # latest quarter of the year with data
    assert row_for([row("2025", 4)], "2025-Q3", "year").period == "2025"
    assert row_for(quarters, "2024-Q4", "quarter") is None
    assert row_for(quarters, None, "quarter") is None


def test_value_text_by_unit_and_locale():
    assert value_text(35, "percent") == "35%" and value_text(12.5, "percent") == "12.5%"
    assert value_text(1, "yes_no") == "yes" and value_text(0, "yes_no") == "no"
    assert value_text(1234, "number") == "1,234" and value_text(0.875, "number") == "0.88"
    assert value_text(None, "number") == "—"
    set_locale("fr")
    assert value_text(1234.5, "number") == "1\u202f234,50"
    assert value_text(12.5, "percent") == "12,5\u00a0%"


def test_indicators_in_code_reading_order(store, group, tmp_path):
    from fieldgroup.reports import build_report
    from tests.reports.helpers import pdf_text

    for code in ("1.10", "1.2", "2.1", None):
        store.indicators.create(group_id=group.id, code=code, name=f"Indicator {code or 'without code'}")
    text = " ".join(pdf_text(build_report("indicators", store, tmp_path / "i.pdf")))
    positions = [text.index(name) for name in ("1.2 Indicator 1.2", "1.10 Indicator 1.10", "2.1 Indicator 2.1",
                                                "Indicator without code")]
    assert positions == sorted(positions)
