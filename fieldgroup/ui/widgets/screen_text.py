"""Free text shown in lists (titles, places, agenda items): mentions as names, and in presentation
mode every protected name masked, typed plainly or not. One directory of people, rebuilt when they change."""

from __future__ import annotations

from typing import Any

from fieldgroup.core import mentions
from fieldgroup.core.mentions import Directory
from fieldgroup.ui.widgets import presentation

_CACHE_LIMIT = 20000


class ScreenText:
    """`shown(text)` for list cells; cheap for the text most cells hold (no token, presentation off)."""

    def __init__(self) -> None:
        self._store: Any = None
        self._directory: Directory | None = None
        self._cache: dict[tuple[bool, str], str] = {}
        presentation.state().changed.connect(lambda _on: self.invalidate())

    def use(self, store: Any) -> None:
        if store is not self._store:
            self._store = store
            self.invalidate()

    def invalidate(self) -> None:
        """People, their protection or the mode changed: render again."""
        self._directory = None
        self._cache.clear()

    def shown(self, text: str | None) -> str:
        if not text:
            return text or ""
        on = presentation.state().on
        if (not on and "@{" not in text) or self._store is None:
            return text
        key = (on, text)
        found = self._cache.get(key)
        if found is None:
            if self._directory is None:
                self._directory = Directory.from_store(self._store)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = self._directory.render(text, mentions.PRESENTATION if on else mentions.SCREEN)
        return found


_STATE: ScreenText | None = None


def screen() -> ScreenText:
    global _STATE
    if _STATE is None:
        _STATE = ScreenText()
    return _STATE


def shown(text: str | None) -> str:
    """`text` as a list shows it now."""
    return screen().shown(text)

