"""The country list comes from CLDR (every country, named in the app's language) and filters as you type."""

from __future__ import annotations

from fieldgroup.i18n import set_locale
from fieldgroup.ui.widgets.country_combo import country_combo


def test_every_country_in_the_current_language_and_typing_finds_it(qtbot):
    set_locale("fr")
    try:
        combo = country_combo(None, "GH")
        qtbot.addWidget(combo)
        assert combo.count() > 200 and combo.currentText() == "Ghana"
        combo.completer().setCompletionPrefix("lombie")
        assert combo.completer().currentCompletion() == "Colombie"
        assert combo.itemData(combo.findText("Myanmar (Birmanie)")) == "MM"
    finally:
        set_locale("en")
