"""Every country from CLDR (through Babel), named in the current language, filtered as you type."""

from __future__ import annotations

from babel import Locale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from fieldgroup.i18n import _, current_locale

# CLDR also names regions that are not countries (continents "001", "EU", "QO" outlying Oceania…).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def countries(locale: str | None = None) -> list[tuple[str, str]]:
    """(ISO code, name) of every country CLDR knows, sorted by name in `locale`."""
    names = Locale.parse(locale or current_locale()).territories
    chosen = [(code, name) for code, name in names.items()
              if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES]
    return sorted(chosen, key=lambda pair: pair[1].casefold())


def country_combo(parent: QWidget | None = None, code: str = "") -> QComboBox:
    """An editable drop-down: type "gha" or "ဂါနာ" and pick; the data of each item is its ISO code."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(combo.completer().CompletionMode.PopupCompletion)
    combo.addItem(_("(not set)"), "")
    for iso, name in countries():
        combo.addItem(name, iso)
    combo.setCurrentIndex(max(combo.findData(code), 0))
    return combo
