"""A long session does not keep what background ops leave behind (issue 16): each op's own store is freed as
soon as the op is done, and cycles frozen by ui/collector.py are swept once they have piled up."""

from __future__ import annotations

import gc
import weakref

from fieldgroup.ui import collector, ops


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_background_read_frees_its_own_store_when_it_is_done(qtbot, store, group, monkeypatch):
    opened: list[weakref.ref] = []
    real = ops.own_store

    def recording(gui_store, *, read_only):
        made = real(gui_store, read_only=read_only)
        opened.append(weakref.ref(made))
        return made

    monkeypatch.setattr(ops, "own_store", recording)
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    got = []
    ops.QueryOp(owner, store).run(lambda s: [g.name for g in s.groups.list()], got.append)
    qtbot.waitUntil(lambda: bool(got) and ops.running_ops() == 0)
    assert got == [[group.name]]
    assert opened and opened[0]() is None  # gone without a collection: nothing left for gc.freeze to keep


def test_cycles_frozen_after_ops_are_swept_once_they_pile_up(qtbot, monkeypatch):
    monkeypatch.setattr(collector, "SWEEP_FLOOR", 0)
    monkeypatch.setattr(collector, "SWEEP_DELAY_MS", 0)
    monkeypatch.setattr(collector, "_baseline", 0)
    before = collector.sweeps
    garbage = _Cycle()
    assert garbage.me is garbage
    gone = weakref.ref(garbage)
    del garbage  # only the cycle holds it now
    was_enabled = gc.isenabled()
    gc.enable()
    collector.pause()  # an op runs...
    collector.resume()  # ...and reports back: everything alive is frozen, the cycle too
    assert gone() is not None
    qtbot.waitUntil(lambda: collector.sweeps > before)
    assert gone() is None and gc.isenabled()
    if not was_enabled:
        gc.disable()
