"""Reusable widgets: balance bars, field-error labels and other small painted pieces."""
