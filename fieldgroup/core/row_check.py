"""Checks one synced row as it is stored or travels (values, stamps), by the same rules the store writes with."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from fieldgroup.core import periods, rules
from fieldgroup.core.errors import ValidationError
from fieldgroup.core.indicators import COMPUTED
from fieldgroup.core.schema import TABLES, Field, TableSpec
from fieldgroup.i18n import _

# 12 hex digits of ms, 6 of counter, 16 of device id (see hlc.py).
STAMP = re.compile(r"^[0-9a-f]{34}$")
DEVICE = re.compile(r"^[0-9a-f]{16}$")
RECORD_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Stamps after 9999-12-31 cannot be shown as a date (and only a broken or hostile clock makes them).
MAX_STAMP_MS = 253_402_300_799_999
EXCERPT_CHARS = 30
_MAX_INT = 2**63 - 1  # what SQLite can store as an integer
# A real calendar day as the store writes it (month 01-12, day 01-31; the full rules check the rest).
_ISO_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")  # a time of day exactly as the store writes it


class RowProblem(ValueError):
    """What is wrong with one row or value; `str()` is a sentence fragment, not a whole sentence."""


def excerpt(value: Any) -> str:
    """A short, escaped piece of a hostile value, safe to put in a one-line message."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    short = text[:EXCERPT_CHARS]
    escaped = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in short)
    return escaped + ("…" if len(text) > EXCERPT_CHARS else "")


def valid_stamp(value: Any) -> bool:
    """A 34-hex-digit HLC stamp whose time lies between 1970 and the end of year 9999."""
    return isinstance(value, str) and bool(STAMP.match(value)) and int(value[:12], 16) <= MAX_STAMP_MS


def valid_device(value: Any) -> bool:
    return isinstance(value, str) and bool(DEVICE.match(value))


def valid_id(value: Any) -> bool:
    return isinstance(value, str) and bool(RECORD_ID.match(value))


def check_stamps(spec: TableSpec, stamps_json: Any, newest: Any = None) -> dict[str, str]:
    """The parsed `_stamps` of a row: an object with "*" and valid stamps for known fields only.

    `newest` (the row's `_ver`) need only be a valid stamp: merges of older versions could leave
    it below the newest field stamp, and refusing those honest bundles would stop a group's sync."""
    if not isinstance(stamps_json, str) or len(stamps_json) > 64 * (len(spec.fields) + 2):
        raise RowProblem(_("its stamps are not valid (“{value}”)").format(value=excerpt(stamps_json)))
    try:
        stamps = json.loads(stamps_json)
    except ValueError:
        stamps = None
    if (not isinstance(stamps, dict) or "*" not in stamps or not stamps.keys() <= _STAMP_KEYS[spec.name]
            or not all(valid_stamp(s) for s in stamps.values())):
        raise RowProblem(_("its stamps are not valid (“{value}”)").format(value=excerpt(stamps_json)))
    if newest is not None and not valid_stamp(newest):
        raise RowProblem(_("its stamps are not valid (“{value}”)").format(value=excerpt(newest)))
    return stamps


def _plainly_valid(field: Field, value: Any) -> bool:
    """A quick yes for what honest rows hold (a full bundle has ~200,000 rows); anything else goes
    through the store's own rules below, which decide and word the problem."""
    if value is None:
        return not field.required
    kind = field.kind
    if kind == "text":
        return (type(value) is str and len(value) <= field.max_length and not value.isspace()
                and (field.choices is None or value in field.choices)
                and (field.references is None or RECORD_ID.match(value) is not None))
    if kind == "date":
        return type(value) is str and _ISO_DAY.match(value) is not None and _real_day(value)
    if kind == "time":
        return type(value) is str and _TIME.match(value) is not None
    if kind == "bool":
        return type(value) is int and value in (0, 1)
    if type(value) is int:
        return -_MAX_INT <= value <= _MAX_INT
    return type(value) is float and math.isfinite(value)


