"""Where FieldGroup keeps its files on this computer (user data and log folders)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "FieldGroup"
STORE_SUFFIX = ".fgstore"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    return data_dir() / f"fieldgroup{STORE_SUFFIX}"
