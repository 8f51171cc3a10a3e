"""Python's cycle collector kept from freezing the window while background ops build 100,000-row results.

Measured on the stress store (bench/README.md): a background read that builds the tracker's rows
makes millions of objects, so CPython's full collection ran several times per read, each 0.2-0.5 s
with the interpreter lock held: the GUI thread stood still for all of it. So, while any op runs the
automatic collector waits (reference counting still frees almost everything at once), and when the
last one has reported back, everything alive is moved out of the collector's sight (`gc.freeze`):
the rows a page now shows are never walked again, and a later full collection only sees what is new.
Frozen objects are still freed by reference counting; only garbage caught in a reference cycle at
that moment stays (rare here, and bounded by what a session builds)."""

from __future__ import annotations

import gc

_paused = 0
_we_disabled = False


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


def paused() -> bool:
    return _paused > 0
