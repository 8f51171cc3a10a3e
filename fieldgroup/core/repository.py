"""Generic create/read/update/delete of one record type, with field rules and stamped writes."""

from __future__ import annotations

import uuid
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from fieldgroup.core import rules, store_queries
from fieldgroup.core.entities import ENTITY_TYPES
from fieldgroup.core.errors import NotFoundError, ValidationError
from fieldgroup.core.schema import TABLES
from fieldgroup.i18n import _

if TYPE_CHECKING:
    from fieldgroup.core.api import Store

T = TypeVar("T")

# Namespace for the deterministic ids of pair records (uuid5 of the pair).
PAIR_NAMESPACE = uuid.UUID("8a0c5c9e-6f0e-4d56-9a43-2b1f0c8f7d11")


def pair_id(*parts: str) -> str:
    """The same id on every laptop for the same pair (this person at this meeting)."""
    return str(uuid.uuid5(PAIR_NAMESPACE, "/".join(parts)))


class Repository(Generic[T]):
    """Records of one table as plain objects; subclasses add the rules that span fields or records."""

    table: str = ""
    order_by: str | None = None

    def __init__(self, store: Store):
        self.store = store
        self.spec = TABLES[self.table]
        self.entity = ENTITY_TYPES[self.table]
        self._date_fields = {f.name for f in self.spec.fields if f.kind == "date"}
        self._bool_fields = {f.name for f in self.spec.fields if f.kind == "bool"}
        self._entity_fields = {f.name for f in dataclass_fields(self.entity)}
        self._columns = ("id", *self.spec.field_names)  # computed once: rows are read by the thousand

    # ---- reading ----

    def _entity_from(self, row: tuple) -> T:
        values = dict(zip(self._columns, row, strict=True))
        for name in self._date_fields:
            if values[name] is not None:
                values[name] = date.fromisoformat(values[name])
        for name in self._bool_fields:
            values[name] = bool(values[name])
        return self.entity(**{k: v for k, v in values.items() if k in self._entity_fields})

    def find(self, record_id: str) -> T | None:
        rows = store_queries.select_rows(self.store.conn, self.table, {"id": record_id})
        return self._entity_from(rows[0]) if rows else None

    def get(self, record_id: str) -> T:
        found = self.find(record_id)
        if found is None:
            raise NotFoundError(
                _("No {kind} with id {id}; it may have been deleted.").format(kind=str(self.spec.label), id=record_id)
            )
        return found

    def list(self, **filters: Any) -> list[T]:
        rows = store_queries.select_rows(self.store.conn, self.table, filters, self.order_by)
        return [self._entity_from(row) for row in rows]

    def count(self, **filters: Any) -> int:
        return store_queries.count_rows(self.store.conn, self.table, filters)

    # ---- writing ----

    def create(self, *, id: str | None = None, **values: Any) -> T:
        """Validate and insert a new record; `id` is made for you unless given (demo data, imports)."""
        clean = rules.coerce(self.spec, self._defaults(values))
        record_id = id or self._new_id(clean)
        with self.store.transaction():
            self._check_references(clean)
            self._check(clean, None)
            self.store.records.insert(self.table, record_id, clean)
        # The stored values are exactly `clean`: build the record from them instead of reading it back.
        return self._entity_from((record_id, *(clean[name] for name in self._columns[1:])))

    def update(self, record_id: str, **changes: Any) -> T:
        """Validate and save changed fields; unchanged values are not stamped again."""
        current = self.store.records.get_row(self.table, record_id)
        if current is None:
            self.get(record_id)  # raises the not-found sentence
        clean = rules.coerce(self.spec, changes, partial=True)
        merged = {name: current[name] for name in self.spec.field_names} | clean
        with self.store.transaction():
            self._check_references(clean)
            clean = self._adjust_update(merged, current, clean)
            self._check(merged | clean, current)
            self.store.records.update(self.table, record_id, clean)
        return self.get(record_id)

    def delete(self, record_id: str) -> None:
        """Delete a record, handling what points to it (see each type's `_before_delete`)."""
        self.get(record_id)
        with self.store.transaction():
            self._before_delete(record_id)
            self.store.records.delete(self.table, record_id)

    # ---- hooks for subclasses ----

    def _defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        return values

    def _new_id(self, clean: dict[str, Any]) -> str:
        if self.spec.pair:
            return pair_id(*(clean[name] for name in self.spec.pair))
        return str(uuid.uuid4())

    def _check(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        """Rules that span fields or records; `values` holds every field as it will be stored."""

    def _adjust_update(self, merged: dict[str, Any], current: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
        return clean

    def _before_delete(self, record_id: str) -> None:
        """Deal with records that point to this one (clear the link or delete them too)."""

    # ---- helpers ----

    def _check_references(self, values: dict[str, Any]) -> None:
        for field in self.spec.fields:
            target = values.get(field.name)
            if field.references and target is not None and not self.store.records.exists(field.references, target):
                raise ValidationError(
                    field.name,
                    _("{field} does not exist; choose one from the list.").format(field=str(field.label)),
                )

    def _clear_links(self, table: str, column: str, record_id: str) -> None:
        for other in store_queries.referencing_ids(self.store.conn, table, column, record_id):
            self.store.records.update(table, other, {column: None})

    def _delete_linked(self, table: str, column: str, record_id: str) -> None:
        for other in store_queries.referencing_ids(self.store.conn, table, column, record_id):
            self.store.records.delete(table, other)
