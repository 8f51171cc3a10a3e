"""A small table-model base over a list of plain row objects with fixed, translated column headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class RowListModel(QAbstractTableModel, Generic[T]):
    """Subclasses set `headers` (lazy N_() labels, translated when asked) and write their own data()."""

    headers: ClassVar[Sequence[Any]] = ()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, row_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == row_id), None)

    @staticmethod
    def row_id(row: Any) -> str:
        """The id `row_of()` looks for; rows wrapping an entity override this."""
        return row.id

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(self.headers[section])
        return None
