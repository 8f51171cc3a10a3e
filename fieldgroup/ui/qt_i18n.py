"""Qt's side of the language choice: qtbase translations, a catalog fallback, layout direction and fonts."""

from __future__ import annotations

import logging

from babel import Locale
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from fieldgroup import i18n
from fieldgroup.paths import fonts_dir
from fieldgroup.ui.qt_strings import QT_STRINGS

log = logging.getLogger(__name__)

FONT_FAMILIES = {"my": "Padauk"}  # by language; every other language uses DEFAULT_FAMILY
DEFAULT_FAMILY = "Noto Sans"
FONT_POINT_SIZE = 10
_MARKED = frozenset(QT_STRINGS)
_registered: list[str] = []


class CatalogTranslator(QTranslator):
    """Answers Qt's own lookups (context, source text) from our gettext catalog, Qt's context as msgctxt.

    Used for languages for which Qt ships no qtbase_*.qm (Indonesian, Burmese, European Portuguese)
    and under the pseudo-locale. Returning None lets Qt fall back to its English text.
    """

    def __init__(self, locale: str, parent: QCoreApplication | None = None):
        super().__init__(parent)
        self._rtl = _is_rtl(locale)

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context == "QGuiApplication" and source == "QT_LAYOUT_DIRECTION":
            return "RTL" if self._rtl else "LTR"
        found = i18n.translate_or_none(context, source)
        if found is None and i18n.is_pseudo() and (context, source) in _MARKED:
            return i18n.pseudo(source)
        return found

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _is_rtl(locale: str) -> bool:
    try:
        return Locale.parse(locale).text_direction == "rtl"
    except (ValueError, TypeError):
        return False


def layout_direction(locale: str) -> Qt.LayoutDirection:
    """Right-to-left for Arabic, Hebrew, ...: decided by CLDR, so a new language needs no code change."""
    return Qt.LayoutDirection.RightToLeft if _is_rtl(locale) else Qt.LayoutDirection.LeftToRight


def _wants_catalog(locale: str) -> bool:
    """Portuguese other than Brazil gets our pt_PT-style catalog, not Qt's Brazilian qtbase_pt_BR."""
    parts = locale.split("_")
    return parts[0] == "pt" and "BR" not in parts[1:]


def install_qt_translations(app: QCoreApplication, locale: str) -> list[QTranslator]:
    """Translate Qt's own dialogs and buttons for `locale`, set QLocale's default and the layout direction.

    Call after i18n.set_locale(locale). Returns the installed translators (kept alive on `app`).
    """
    for old in getattr(app, "_fieldgroup_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    babel_locale = i18n.current_locale()
    QLocale.setDefault(QLocale(babel_locale))  # date pickers, spin boxes, calendar month names
    if not babel_locale.startswith("en") or i18n.is_pseudo():
        qtbase = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not i18n.is_pseudo() and not _wants_catalog(babel_locale) and qtbase.load(
            QLocale(babel_locale), "qtbase", "_", folder
        ):
            installed.append(qtbase)
        else:
            log.info("No qtbase translation for %s; Qt's strings come from the FieldGroup catalog.", babel_locale)
            installed.append(CatalogTranslator(babel_locale, app))
    for translator in installed:
        app.installTranslator(translator)
    app._fieldgroup_translators = installed  # a translator garbage-collected by Python would crash Qt
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(layout_direction(babel_locale))
    return installed


def register_fonts(locale: str | None = None) -> list[str]:
    """Load every bundled TTF into Qt and give the application the font of `locale` (default: active one).

    Returns the families Qt now knows from the bundle, e.g. ['Noto Sans', 'Padauk'].
    """
    if not _registered:
        for path in sorted(fonts_dir().glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("Qt could not load the font %s.", path)
                continue
            _registered.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in _registered)
    app = QGuiApplication.instance()
    if app is not None:
        app.setFont(font_for_locale(locale or i18n.current_locale()))
    return list(_registered)


def font_for_locale(locale: str, point_size: int = FONT_POINT_SIZE) -> QFont:
    """The body font for `locale`, with the other bundled script's font as fallback for mixed text."""
    primary = FONT_FAMILIES.get(locale.split("_")[0], DEFAULT_FAMILY)
    fallback = [f for f in (DEFAULT_FAMILY, *FONT_FAMILIES.values()) if f != primary]
    font = QFont()
    font.setFamilies([primary, *fallback])  # a Burmese name in a French table still shows in Padauk
    font.setPointSize(point_size)
    return font
