"""Erasing a protected person also takes their name out of the free text that mentions it."""

from __future__ import annotations

import re
from typing import Any

from fieldgroup.core import store_queries
from fieldgroup.core.choices import protected_placeholder

# Free text a coordinator types, where a protected person's name may appear.
FREE_TEXT = {
    "meetings": ("title", "place", "region", "agenda", "minutes", "decisions"),
    "action_items": ("title", "description"),
    "indicator_values": ("note",),
    "people": ("notes",),
}
_GAP = r"[\s\-\u2010-\u2014\u00a0\u202f]+"  # "Marie-Claire" / "Marie Claire"
_APOSTROPHE = r"['\u2019\u2018\u02bc\u00b4`]"


def name_pattern(name: str) -> re.Pattern[str] | None:
    """The whole name, whatever its case, spacing, hyphens or apostrophes; never inside a longer word."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2014]+", name.strip()) if w]
    if not words:
        return None
    escaped = [re.sub(r"\\?['\u2019\u2018\u02bc\u00b4`]", lambda _m: _APOSTROPHE, re.escape(w)) for w in words]
    return re.compile(r"(?<!\w)" + _GAP.join(escaped) + r"(?!\w)", re.IGNORECASE)


def redact_everywhere(store: Any, name: str, pillar: str | None, skip_person: str) -> int:
    """Replace `name` in every free-text field with the placeholder; each change is stamped and syncs."""
    pattern = name_pattern(name)
    if pattern is None:
        return 0
    placeholder = protected_placeholder(pillar)
    changed = 0
    for table, columns in FREE_TEXT.items():
        for row in store_queries.text_columns(store.conn, table, columns):
            if table == "people" and row[0] == skip_person:
                continue
            updates = {column: pattern.sub(placeholder, value) for column, value in zip(columns, row[1:], strict=True)
                       if value and pattern.search(value)}
            if updates:
                store.records.update(table, row[0], updates)
                changed += 1
    return changed
