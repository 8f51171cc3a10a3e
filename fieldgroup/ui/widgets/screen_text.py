"""Free text shown in lists (titles, places, agenda items): mentions as names, and in presentation
mode every protected name masked, typed plainly or not. The window's one directory of people (lists and
the meeting editor's text boxes share it), read again in the background when they change."""

from __future__ import annotations

import logging
from typing import Any

from fieldgroup.core import mentions
from fieldgroup.core.mentions import Directory
from fieldgroup.ui.widgets import presentation

_CACHE_LIMIT = 20000
log = logging.getLogger(__name__)


class ScreenText:
    """`shown(text)` for list cells; cheap for the text most cells hold (no token, presentation off)."""

    def __init__(self) -> None:
        self._store: Any = None
        self._directory: Directory | None = None
        self._cache: dict[tuple[bool, str], str] = {}
        self._generation = 0  # moves on each time people change: a directory read before is stale
        presentation.state().changed.connect(lambda _on: self._cache.clear())

    def use(self, store: Any) -> None:
        if store is not self._store:
            self._store = store
            self.invalidate()

    def invalidate(self) -> None:
        """People, their organisations or their protection changed: read them again, render again."""
        self._directory = None
        self._generation += 1
        self._cache.clear()

    def people_changed(self) -> None:
        """Forget the directory and read it again in the background, so the list or meeting that needs
        it next does not wait for it on the GUI thread (15-40 ms on the stress store)."""
        from fieldgroup.ui.ops import run_op, with_own_store

        self.invalidate()
        if self._store is None:
            return
        store, generation = self._store, self._generation

        def arrived(directory: Directory) -> None:
            if generation == self._generation and self._directory is None and store is self._store:
                self._directory = directory

        run_op(None, "", lambda _p: with_own_store(store, Directory.from_store, read_only=True), arrived,
               on_error=lambda message: log.info("Directory not read ahead: %s", message), show_dialog=False)

    def directory(self) -> Directory:
        """Everyone a mention may name (3,000 people on a big store: 15-30 ms to read), kept until people change."""
        if self._directory is None:
            self._directory = Directory.from_store(self._store)
        return self._directory

    def shown(self, text: str | None) -> str:
        if not text:
            return text or ""
        on = presentation.state().on
        if (not on and "@{" not in text) or self._store is None:
            return text
        key = (on, text)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = self.directory().render(text, mentions.PRESENTATION if on else mentions.SCREEN)
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

