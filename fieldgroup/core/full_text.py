"""Full-text search over the store, for the window and the command line (SQL in store_search.py)."""

from fieldgroup.core.store_search import HIT_END, HIT_START, Hit, search

__all__ = ["HIT_END", "HIT_START", "Hit", "search"]
