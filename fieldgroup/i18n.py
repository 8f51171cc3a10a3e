"""The one gettext catalog for GUI, PDFs and messages: _(), ngettext(), lazy N_() and the active locale."""

from __future__ import annotations

import gettext
import logging

from fieldgroup.paths import install_dir

log = logging.getLogger(__name__)

DOMAIN = "fieldgroup"
SUPPORTED_LANGUAGES = ("en", "fr", "es", "pt", "id", "my")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_locale = "en"


def current_locale() -> str:
    """The active Babel locale identifier, e.g. 'fr_CD'."""
    return _locale


def set_locale(locale: str) -> None:
    """Switch the catalog to `locale` ('fr', 'es_CO', ...); missing or damaged catalogs fall back to English."""
    global _translation, _locale
    _locale = locale or "en"
    language = _locale.split("_")[0]
    if language == "en":
        _translation = gettext.NullTranslations()
        return
    try:
        _translation = gettext.translation(DOMAIN, install_dir() / "translations", languages=[language])
    except (OSError, ValueError, UnicodeDecodeError) as exc:  # missing or damaged .mo
        log.warning("No usable catalog for %s (%s); using English.", language, exc)
        _translation = gettext.NullTranslations()


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count, choosing the plural form of the active language."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate `message` in `context` (used for short words with several meanings)."""
    return _translation.pgettext(context, message)


class LazyString(str):
    """A message marked at import time and translated each time it is turned into text."""

    def __new__(cls, message: str) -> LazyString:
        return super().__new__(cls, message)

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def N_(message: str) -> LazyString:
    """Mark a string defined at import time; it is translated when displayed with str()."""
    return LazyString(message)
