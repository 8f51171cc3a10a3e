"""The draft journal for editors: what is typed and not saved yet, kept in the store (SQL in store_drafts.py)."""

from fieldgroup.core.store_drafts import Draft, discard_draft, list_drafts, save_draft

__all__ = ["Draft", "discard_draft", "list_drafts", "save_draft"]
