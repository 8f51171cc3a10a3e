"""Pages hidden behind another one only mark themselves stale, and reload when they are shown again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ReloadWhenShown:
    """Mixin for a page (a QWidget): `when_shown(reload)` runs `reload` now if the page is on screen,
    else remembers that the page is stale; showing it runs `refresh()` once. A change in the tracker
    then never makes the hidden Indicators page recompute everything on the GUI thread."""

    _stale = False

    def when_shown(self, reload: Callable[[], Any]) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            reload()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
