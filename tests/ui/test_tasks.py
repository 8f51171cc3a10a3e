"""Background tasks: results come back on the GUI thread, errors as one sentence, tracebacks only in the log."""

from __future__ import annotations

import gc
import logging

import pytest

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.ui.tasks import run_task, running_tasks

# Outcomes are collected by callbacks that run_task connects before the work starts, so a task that
# finishes at once is never missed (a waitSignal entered after run_task returns could miss it).


def test_result_arrives_even_when_the_caller_drops_the_signals(qtbot):
    results = []
    run_task(None, "Counting", lambda progress: sum(range(10)), on_done=results.append, show_dialog=False)
    gc.collect()  # the task's signals must survive without the caller keeping them
    qtbot.waitUntil(lambda: results == [45])
    qtbot.waitUntil(lambda: running_tasks() == 0)


def test_a_refusal_is_reported_as_its_sentence(qtbot):
    def work(progress):
        raise FieldGroupError("The stick is full; free some space and try again.")

    errors = []
    run_task(None, "Exporting", work, on_error=errors.append, show_dialog=False)
    qtbot.waitUntil(lambda: errors == ["The stick is full; free some space and try again."])


def test_a_crash_becomes_a_sentence_and_the_traceback_goes_to_the_log(qtbot, caplog):
    def work(progress):
        raise ZeroDivisionError("boom")

    errors = []
    with caplog.at_level(logging.ERROR):
        run_task(None, "Working", work, on_error=errors.append, show_dialog=False)
        qtbot.waitUntil(lambda: len(errors) == 1)
    assert "log file" in errors[0] and "ZeroDivisionError" not in errors[0]
    assert "ZeroDivisionError: boom" in caplog.text


def test_cancel_stops_the_task(qtbot):
    outcomes, results = [], []

    def work(progress):
        progress.cancelled = True  # as the Cancel button does
        progress.report(1, 10)
        outcomes.append("not stopped")

    run_task(None, "Working", work, on_done=results.append, show_dialog=False)
    qtbot.waitUntil(lambda: running_tasks() == 0)
    assert outcomes == [] and results == []


@pytest.mark.parametrize("how", ["cancel button", "escape key"])
def test_cancelling_the_progress_dialog_stops_the_work(qtbot, how):
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    tick = threading.Event()
    results = []

    def work(progress):
        for step in range(100_000):
            progress.report(step, 100_000, "Working…")  # raises Cancelled once the user cancels
            tick.wait(0.002)  # stands for real work between two progress reports
        return "finished"

    run_task(parent, "Long work", work, on_done=results.append)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000)
    [dialog] = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
    if how == "cancel button":
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)
    assert results == []
