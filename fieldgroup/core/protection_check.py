"""The protection check: every place where a protected (or erased) person's name is typed outside a mention, and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldgroup.core import erasure, mentions, store_protect
from fieldgroup.core.name_match import apply_spans
from fieldgroup.core.schema import TABLES


@dataclass(frozen=True, slots=True)
class Finding:
    """One field of one record that names a protected person in plain text."""

    table: str
    record_id: str
    field: str
    count: int
    person_ids: tuple[str, ...]

    @property
    def where(self) -> str:
        spec = TABLES[self.table]
        return f"{spec.label} {self.record_id} · {spec.field(self.field).label}"


def _own(table: str, record_id: str, person_ids: set[str]) -> bool:
    return table == "people" and record_id in person_ids  # a person's own e-mail is not a leak


def find(store: Any, directory: mentions.Directory | None = None) -> list[Finding]:
    """Every field in the store where a protected or erased person is named outside a mention."""
    directory = directory or mentions.Directory.from_store(store)
    found = []
    for table, names in erasure.free_text_fields().items():
        for row in store_protect.text_rows(store.conn, table, names):
            for name, value in zip(names, row[1:], strict=True):
                spans = [s for s in directory.find_names(value) if not _own(table, row[0], {s.person_id})]
                if spans:
                    found.append(Finding(table, row[0], name, len(spans), tuple(dict.fromkeys(s.person_id for s in spans))))
    return found


def fix(store: Any, findings: list[Finding] | None = None) -> int:
    """Turn every name found into a mention (an erased person's into the placeholder); returns fields changed."""
    directory = mentions.Directory.from_store(store)
    findings = find(store, directory) if findings is None else findings
    changed = 0
    with store.transaction():
        for finding in findings:
            value = store.records.get_row(finding.table, finding.record_id)[finding.field]
            spans = [s for s in directory.find_names(value) if not _own(finding.table, finding.record_id, {s.person_id})]
            new = apply_spans(value, spans, lambda s: mentions.erased_mention(directory.erased_pillars[s.person_id])
                              if s.person_id in directory.erased_pillars else mentions.mention(s.person_id))
            if new != value:
                store.records.update(finding.table, finding.record_id, {finding.field: new})
                changed += 1
    return changed
