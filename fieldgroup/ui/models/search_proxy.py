"""A sort/filter proxy that matches every word typed against a row's search text (any order, any case)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from fieldgroup.ui.models.table_model import SORT_ROLE, ObjectTableModel


class SearchProxy(QSortFilterProxyModel):
    """Rows whose text (all columns, plus the model's `search_text` extras) holds every typed word."""

    def __init__(self, source: ObjectTableModel, parent: object = None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model (in Python, once); the proxy only filters."""
        self.sourceModel().sort(column, order)

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        haystack = self.sourceModel().search_text(source_row)
        return all(word in haystack for word in self.words)
