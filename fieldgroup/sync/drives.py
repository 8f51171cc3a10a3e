"""Find removable drives (USB sticks) to offer first when choosing where to sync."""

from __future__ import annotations

import os
import string
import sys
from pathlib import Path


def removable_drives() -> list[Path]:
    """Mounted removable drives, best guess per platform; an empty list when none are found."""
    if sys.platform.startswith("win"):
        return _windows_drives()
    if sys.platform == "darwin":
        return _children(Path("/Volumes"), skip={"Macintosh HD"})
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    found: list[Path] = []
    for base in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")):
        found += [p for p in _children(base) if p not in found and p.is_mount()]
    return found


def _children(folder: Path, skip: set[str] | None = None) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in (skip or set()))
    except OSError:
        return []


def _windows_drives() -> list[Path]:
    import ctypes

    removable = 2  # DRIVE_REMOVABLE
    drives = []
    for letter in string.ascii_uppercase:
        root = f"{letter}:\\"
        if ctypes.windll.kernel32.GetDriveTypeW(root) == removable:
            drives.append(Path(root))
    return drives
