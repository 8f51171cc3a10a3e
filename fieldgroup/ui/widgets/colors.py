"""The few colours the app paints with: one per pillar and one per status (always paired with text)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from fieldgroup.core.choices import BALANCE_STATUS, PILLAR, PROGRESS_STATUS

# Colour-blind-safe (Okabe-Ito) hues; every use also shows the pillar or status in words.
# The hues themselves are defined once, in core/choices.py.
PILLAR_COLORS = {c.value: QColor(c.colour) for c in PILLAR}

STATUS_COLORS = {c.value: QColor(c.colour) for choices in (BALANCE_STATUS, PROGRESS_STATUS) for c in choices}
