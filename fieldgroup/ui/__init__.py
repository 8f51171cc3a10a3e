"""The PySide6 desktop application: windows, pages, dialogs and item models."""
