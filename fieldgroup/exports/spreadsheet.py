"""The action tracker and work plan as an .xlsx workbook (both sheets) or one CSV table, with no cell that can run."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from fieldgroup.exports.cells import csv_cell, is_formula_like
from fieldgroup.exports.common import ExportError, ExportOptions, atomic_output
from fieldgroup.exports.tables import TABLES, Table, action_table, workplan_table
from fieldgroup.i18n import _

BUILDERS = {"actions": action_table, "workplan": workplan_table}
# Excel's limit on a sheet name, and the characters it refuses in one.
_SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_csv(store: Any, out: Path | str, options: ExportOptions) -> int:
    """One table (--table actions|workplan) as CSV; formula-like text gets a leading apostrophe."""
    if options.table not in TABLES:
        raise ExportError(_("Choose the table to export: actions or workplan."))
    table = BUILDERS[options.table](store, options)
    with atomic_output(out) as handle:
        handle.write("\ufeff")  # so that Excel reads the file as UTF-8 (Burmese, accents)
        writer = csv.writer(handle)
        writer.writerow([csv_cell(h) for h in table.header])
        for row in table.rows:
            writer.writerow([csv_cell(_plain(v)) for v in row])
    return len(table.rows)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_xlsx(store: Any, out: Path | str, options: ExportOptions) -> int:
    """Both tables as sheets of one workbook; returns the number of rows written."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    total = 0
    for name in TABLES:
        table = BUILDERS[name](store, options)
        _sheet(workbook, table)
        total += len(table.rows)
    with atomic_output(out, binary=True) as handle:
        workbook.save(handle)
    return total


def _sheet(workbook: Any, table: Table) -> None:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(table.name.translate(_SHEET_NAME_BAD)[:_SHEET_NAME_MAX])
    sheet.append(table.header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
    # One pass over the cells (sheet.max_row is recomputed on every call: per row it was quadratic).
    widths: dict[str, int] = {}
    for cells in sheet.iter_rows():
        for cell in cells:
            _neutralise(cell)
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            if cell.value is not None:
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 8), len(str(cell.value)))
    sheet.freeze_panes = "A2"
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(60, max(10, width + 2))


def _neutralise(cell: Any) -> None:
    """Formula-like text stays the same text, stored as a string cell with Excel's own leading apostrophe.

    openpyxl would store "=…" as a formula; forcing the string type and setting quotePrefix (what Excel
    records when someone types '+233…) keeps "+233 24 123 4567" readable, without a visible apostrophe,
    and never evaluated — not even after the cell is edited."""
    if isinstance(cell.value, str) and (is_formula_like(cell.value) or cell.data_type == "f"):
        cell.data_type = "s"
        cell.quotePrefix = True
