import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextBrowser

from tests.protect.tokens_everywhere import tokened_store, raw_in
from tests.ui.page_harness import settle


def walk(model, parent=QModelIndex()):
    from PySide6.QtCore import QAbstractListModel, QAbstractTableModel
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))
    try:
        cols = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    except TypeError:
        cols = 1
    for r in range(model.rowCount(parent)):
        for c in range(max(1, cols)):
            i = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = model.data(i, role)
                if isinstance(v, str):
                    yield v
            if c == 0 and not flat and model.rowCount(i) > 0:
                yield from walk(model, i)

def shown(widget):
    out = []
    for m in widget.findChildren(QAbstractItemModel):
        out += [(type(m).__name__, t) for t in walk(m)]
    for l in widget.findChildren(QLabel):
        if l.isVisibleTo(widget):
            out.append(("QLabel:" + l.objectName(), l.text()))
    for b in widget.findChildren(QTextBrowser):
        out.append(("browser", b.toPlainText()))
    return [(k, t) for k, t in out if "@{" in t]

def test_probe(qtbot, tmp_path):
    from fieldgroup.ui.main_window import MainWindow, PAGES
    store, person = tokened_store(tmp_path / "s.fgstore")
    win = MainWindow(store)
    qtbot.addWidget(win); win.show()
    found = {}
    for spec in PAGES:
        page = win.show_page(spec.key); settle(qtbot)
        hits = shown(page)
        for view in page.findChildren(QAbstractItemView):
            m = view.model()
            if m is not None and m.rowCount() and view.isVisibleTo(page):
                view.setCurrentIndex(m.index(0, 0)); settle(qtbot)
                hits += shown(page)
        found[spec.key] = sorted({(k, t[:80]) for k, t in hits})
    for k, v in found.items():
        print("==", k)
        for x in v: print("  ", x)
    assert False
