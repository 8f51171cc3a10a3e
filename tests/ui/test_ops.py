"""Background tasks: results come back on the GUI thread, errors as one sentence, tracebacks only in the log."""

from __future__ import annotations

import gc
import logging

import pytest

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.ui.ops import run_op, running_ops

# Outcomes are collected by callbacks that run_op connects before the work starts, so a task that
# finishes at once is never missed (a waitSignal entered after run_op returns could miss it).


def test_result_arrives_even_when_the_caller_drops_the_signals(qtbot):
    results = []
    run_op(None, "Counting", lambda progress: sum(range(10)), on_done=results.append, show_dialog=False)
    gc.collect()  # the task's signals must survive without the caller keeping them
    qtbot.waitUntil(lambda: results == [45])
    qtbot.waitUntil(lambda: running_ops() == 0)


def test_a_refusal_is_reported_as_its_sentence(qtbot):
    def work(progress):
        raise FieldGroupError("The stick is full; free some space and try again.")

    errors = []
    run_op(None, "Exporting", work, on_error=errors.append, show_dialog=False)
    qtbot.waitUntil(lambda: errors == ["The stick is full; free some space and try again."])


def test_a_crash_becomes_a_sentence_and_the_traceback_goes_to_the_log(qtbot, caplog):
    def work(progress):
        raise ZeroDivisionError("boom")

    errors = []
    with caplog.at_level(logging.ERROR):
        run_op(None, "Working", work, on_error=errors.append, show_dialog=False)
        qtbot.waitUntil(lambda: len(errors) == 1)
    assert "log file" in errors[0] and "ZeroDivisionError" not in errors[0]
    assert "ZeroDivisionError: boom" in caplog.text


def test_cancel_stops_the_task(qtbot):
    outcomes, results = [], []

    def work(progress):
        progress.cancelled = True  # as the Cancel button does
        progress.report(1, 10)
        outcomes.append("not stopped")

    run_op(None, "Working", work, on_done=results.append, show_dialog=False)
    qtbot.waitUntil(lambda: running_ops() == 0)
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

    run_op(parent, "Long work", work, on_done=results.append)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000)
    [dialog] = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
    if how == "cancel button":
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=5000)
    assert results == []


def test_a_read_op_reads_on_a_connection_that_cannot_write(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    from fieldgroup.ui.ops import QueryOp

    owner = QWidget()
    qtbot.addWidget(owner)
    names, errors = [], []
    QueryOp(owner, ctx.store).run(lambda s: [g.name for g in s.groups.list()], names.append)
    qtbot.waitUntil(lambda: names == [["Ghana ICWG"]])
    QueryOp(owner, ctx.store).run(lambda s: s.groups.create(name="Sneaked in"), print, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert [g.name for g in ctx.store.groups.list()] == ["Ghana ICWG"]


def test_only_the_newest_read_is_delivered(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    from fieldgroup.ui.ops import QueryOp

    owner = QWidget()
    qtbot.addWidget(owner)
    seen = []
    op = QueryOp(owner, ctx.store)
    op.run(lambda s: "old", seen.append)
    op.run(lambda s: "new", seen.append)
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert seen == ["new"]


def test_a_write_op_tells_the_pages_what_changed_and_the_gui_stamps_after_it(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    from fieldgroup.ui.ops import Changes, write_op

    owner = QWidget()
    qtbot.addWidget(owner)
    heard = []
    ctx.data_changed.connect(heard.append)

    def add(store):
        return Changes.of("groups", value=store.groups.create(name="Ashanti").id)

    write_op(owner, ctx, add)
    qtbot.waitUntil(lambda: heard == ["groups"])
    assert sorted(g.name for g in ctx.store.groups.list()) == ["Ashanti", "Ghana ICWG"]
    later = ctx.store.groups.create(name="Volta")  # the GUI's own next write still works and is newer
    assert ctx.store.groups.get(later.id).name == "Volta"
