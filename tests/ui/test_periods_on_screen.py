"""Periods read the same on screen as in the reports (issue 16): Burmese quarter names in Myanmar script,
never "Q2 2025" in the Burmese app."""

from __future__ import annotations

from fieldgroup.core.read_models import IndicatorBehind
from fieldgroup.i18n import set_locale


def test_the_dashboard_writes_burmese_quarters_as_the_reports_do():
    from fieldgroup.reports.fmt import format_period as on_paper
    from fieldgroup.ui.pages.dashboard_page import _behind_words

    set_locale("my")
    try:
        words = _behind_words(IndicatorBehind("i1", "Officers trained", "2025-Q2", 0.4))
        assert on_paper("2025-Q2") == "၂၀၂၅ ဒုတိယ သုံးလပတ်"
        assert "၂၀၂၅ ဒုတိယ သုံးလပတ်" in words and "Q" not in words
    finally:
        set_locale("en")
