"""Dialogs of the desktop app, one per file."""
