"""The Qt binding in use must not lose references when it calls our slots (PySide6 6.12.0 did, and aborted)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QPushButton


def test_clicking_a_button_many_times_leaves_none_and_bools_alone(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: None)
    button.clicked.connect(lambda: True)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        button.click()
    after = sys.getrefcount(None), sys.getrefcount(True)
    # On Python 3.11 these singletons are reference counted; a binding that drops one reference per
    # slot call makes them reach zero after enough clicks, and the app aborts.
    assert after[0] >= before[0] - 20 and after[1] >= before[1] - 20
