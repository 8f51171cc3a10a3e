"""The one table-model base: a list of plain objects, with declared columns (Vorta style) or fixed headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain object behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (dates, numbers)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text shown for a row and, optionally, a sort key and tooltip."""

    header: Callable[[], str]
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None
    align_right: bool = False


class ObjectTableModel(QAbstractTableModel, Generic[T]):
    """Rows are plain objects; `set_rows()` replaces them all (cheap: the view re-reads lazily).

    Either pass `columns`, or (a subclass that writes its own data()) set `headers` to lazy N_() labels."""

    headers: ClassVar[Sequence[Any]] = ()

    def __init__(self, columns: Sequence[Column[T]] | None = None, parent: Any = None,
                 extra_search: Callable[[T], str] | None = None):
        super().__init__(parent)
        if columns is None:
            columns = [Column(lambda h=h: str(h), lambda _row: "") for h in self.headers]
        self.columns = list(columns)
        self.rows: list[T] = []
        self.extra_search = extra_search
        self._search: list[str] | None = None
        # Views ask for the same cell many times (painting, sorting, sizing); Babel-formatted
        # dates and numbers are slow enough to matter with thousands of rows, so each is made once.
        self._cache: dict[tuple[int, int, int], Any] = {}
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None  # the last sort(), kept by set_rows()

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row; they come back in the order the view's header shows (the last sort)."""
        rows = list(rows)
        if self.sorted_by is not None and 0 <= self.sorted_by[0] < len(self.columns):
            column, order = self.sorted_by
            rows.sort(key=self.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self.rows = rows
        self._search = None
        self._cache.clear()
        self.endResetModel()

    def sort_key(self, column: int) -> Callable[[T], Any]:
        """What rows sort by in `column`: its sort key, else its text, ignoring case."""
        spec = self.columns[column]
        if spec.sort_key is not None:
            return spec.sort_key
        return lambda item: spec.text(item).casefold()

    def row_text(self, item: T) -> str:
        """Everything a search matches in one row (models with their own data() override this)."""
        return " ".join([*(c.text(item) for c in self.columns), self.extra_search(item) if self.extra_search else ""])

    def search_text(self, row: int) -> str:
        """Lower-cased text of every column (and the extras) of `row`, built once per set_rows()."""
        if self._search is None:
            self._search = [self.row_text(item).casefold() for item in self.rows]
        return self._search[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python by the column's sort key: far quicker than a proxy asking Qt
        for every comparison, which matters with 100,000 rows."""
        if not 0 <= column < len(self.columns):
            return
        self.sorted_by = (column, order)
        key = self.sort_key(column)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_rows = [index.row() for index in persistent]
        tagged = sorted(enumerate(self.rows), key=lambda pair: key(pair[1]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        new_row_of = {old: new for new, (old, _item) in enumerate(tagged)}
        self.rows = [item for _old, item in tagged]
        self._search = None
        self._cache.clear()
        self.changePersistentIndexList(
            persistent, [self.index(new_row_of[row], index.column()) for row, index in zip(old_rows, persistent, strict=True)])
        self.layoutChanged.emit()

    def refresh_column(self, column: int) -> None:
        """Tell the views that one column of every row changed (rows themselves stay in place)."""
        self._search = None
        self._cache.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    @property
    def _rows(self) -> list[T]:
        return self.rows

    def row_at(self, row: int) -> T:
        return self.rows[row]

    def row_of(self, row_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if self.row_id(r) == row_id), None)

    @staticmethod
    def row_id(row: Any) -> str:
        """The id `row_of()` looks for; rows wrapping an entity override this."""
        return row.id

    def replace_row(self, row: int, item: T) -> None:
        """One row changed in place (no reset: selection and scrolling stay)."""
        self.rows[row] = item
        self._search = None
        self._cache.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def row_object(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def find_row(self, predicate: Callable[[T], bool]) -> int:
        for number, item in enumerate(self.rows):
            if predicate(item):
                return number
        return -1

    # ---- QAbstractTableModel ----

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if row < 0 or row >= len(self.rows) or col < 0:
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        key = (row, col, role)
        if key in self._cache:
            return self._cache[key]
        value = self._value(self.rows[row], self.columns[col], role)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            self._cache[key] = value
        return value

    @staticmethod
    def _value(item: T, column: Column[T], role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return column.sort_key(item) if column.sort_key else column.text(item)
        if role == ROW_ROLE:
            return item
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        return None
