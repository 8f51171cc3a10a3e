"""Background tasks: results come back on the GUI thread, errors as one sentence, tracebacks only in the log."""

from __future__ import annotations

import gc
import logging

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.ui.tasks import run_task, running_tasks


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
    signals = run_task(None, "Exporting", work, on_error=errors.append, show_dialog=False)
    with qtbot.waitSignal(signals.failed):
        pass
    assert errors == ["The stick is full; free some space and try again."]


def test_a_crash_becomes_a_sentence_and_the_traceback_goes_to_the_log(qtbot, caplog):
    def work(progress):
        raise ZeroDivisionError("boom")

    errors = []
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(
        run_task(None, "Working", work, on_error=errors.append, show_dialog=False).failed
    ):
        pass
    assert len(errors) == 1 and "log file" in errors[0] and "ZeroDivisionError" not in errors[0]
    assert "ZeroDivisionError: boom" in caplog.text


def test_cancel_stops_the_task(qtbot):
    outcomes = []

    def work(progress):
        progress.cancelled = True  # as the Cancel button does
        progress.report(1, 10)
        outcomes.append("not stopped")

    signals = run_task(None, "Working", work, show_dialog=False)
    with qtbot.waitSignal(signals.cancelled):
        pass
    assert outcomes == []
