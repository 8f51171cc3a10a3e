"""Where FieldGroup keeps its files on this computer (user data and log folders)."""

from __future__ import annotations

import sys
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


def install_dir() -> Path:
    """The folder holding `resources/` and `translations/`: the repository, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_dir() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
