"""The few colours the app paints with: one per pillar and one per status (always paired with text)."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Colour-blind-safe (Okabe-Ito) hues; every use also shows the pillar or status in words.
PILLAR_COLORS = {
    "company": QColor("#0072B2"),
    "government": QColor("#E69F00"),
    "civil_society": QColor("#009E73"),
    "observer": QColor("#999999"),
}

STATUS_COLORS = {
    "balanced": QColor("#009E73"),
    "imbalanced": QColor("#E69F00"),
    "missing_pillar": QColor("#D55E00"),
    "met": QColor("#009E73"),
    "on_track": QColor("#56B4E9"),
    "behind": QColor("#D55E00"),
    "no_data": QColor("#999999"),
}
