"""Spreadsheet cells that cannot run: text a spreadsheet would read as a formula is neutralised (OWASP CSV injection)."""

from __future__ import annotations

from typing import Any

# A cell starting with one of these is read as a formula (or DDE command) by Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spaces a spreadsheet may trim before deciding that a cell is a formula.
_LEADING_BLANKS = " \u00a0"


def is_formula_like(value: Any) -> bool:
    """Text (not a number) that a spreadsheet would evaluate: '=1+1', '+233 24…', '@SUM(…)', '-2+3'."""
    if not isinstance(value, str) or not value:
        return False
    return value.startswith(FORMULA_STARTS) or value.lstrip(_LEADING_BLANKS).startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """For CSV: formula-like text gets a leading apostrophe, so "+233 24 123 4567" reads "'+233 24 123 4567".

    The apostrophe stays visible in the cell; the number is still readable and nothing is evaluated."""
    if value is None:
        return ""
    return "'" + value if is_formula_like(value) else value
