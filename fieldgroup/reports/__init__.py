"""PDF documents built with reportlab from the public API."""
