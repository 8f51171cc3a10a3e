"""Per-user settings kept by Qt (window state, language, paper size, default group)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from fieldgroup import private_files

ORGANISATION = "FieldGroup"
APPLICATION = "FieldGroup"

LANGUAGE = "language"
PAPER_SIZE = "paper_size"
DEFAULT_GROUP = "default_group"
LAST_STORE = "last_store"
GEOMETRY = "window/geometry"
LAST_PAGE = "window/last_page"
SPLITTER = "meetings/splitter"


def settings() -> QSettings:
    """The user's settings, under the organisation and application names set on the QApplication.

    Tests give the application another organisation name and a temporary settings path, so they
    never read or write the real user's settings."""
    return QSettings()


def value(key: str, default: Any = None) -> Any:
    result = settings().value(key, default)
    return default if result is None else result


def set_value(key: str, data: Any) -> None:
    store = settings()
    store.setValue(key, data)
    store.sync()
    private_files.restrict(store.fileName())  # 0600: it names the store and the group's language
