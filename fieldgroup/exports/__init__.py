"""Exports in the formats funders and coordinators use (DHIS2, ADX, IATI, xlsx, CSV, ics); Qt-free, core only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldgroup.exports.common import ExportError, ExportOptions

# kind -> "module:function"; each function is (store, out, options) -> number of records written.
_WRITERS = {
    "dhis2": "fieldgroup.exports.dhis2:write_data_value_set",
    "adx": "fieldgroup.exports.dhis2:write_adx",
    "iati": "fieldgroup.exports.iati:write_iati",
    "xlsx": "fieldgroup.exports.spreadsheet:write_xlsx",
    "csv": "fieldgroup.exports.spreadsheet:write_csv",
    "ics": "fieldgroup.exports.ics:write_ics",
}
KINDS = tuple(_WRITERS)
# The file name ending each kind is usually saved with.
SUFFIXES = {"dhis2": ".json", "adx": ".xml", "iati": ".xml", "xlsx": ".xlsx", "csv": ".csv", "ics": ".ics"}


def writer(kind: str) -> Callable[[Any, Path | str, ExportOptions], int]:
    import importlib

    module, function = _WRITERS[kind].split(":")
    return getattr(importlib.import_module(module), function)


def export_data(kind: str, store: Any, out: Path | str, options: ExportOptions | None = None) -> int:
    """Write `kind` for the store to `out`; returns how many records (values, rows, meetings) it holds."""
    return writer(kind)(store, out, options or ExportOptions())


__all__ = ["KINDS", "SUFFIXES", "ExportError", "ExportOptions", "export_data"]
