"""Baseline child for start-up and memory: a bare PySide6 window with a table view, nothing else."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from bench.first_paint import FirstPaint, exit_now


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare")
    model = QStandardItemModel(40, 4)  # a screenful of cells, so the table has something to paint
    for row in range(40):
        for column in range(4):
            model.setItem(row, column, QStandardItem(f"r{row} c{column}"))
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1200, 700)
    window.show()
    watcher = FirstPaint(app)
    app.exec()
    del watcher
    exit_now()


if __name__ == "__main__":
    main()
