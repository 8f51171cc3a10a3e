"""Presentation mode (for minutes projected on a wall): one switch that every screen showing names listens to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class PresentationState(QObject):
    """On: every protected name on screen shows as "Protected participant (pillar)"."""

    changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.on = False

    def set(self, on: bool) -> None:
        if on != self.on:
            self.on = on
            self.changed.emit(on)


_STATE: PresentationState | None = None


def state() -> PresentationState:
    global _STATE
    if _STATE is None:
        _STATE = PresentationState()
    return _STATE
