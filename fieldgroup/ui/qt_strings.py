"""Qt's own strings (standard buttons, edit and spin-box menus, wizards) marked for our catalog, for languages Qt lacks."""

from __future__ import annotations

from fieldgroup.i18n import NP_

# Never called at run time: extraction reads these, and the catalog translator in qt_i18n answers
# Qt's lookups (context, source text) with them for id, my and pt, which ship no qtbase_*.qm.
# TRANSLATORS: Qt's standard buttons and menus. "&" marks the keyboard shortcut letter: keep one "&"
# before a letter of your translation (for Burmese, add it in brackets at the end, e.g. "ဟုတ်ကဲ့ (&Y)").
QT_STRINGS = (
    NP_("QPlatformTheme", "OK"),
    NP_("QPlatformTheme", "Save"),
    NP_("QPlatformTheme", "Save All"),
    NP_("QPlatformTheme", "Open"),
    NP_("QPlatformTheme", "&Yes"),
    NP_("QPlatformTheme", "Yes to &All"),
    NP_("QPlatformTheme", "&No"),
    NP_("QPlatformTheme", "N&o to All"),
    NP_("QPlatformTheme", "Abort"),
    NP_("QPlatformTheme", "Retry"),
    NP_("QPlatformTheme", "Ignore"),
    NP_("QPlatformTheme", "Close"),
    NP_("QPlatformTheme", "Cancel"),
    NP_("QPlatformTheme", "Discard"),
    NP_("QPlatformTheme", "Help"),
    NP_("QPlatformTheme", "Apply"),
    NP_("QPlatformTheme", "Reset"),
    NP_("QPlatformTheme", "Restore Defaults"),
    # Linux desktops with the GNOME theme ask with these texts instead.
    NP_("QGnomeTheme", "&OK"),
    NP_("QGnomeTheme", "&Save"),
    NP_("QGnomeTheme", "&Cancel"),
    NP_("QGnomeTheme", "&Close"),
    NP_("QGnomeTheme", "Close without Saving"),
    NP_("QMessageBox", "Show Details..."),
    NP_("QMessageBox", "Hide Details..."),
    NP_("QProgressDialog", "Cancel"),
    NP_("QLineEdit", "&Undo"),
    NP_("QLineEdit", "&Redo"),
    NP_("QLineEdit", "Cu&t"),
    NP_("QLineEdit", "&Copy"),
    NP_("QLineEdit", "&Paste"),
    NP_("QLineEdit", "Delete"),
    NP_("QLineEdit", "Select All"),
    NP_("QWidgetTextControl", "&Undo"),
    NP_("QWidgetTextControl", "&Redo"),
    NP_("QWidgetTextControl", "Cu&t"),
    NP_("QWidgetTextControl", "&Copy"),
    NP_("QWidgetTextControl", "&Paste"),
    NP_("QWidgetTextControl", "Delete"),
    NP_("QWidgetTextControl", "Select All"),
    NP_("QAbstractSpinBox", "&Select All"),
    NP_("QAbstractSpinBox", "&Step up"),
    NP_("QAbstractSpinBox", "Step &down"),
    NP_("QWizard", "< &Back"),
    NP_("QWizard", "&Next >"),
    NP_("QWizard", "&Finish"),
    NP_("QWizard", "Cancel"),
    NP_("QWizard", "Commit"),
)
