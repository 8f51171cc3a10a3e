"""Qt item models: small table models wrapping lists of plain objects (Vorta style)."""
