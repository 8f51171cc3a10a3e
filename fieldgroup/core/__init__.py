"""Domain: entities, rules, balance and indicator maths, and the store."""

from fieldgroup.core.api import Store, create_store, encrypt_store, is_encrypted_store, open_store
from fieldgroup.core.errors import (
    FieldGroupError,
    InUseError,
    NewerStoreError,
    NotAStoreError,
    NotFoundError,
    ValidationError,
)
from fieldgroup.core.store_lock import refuse_if_open_here

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
