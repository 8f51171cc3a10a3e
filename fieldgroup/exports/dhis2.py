"""Indicator values in DHIS2's formats: a dataValueSet (JSON) and ADX (XML), through the store's mapping table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from fieldgroup.core import periods
from fieldgroup.exports.common import (
    ExportError,
    ExportOptions,
    People,
    atomic_output,
    choose_group,
    number_text,
)
from fieldgroup.i18n import _

ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"


@dataclass(frozen=True, slots=True)
class MappedValue:
    """One actual value with the funder's codes it is reported under."""

    indicator_id: str
    period: str
    value: float
    comment: str
    data_element: str
    period_code: str
    org_unit: str
    category_option_combo: str | None


def dhis2_period(period: str) -> str:
    """DHIS2's period id: 2025-Q3 → 2025Q3, 2025 → 2025."""
    return period.replace("-", "")


def adx_period(period: str) -> str:
    """ADX's ISO 8601 period: 2025-Q3 → 2025-07-01/P3M, 2025 → 2025-01-01/P1Y."""
    start, _end = periods.bounds(period)
    return f"{start.isoformat()}/{'P3M' if '-Q' in period else 'P1Y'}"


def _actuals(store: Any, indicator: Any) -> list[tuple[str, float, str | None]]:
    if indicator.computed:
        return [(row.period, row.actual, None) for row in store.indicator_progress(indicator.id) if row.actual is not None]
    return [(v.period, v.value, v.note) for v in store.values.list(indicator_id=indicator.id)]


def mapped_values(store: Any, options: ExportOptions) -> tuple[list[MappedValue], list[Any]]:
    """(values with a funder code, indicators that have values but no code) of the group, in the year if given."""
    group = choose_group(store, options.group_id)
    profile = store.profiles.of_group(group.id)
    default_unit = (profile.dhis2_org_unit if profile else None) or ""
    people = People(store, options.include_protected)
    found, unmapped = [], []
    for indicator in store.indicators.list(group_id=group.id):
        rows = [r for r in _actuals(store, indicator) if options.year is None or periods.bounds(r[0])[0].year == options.year]
        mapped = False
        for period, value, note in rows:
            code = store.funder_codes.code_for(indicator.id, period)
            if code is None:
                continue
            mapped = True
            org_unit = code.org_unit or default_unit
            if not org_unit:
                raise ExportError(_("No DHIS2 organisation unit is set for this group; set it in the group's profile."))
            found.append(MappedValue(indicator.id, period, value, people.text(note), code.data_element,
                                     code.period_code or dhis2_period(period), org_unit, code.category_option_combo))
        if rows and not mapped:
            unmapped.append(indicator)
    return found, unmapped


def write_data_value_set(store: Any, out: Path | str, options: ExportOptions) -> int:
    """A DHIS2 dataValueSet JSON file; returns how many values it holds."""
    values, _unmapped = mapped_values(store, options)
    entries = []
    for v in values:
        entry = {"dataElement": v.data_element, "period": v.period_code, "orgUnit": v.org_unit,
                 "value": number_text(v.value)}
        if v.category_option_combo:
            entry["categoryOptionCombo"] = v.category_option_combo
        if v.comment:
            entry["comment"] = v.comment
        entries.append(entry)
    document = {"completeDate": store.today().isoformat(), "dataValues": entries}
    with atomic_output(out) as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return len(entries)


def write_adx(store: Any, out: Path | str, options: ExportOptions) -> int:
    """An ADX XML file: one group per organisation unit and period; returns how many values it holds."""
    values, _unmapped = mapped_values(store, options)
    root = etree.Element(f"{{{ADX_NAMESPACE}}}adx", nsmap={None: ADX_NAMESPACE})
    root.set("exported", datetime.now(UTC).replace(microsecond=0).isoformat())
    groups: dict[tuple[str, str], Any] = {}
    for v in values:
        key = (v.org_unit, v.period)
        if key not in groups:
            groups[key] = etree.SubElement(root, f"{{{ADX_NAMESPACE}}}group", orgUnit=v.org_unit,
                                           period=_adx_period_of(v), completeDate=_today(store))
        element = etree.SubElement(groups[key], f"{{{ADX_NAMESPACE}}}dataValue", dataElement=v.data_element,
                                   value=number_text(v.value))
        if v.comment:
            etree.SubElement(element, f"{{{ADX_NAMESPACE}}}annotation").text = v.comment
    with atomic_output(out, binary=True) as handle:
        handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return len(values)


def _adx_period_of(value: MappedValue) -> str:
    # A funder's own period code is used when it is already an ISO 8601 period ("2025-07-01/P1Y").
    return value.period_code if "/" in value.period_code else adx_period(value.period)


def _today(store: Any) -> str:
    day: date = store.today()
    return day.isoformat()
