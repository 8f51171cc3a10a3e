"""What a dialog's text box means on save, so that mentions the box shows as names are kept as mentions."""

from __future__ import annotations

from typing import Any

from fieldgroup.ui.widgets.screen_text import shown


def kept(typed: str, stored: str | None) -> str:
    """A plain text box (no mention support) filled with `shown(stored)`: when its text is still that,
    the stored text, mentions and all; otherwise what was typed."""
    return (stored or "") if typed == shown(stored) else typed


def on_save(store: Any, loaded: str | None, typed: str, stored: str | None) -> str:
    """A mention box's text to save when the record may have changed since the dialog loaded it (a sync
    ran meanwhile and turned typed names into mentions): unchanged in the box, the stored text stays;
    edited, the edit is saved with protected names converted the same way, not written back plainly."""
    if (stored or "") == (loaded or "") or typed == (stored or ""):
        return typed
    from fieldgroup.core.mentions import Directory
    from fieldgroup.core.typed_names import reconciled

    found = reconciled(loaded, typed, stored, Directory.from_store(store))
    return typed if found is None else found
