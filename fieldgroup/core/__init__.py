"""Domain: entities, rules, balance and indicator maths, and the store.

The store API (`Store`, `open_store`, …) is imported on first use, not with the package: importing any
submodule (`fieldgroup.core.keys`, say) runs this file, and the API's import (every repository and
entity; ~75 ms) would make the app's start wait for it before it can begin deriving a store key."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from fieldgroup.core.errors import (
    FieldGroupError,
    InUseError,
    NewerStoreError,
    NotAStoreError,
    NotFoundError,
    ValidationError,
)

if TYPE_CHECKING:
    from fieldgroup.core.api import Store, create_store, encrypt_store, open_store
    from fieldgroup.core.store_db import is_encrypted_store
    from fieldgroup.core.store_lock import refuse_if_open_here

# Public name -> the submodule that defines it (imported when the name is first asked for).
_LAZY = {
    "Store": "api",
    "create_store": "api",
    "encrypt_store": "api",
    "open_store": "api",
    "is_encrypted_store": "store_db",
    "refuse_if_open_here": "store_lock",
}

__all__ = [
    "FieldGroupError",
    "InUseError",
    "NewerStoreError",
    "NotAStoreError",
    "NotFoundError",
    "Store",
    "ValidationError",
    "create_store",
    "encrypt_store",
    "is_encrypted_store",
    "open_store",
    "refuse_if_open_here",
]


def __getattr__(name: str) -> Any:
    """PEP 562: `from fieldgroup.core import open_store` imports the API here, once."""
    module = _LAZY.get(name)
    if module is None:  # a submodule not imported yet: `from fieldgroup.core import x` then imports it
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
