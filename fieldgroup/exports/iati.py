"""The group's results framework as an IATI 2.03 activity: result / indicator / baseline / period (target, actual)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from fieldgroup.core import periods
from fieldgroup.core.results_framework import framework
from fieldgroup.exports.common import (
    ExportError,
    ExportOptions,
    People,
    atomic_output,
    choose_group,
    number_text,
)
from fieldgroup.i18n import _, current_locale

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# IATI codelists: ResultType (1 output, 2 outcome), IndicatorMeasure (1 unit, 2 percentage, 3 nominal).
RESULT_TYPE = {"output": "1", "outcome": "2"}
MEASURE = {"number": "1", "percent": "2", "yes_no": "3"}
# ActivityStatus 2 = implementation; ActivityDateType 1 = planned start, 2 = actual start, 3 = planned end.
IMPLEMENTATION = "2"


def _narrative(parent: Any, tag: str, text: str) -> Any:
    element = etree.SubElement(parent, tag)
    etree.SubElement(element, "narrative").text = text
    return element


def write_iati(store: Any, out: Path | str, options: ExportOptions) -> int:
    """An IATI activities file for the group; returns how many indicators it reports."""
    group = choose_group(store, options.group_id)
    tree = framework(store, group.id)
    profile = tree.profile
    if profile is None or not profile.reporting_org_ref:
        raise ExportError(_("The group has no IATI reporting organisation identifier; set it in the group's profile."))
    people = People(store, options.include_protected)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    root = etree.Element("iati-activities", version="2.03")
    root.set("generated-datetime", now)
    activity = etree.SubElement(root, "iati-activity")
    activity.set("last-updated-datetime", now)
    # The language the group writes in (its texts are not translated), else the one chosen for the export.
    activity.set(XML_LANG, (group.language or current_locale()).replace("-", "_").split("_")[0].lower())
    if profile.currency:
        activity.set("default-currency", profile.currency)
    etree.SubElement(activity, "iati-identifier").text = f"{profile.reporting_org_ref}-{group.id[:8]}"
    reporting = _narrative(activity, "reporting-org", people.text(profile.reporting_org_name) or group.name)
    reporting.set("ref", profile.reporting_org_ref)
    reporting.set("type", profile.reporting_org_type or "90")
    _narrative(activity, "title", group.name)
    _narrative(activity, "description", people.text(profile.mission or profile.vision or group.name))
    participating = _narrative(activity, "participating-org", people.text(profile.reporting_org_name) or group.name)
    participating.set("ref", profile.reporting_org_ref)
    participating.set("role", "4")  # implementing
    etree.SubElement(activity, "activity-status", code=IMPLEMENTATION)
    start = min((n.objective.start_date for n in tree.objectives if n.objective.start_date), default=store.today())
    etree.SubElement(activity, "activity-date", type="2", **{"iso-date": start.isoformat()})
    if group.country and len(group.country) == 2:
        etree.SubElement(activity, "recipient-country", code=group.country.upper(), percentage="100")
    count = 0
    for node in tree.objectives:
        for result_node in node.results:
            count += _result(store, activity, result_node, people, options)
    with atomic_output(out, binary=True) as handle:
        handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def _result(store: Any, parent: Any, node: Any, people: People, options: ExportOptions) -> int:
    """One <result> with its indicators; a result no indicator measures is left out (IATI needs one)."""
    if not node.indicators:
        return 0
    result = etree.SubElement(parent, "result", type=RESULT_TYPE[node.result.result_type])
    result.set("aggregation-status", "0")
    _narrative(result, "title", people.text(node.result.title))
    if node.result.description:
        _narrative(result, "description", people.text(node.result.description))
    for indicator in node.indicators:
        _indicator(store, result, indicator, people, options)
    return len(node.indicators)


def _indicator(store: Any, parent: Any, indicator: Any, people: People, options: ExportOptions) -> None:
    element = etree.SubElement(parent, "indicator", measure=MEASURE[indicator.unit])
    element.set("ascending", "1" if indicator.direction == "increase" else "0")
    _narrative(element, "title", people.text(indicator.name))
    if indicator.description:
        _narrative(element, "description", people.text(indicator.description))
    if indicator.baseline_value is not None:
        day = indicator.baseline_date or store.today()
        etree.SubElement(element, "baseline", year=str(day.year), value=number_text(indicator.baseline_value),
                         **{"iso-date": day.isoformat()})
    notes = {v.period: v.note for v in store.values.list(indicator_id=indicator.id)}
    for row in store.indicator_progress(indicator.id):
        start, end = periods.bounds(row.period)
        if options.year is not None and start.year != options.year:
            continue
        period = etree.SubElement(element, "period")
        etree.SubElement(period, "period-start", **{"iso-date": start.isoformat()})
        etree.SubElement(period, "period-end", **{"iso-date": end.isoformat()})
        if row.target is not None:
            etree.SubElement(period, "target", value=number_text(row.target))
        if row.actual is not None:
            actual = etree.SubElement(period, "actual", value=number_text(row.actual))
            if notes.get(row.period):
                _narrative(actual, "comment", people.text(notes[row.period]))
