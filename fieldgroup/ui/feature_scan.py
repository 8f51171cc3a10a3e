"""Spares the start PySide6's source scan of every module imported after it (~20 ms of each start).

Once PySide6 is loaded it wraps `import`: the first time any module name is imported afterwards
(`import typing` in a module of ours counts, though typing is long loaded), it reads that module's
whole source (inspect.getsource) to learn whether it uses PySide's opt-in `from __feature__ import …`
switches, and notes the answer in `shibokensupport.feature.pyside_feature_dict` (0: "featureless
PySide user", -1: "no PySide"); it never asks again for a name already there. FieldGroup uses no
such switch and nothing it loads does (tests/ui/test_start_imports.py checks ours), so every name
is entered as 0 before PySide would scan it: what the scan concludes for modules that use PySide,
and for the others the same Qt behaviour (the default, featureless attribute set, the only one in
use). A module that did write `from __feature__ import …` would still set its own entry then. If
PySide's internals change, this does nothing and PySide scans as before."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import PySide6.QtCore  # noqa: F401 — installs PySide's import wrapper first, so that the entries below come first

FEATURELESS = 0


def _table() -> dict | None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


class _EnterBeforeImport:
    """A meta-path finder that finds nothing: it only enters each new module's name first."""

    def __init__(self, table: dict):
        self.table = table

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        self.table.setdefault(name, FEATURELESS)
        return None  # the usual finders import it

    def invalidate_caches(self) -> None:
        pass


def skip_feature_scan() -> bool:
    """Enter every module loaded so far, and every one imported from now on; False when not possible."""
    table = _table()
    if table is None:
        return False
    for name in list(sys.modules):
        table.setdefault(name, FEATURELESS)
    if not any(isinstance(finder, _EnterBeforeImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _EnterBeforeImport(table))
    return True
