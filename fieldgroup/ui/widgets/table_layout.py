"""Tables that show what matters: the main text column stretches, the others fit their content,
widths the user drags are remembered, and a cut-off cell shows its whole text as a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from fieldgroup.ui import settings

SAMPLE_ROWS = 60  # columns are sized from the rows on screen and around them, never all 100,000


class ElidedTooltipDelegate(QStyledItemDelegate):
    """Shows the full text of a cell that does not fit (when the model gives no tooltip of its own)."""

    def helpEvent(self, event: QEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and text:
                needed = option.fontMetrics.horizontalAdvance(text) + 12
                if needed > view.visualRect(index).width():
                    QToolTip.showText(event.globalPos(), text, view)
                    return True
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


def lay_out_table(view: QTableView, key: str, stretch: int) -> None:
    """Column `stretch` takes the room left; the others size to their content (from a sample of rows)
    until the user drags one, after which the widths the user chose are kept across sessions."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    if not isinstance(view.itemDelegate(), ElidedTooltipDelegate):
        view.setItemDelegate(ElidedTooltipDelegate(view))
    view.setProperty("layout_key", key)
    saved = settings.value(f"tables/{key}")
    if saved is not None and header.restoreState(saved):
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.setProperty("user_sized", True)
    save = QTimer(view, singleShot=True, interval=500)
    save.timeout.connect(lambda: settings.set_value(f"tables/{key}", header.saveState()))

    def user_resized(column: int, *_sizes: object) -> None:
        # The stretching column is resized by the header itself whenever the others or the view change.
        if view.property("fitting") or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            return
        view.setProperty("user_sized", True)
        save.start()

    header.sectionResized.connect(user_resized)
    view.viewport().installEventFilter(_RefitOnResize(view))
    header.sortIndicatorChanged.connect(lambda *_a: save.start())


MAIN_SHARE = 0.38  # the stretching (main text) column keeps at least this share of the width


def fit_columns(view: QTableView) -> None:
    """Size every column but the stretching one to its content, unless the user has sized them; when
    they would crush the main column, they give up width in proportion (their text is then cut, with
    the whole text as a tooltip)."""
    if view.property("user_sized"):
        return
    header = view.horizontalHeader()
    others = [c for c in range(header.count())
              if header.sectionResizeMode(c) != QHeaderView.ResizeMode.Stretch and not view.isColumnHidden(c)]
    view.setProperty("fitting", True)
    try:
        rows = sample_rows(view)
        wanted = {c: content_width(view, c, rows) for c in others}
        for column, width in wanted.items():
            header.resizeSection(column, width)
        available = view.viewport().width()
        # A column never gets narrower than its heading (or its content, when that is narrower):
        # short columns (yes/no, a pillar) keep their words; long ones give up the width.
        # A column the table names "whole" (the meetings' date and time) keeps all of its width: "13 juin 2…"
        # read as no date at all, and two meetings on one day only differ by their time.
        whole = set(view.property("whole_columns") or [])
        floor = {c: wanted[c] if c in whole else
                 min(wanted[c], max(header.sectionSizeFromContents(c).width(), header.minimumSectionSize()))
                 for c in others}
        room = available * (1 - _main_share(view, rows, available)) - sum(floor.values())
        spare = sum(wanted[c] - floor[c] for c in others)
        if available > 200 and spare > max(room, 0):
            share = max(room, 0) / spare
            for column in others:
                header.resizeSection(column, floor[column] + int((wanted[column] - floor[column]) * share))
    finally:
        view.setProperty("fitting", False)


def _main_share(view: QTableView, rows: list[int], available: int) -> float:
    """MAIN_SHARE; for a table whose main text is short and must be read whole (names in an attendance
    list: property "main_content"), the share its widest sampled text needs, up to MAIN_MOST."""
    stretch = [c for c in range(view.horizontalHeader().count())
               if view.horizontalHeader().sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
    if not view.property("main_content") or not stretch or available <= 0:
        return MAIN_SHARE
    return max(MAIN_SHARE, min(content_width(view, stretch[0], rows) / available, MAIN_MOST))


MAIN_MOST = 0.6


def sample_rows(view: QTableView) -> list[int]:
    """The rows on screen and the first few: what the user sees decides the widths (Qt's own
    resizeColumnToContents asked the delegate for ~60 rows per column: ~15 ms each, measured)."""
    count = view.model().rowCount() if view.model() is not None else 0
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    last = min(count - 1, (last if last >= 0 else first + 40))
    return sorted(set(range(min(count, 20))) | set(range(first, min(last + 1, first + SAMPLE_ROWS))))


def content_width(view: QTableView, column: int, rows: list[int]) -> int:
    """Width for `column`: its widest sampled text (plus an icon when it has one) and its heading, and
    any text the table says the column must fit whatever rows are sampled (property "fit_texts_<column>")."""
    model, metrics = view.model(), view.fontMetrics()
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = view.iconSize().width() if view.iconSize().isValid() else style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    widest = 0
    for row in rows:
        index = model.index(row, column)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = metrics.horizontalAdvance(str(text)) if text else 0
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width += icon + margin  # Qt pads the icon as it pads the text
        widest = max(widest, width)
    for text in view.property(f"fit_texts_{column}") or ():
        widest = max(widest, metrics.horizontalAdvance(text))
    header = view.horizontalHeader()
    # + 1 for the grid line a cell gives up, + 2 for the fraction of a pixel Qt's eliding rounds up: at + 1,
    # "28 mars 2025" (82 px) read "28 mars 20…" in its 89 px column, Noto Sans 10 pt.
    return max(widest + margin + 3, header.sectionSizeFromContents(column).width(), header.minimumSectionSize())


class _RefitOnResize(QObject):
    """Fit again when the table's width changes, once per burst of resizes (showing a page sends several)."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.timer = QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(lambda: fit_columns(view))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and not self.timer.isActive():
            self.timer.start()
        return False


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore and keep the position of a splitter the user drags."""
    saved = settings.value(f"splitters/{key}")
    if saved is not None:
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_a: settings.set_value(f"splitters/{key}", splitter.saveState()))