def _real_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_value(field: Field, value: Any) -> None:
    """Raise RowProblem unless `value` is what the store would hold for `field`."""
    if _plainly_valid(field, value):
        return
    try:
        _check_type(field, value)
        coerced = rules.coerce_value(field, value)
    except ValidationError as exc:
        if field.kind == "text" and field.choices is None and field.references is None and isinstance(value, str):
            # Free text (a name, minutes): the sentence may reach a screen or a log, so none of it is quoted.
            raise RowProblem(exc.message.rstrip(".")) from None
        raise RowProblem(_("{rule} (found “{value}”)").format(rule=exc.message.rstrip("."), value=excerpt(value))) from None
    if field.kind in ("date", "bool", "time") and value is not None and coerced != value:
        raise RowProblem(_("{field} is not valid (found “{value}”)").format(field=str(field.label), value=excerpt(value)))
    if field.references and value is not None and not valid_id(value):
        raise RowProblem(_("{field} is not valid (found “{value}”)").format(field=str(field.label), value=excerpt(value)))


def _check_type(field: Field, value: Any) -> None:
    if value is None:
        return
    bad = _("{field} is not valid").format(field=str(field.label))
    if field.kind in ("text", "date", "time") and not isinstance(value, str):
        raise ValidationError(field.name, bad)
    if field.kind == "bool" and (not isinstance(value, int) or value not in (0, 1)):
        raise ValidationError(field.name, bad)
    if field.kind in ("real", "int") and (isinstance(value, bool) or not isinstance(value, int | float)
                                          or (isinstance(value, float) and not math.isfinite(value))
                                          or (isinstance(value, int) and abs(value) > _MAX_INT)):
        raise ValidationError(field.name, bad)


# Rules of a single row that no merge can break (rules spanning records or fields are left to the merge).
def _single_row_rules(table: str, values: dict[str, Any]) -> None:
    if table == "groups":
        threshold = values.get("balance_threshold")
        if threshold is not None and not 0 < threshold <= 1:
            raise RowProblem(_("{field} is not valid (found “{value}”)").format(
                field=str(TABLES[table].field("balance_threshold").label), value=excerpt(threshold)))
    if table == "indicators" and values.get("computed") is not None and values["computed"] not in COMPUTED:
        raise RowProblem(_("{field} is not valid (found “{value}”)").format(
            field=str(TABLES[table].field("computed").label), value=excerpt(values["computed"])))
    if table in ("indicator_targets", "indicator_values"):
        period = values.get("period")
        if not isinstance(period, str) or not (periods.is_valid(period, "quarter") or periods.is_valid(period, "year")):
            raise RowProblem(_("{field} is not valid (found “{value}”)").format(
                field=str(TABLES[table].field("period").label), value=excerpt(period)))


# Computed once: a full bundle's rows are checked by the hundred thousand.
_STAMP_KEYS = {name: frozenset({"*", *spec.field_names}) for name, spec in TABLES.items()}
_NAMES = {name: spec.field_names for name, spec in TABLES.items()}
_ROW_RULES = {"groups", "indicators", "indicator_targets", "indicator_values"}


def check_row(table: str, row: Any, with_newest: bool = True) -> str:
    """A row as it travels: [id, values..., stamps JSON, newest stamp]; raises RowProblem.

    Returns the newest stamp anywhere in the row, for the clock check."""
    spec = TABLES[table]
    count = len(spec.fields)
    if not isinstance(row, list | tuple) or len(row) != count + (3 if with_newest else 2):
        raise RowProblem(_("a record is not laid out as FieldGroup writes it"))
    if not valid_id(row[0]):
        raise RowProblem(_("its id is not valid (“{value}”)").format(value=excerpt(row[0])))
    for field, value in zip(spec.fields, row[1 : 1 + count], strict=True):
        check_value(field, value)
    if table in _ROW_RULES:
        _single_row_rules(table, dict(zip(_NAMES[table], row[1 : 1 + count], strict=True)))
    stamps = check_stamps(spec, row[1 + count], row[-1] if with_newest else None)
    newest = max(stamps.values())
    return max(newest, row[-1]) if with_newest else newest
