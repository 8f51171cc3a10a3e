"""The bundle format-version rule: older bundles are read (upgraded step by step), newer ones refused.

- A bundle says its `format` in the manifest. This release writes `bundle.FORMAT_VERSION`.
- A laptop refuses a bundle whose format is newer than it knows, with one sentence: update FieldGroup
  (`bundle.read_manifest` does it before anything else is read).
- A laptop reads every older format: `UPGRADES[n]` turns a format-n payload into format n + 1, and
  the steps run in order up to this release's format. Append a step whenever the payload changes
  shape; never edit a released one (like the store's migrations).
- Within a format, a table's rows are read by the `fields` list the bundle carries, so a bundle from
  a release whose tables had fewer fields still merges: a field it does not know arrives as empty
  with the row's creation stamp, which never beats a value this laptop stamped later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import _
from fieldgroup.sync import bundle
from fieldgroup.sync.bundle import BundleError

# Index n - 1 upgrades a format-n payload to format n + 1. Format 1 is the first released one.
UPGRADES: list[Callable[[dict[str, Any]], dict[str, Any]]] = []


def _format_1_to_2(payload: dict[str, Any]) -> dict[str, Any]:
    """Format 2 (issue 17) only adds tables and fields: a format-1 payload is read as it is (its missing
    tables are empty, its shorter field lists are widened below)."""
    return payload


UPGRADES.append(_format_1_to_2)


def _damaged() -> BundleError:
    return BundleError(_("This bundle is damaged inside; ask for a new one."))


def readable_payload(payload: dict[str, Any], bundle_format: int) -> dict[str, Any]:
    """The payload in this release's shape; BundleError for a format this release cannot read."""
    current = bundle.FORMAT_VERSION
    if not isinstance(bundle_format, int) or bundle_format < 1:
        raise _damaged()
    if bundle_format > current:
        raise BundleError(_("This bundle was made by a newer version of FieldGroup; update FieldGroup on this laptop first."))
    for step in UPGRADES[bundle_format - 1 : current - 1]:
        payload = step(payload)
    return _with_current_fields(payload)


def _with_current_fields(payload: dict[str, Any]) -> dict[str, Any]:
    """Rows carried with an older (shorter) field list, widened to this release's fields."""
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        return payload  # the merge refuses it with the damaged sentence
    for name, section in tables.items():
        if name not in TABLES or not isinstance(section, dict) or not isinstance(section.get("fields"), list):
            continue
        fields, current = section["fields"], list(TABLES[name].field_names)
        if fields == current:
            continue
        if not set(fields) < set(current) or not isinstance(section.get("rows"), list):
            raise _damaged()  # a field this release does not know cannot come from an older one
        positions = {f: i for i, f in enumerate(fields, start=1)}
        section["rows"] = [_widen(row, positions, current) for row in section["rows"]]
        section["fields"] = current
    return payload


def _widen(row: Any, positions: dict[str, int], current: list[str]) -> list:
    if not isinstance(row, list) or len(row) != len(positions) + 3:
        raise _damaged()
    return [row[0], *(row[positions[f]] if f in positions else None for f in current), row[-2], row[-1]]
