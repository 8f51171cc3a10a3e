"""Field rules: turn API values into stored values, or raise a ValidationError naming the field."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

from fieldgroup.core.errors import ValidationError
from fieldgroup.core.schema import Field, TableSpec
from fieldgroup.i18n import _


def to_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def to_time(value: Any) -> str | None:
    """A time of day as stored ("09:30"), from a `datetime.time` or "9:30"; None when it is not one."""
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    match = _TIME.match(str(value).strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def _coerce_one(field: Field, value: Any) -> Any:
    # The translated label is needed only for an error message: looking it up for every field of
    # every record made bulk work (demo data, CSV import) measurably slower.
    label = _LazyLabel(field)
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            value = None
    if value is None:
        if field.required:
            raise ValidationError(field.name, _("{field} is required.").format(field=label))
        return None
    if field.kind == "date":
        try:
            return to_date(value).isoformat()
        except (TypeError, ValueError):
            raise ValidationError(field.name, _("{field} must be a date like 2025-03-07.").format(field=label)) from None
    if field.kind == "time":
        text = to_time(value)
        if text is None:
            raise ValidationError(field.name, _("{field} must be a time like 14:30.").format(field=label))
        return text
    if field.kind == "bool":
        return 1 if value else 0
    if field.kind in ("real", "int"):
        try:
            number = float(value) if field.kind == "real" else int(value)
        except (TypeError, ValueError):
            raise ValidationError(field.name, _("{field} must be a number.").format(field=label)) from None
        if isinstance(number, float) and not math.isfinite(number):
            raise ValidationError(field.name, _("{field} must be a number.").format(field=label))
        return number
    text = str(value)
    if field.choices is not None and text not in field.choices:
        raise ValidationError(
            field.name,
            _("{field} must be one of: {choices}.").format(field=label, choices=", ".join(field.choices)),
        )
    if len(text) > field.max_length:
        raise ValidationError(
            field.name, _("{field} is too long (at most {n} characters).").format(field=label, n=field.max_length)
        )
    return text


def coerce_value(field: Field, value: Any) -> Any:
    """One value as the store would hold it, or a ValidationError naming the field (also checks bundles)."""
    return _coerce_one(field, value)


class _LazyLabel:
    """A field's label, translated only when it is formatted into a message."""

    __slots__ = ("field",)

    def __init__(self, field: Field):
        self.field = field

    def __format__(self, spec: str) -> str:
        return format(str(self.field.label), spec)


def coerce(spec: TableSpec, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and convert `values` for `spec`; with partial=True only the given fields are checked."""
    unknown = set(values) - set(spec.field_names)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, _("There is no field called {field} in a {kind}.").format(kind=str(spec.label), field=name))
    names = values.keys() if partial else spec.field_names
    return {name: _coerce_one(spec.field(name), values.get(name)) for name in names}


def require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise ValidationError(field, message)
