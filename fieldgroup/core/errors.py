"""The exceptions the core raises: each carries one sentence a coordinator can act on."""

from __future__ import annotations


class FieldGroupError(Exception):
    """Base class: str(error) is one sentence that says what happened and what to do."""


class NotAStoreError(FieldGroupError):
    """The path is not a FieldGroup store (a folder, an empty or foreign file)."""


class NewerStoreError(FieldGroupError):
    """The store was written by a newer version of FieldGroup."""


class OlderStoreError(FieldGroupError):
    """A command that only looks met a store of an older schema: only the app may update it."""


class StoreBusyError(FieldGroupError):
    """Another FieldGroup window or process has the store open for writing."""


class NotFoundError(FieldGroupError):
    """A record that was asked for does not exist (or was deleted)."""


class ValidationError(FieldGroupError):
    """A value broke a domain rule; `field` names the field so an editor can show it beside it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class InUseError(FieldGroupError):
    """A record cannot be deleted because other records still point to it."""


class DiskFullError(FieldGroupError):
    """The disk (or the store's size limit) filled up during a write; the write was rolled back."""


class DamagedStoreError(NotAStoreError):
    """A FieldGroup store that fails its integrity check on open: left untouched, a backup is offered."""


class ReadOnlyStoreError(FieldGroupError):
    """The store or its folder cannot be written (read-only folder, locked-down drive, write-protected stick)."""
