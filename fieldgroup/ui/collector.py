"""Python's cycle collector kept from freezing the window while background ops build 100,000-row results.

Measured on the stress store (bench/README.md): a background read that builds the tracker's rows
makes millions of objects, so CPython's full collection ran several times per read, each 0.2-0.5 s
with the interpreter lock held: the GUI thread stood still for all of it. So, while any op runs the
automatic collector waits (reference counting still frees almost everything at once), and when the
last one has reported back, everything alive is moved out of the collector's sight (`gc.freeze`):
the rows a page now shows are never walked again, and a later full collection only sees what is new.

Frozen objects are still freed by reference counting; garbage caught in a reference cycle at that
moment is not, and stays frozen. Each op's own store was such a cycle (fixed in ops._let_go): a long
session grew without end (bench/long_session.py). As a safety net for cycles still to come, once the
frozen objects have doubled since the last sweep, everything is unfrozen and collected once, two
seconds after the last op reported back (0.1-0.4 s on the stress store, so it stays rare: amortised,
the garbage never exceeds what is alive)."""

from __future__ import annotations

import gc

SWEEP_FACTOR = 2  # sweep when the frozen objects have grown this many times since the last sweep
SWEEP_FLOOR = 300_000  # never for less (a session with every page built freezes ~130,000)
SWEEP_DELAY_MS = 2000

_paused = 0
_we_disabled = False
_baseline = 0  # frozen objects right after the last sweep
_sweep_due = False
sweeps = 0  # how many sweeps ran (bench/long_session.py reports it)


def pause() -> None:
    """An op starts (GUI thread): no automatic collection until every op has finished."""
    global _paused, _we_disabled
    if _paused == 0 and gc.isenabled():
        gc.disable()
        _we_disabled = True
    _paused += 1


def resume() -> None:
    """An op has reported back (GUI thread, after its result was installed)."""
    global _paused, _we_disabled
    _paused = max(0, _paused - 1)
    if _paused == 0 and _we_disabled:
        _we_disabled = False
        gc.freeze()  # no collect() first: with everything an op made still young, it would walk them all
        gc.enable()
        _sweep_if_grown()


def paused() -> bool:
    return _paused > 0


def _sweep_if_grown() -> None:
    global _sweep_due
    if _sweep_due or gc.get_freeze_count() <= max(SWEEP_FLOOR, SWEEP_FACTOR * _baseline):
        return
    from PySide6.QtCore import QTimer

    _sweep_due = True
    QTimer.singleShot(SWEEP_DELAY_MS, sweep)


def sweep() -> None:
    """Unfreeze, collect every generation, freeze again: frees the cycles frozen since the last sweep.
    Skipped while an op runs (its end asks again)."""
    global _sweep_due, _baseline, sweeps
    _sweep_due = False
    if _paused:
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _baseline = gc.get_freeze_count()
    sweeps += 1
