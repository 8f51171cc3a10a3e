"""The one gettext catalog for GUI, PDFs and messages: _(), ngettext(), lazy N_() and the active locale."""

from __future__ import annotations

import gettext
import io
import logging
import math
import os
import re
import sys
from pathlib import Path

from fieldgroup.paths import install_dir

log = logging.getLogger(__name__)

DOMAIN = "fieldgroup"
SUPPORTED_LANGUAGES = ("en", "fr", "es", "pt", "id", "my")
PSEUDO = "pseudo"
PSEUDO_OPEN, PSEUDO_CLOSE = "[[", "]]"  # both fonts have these; ⟦⟧ would show as boxes in PDFs

_translation: gettext.NullTranslations = gettext.NullTranslations()
_locale = "en"
_pseudo = False
_translations_dir: Path | None = None


def translations_dir() -> Path:
    """Where the compiled catalogs live: `translations/` beside the package, unless a test moved it."""
    return _translations_dir if _translations_dir is not None else install_dir() / "translations"


def set_translations_dir(path: Path | None) -> None:
    """Read catalogs from `path` from now on (None: the installed ones); call set_locale() afterwards."""
    global _translations_dir
    _translations_dir = Path(path) if path is not None else None


def current_locale() -> str:
    """The active Babel locale identifier, e.g. 'fr_CD' ('en' under the pseudo-locale)."""
    return _locale


def is_pseudo() -> bool:
    """True when every translated string is stretched and bracketed to test layouts."""
    return _pseudo


def normalise_locale(value: str) -> str:
    """'fr-cd', 'fr_CD.UTF-8' → 'fr_CD'; 'pseudo' stays; raise ValueError naming the supported languages."""
    text = (value or "").strip().split(".")[0].split("@")[0].replace("-", "_")
    if text.lower() == PSEUDO:
        return PSEUDO
    # "C" and "POSIX" name no language (newer CLDR maps them to en_US_POSIX): refuse them ourselves.
    if text.upper() in ("C", "POSIX"):
        text = ""
    from babel import Locale, UnknownLocaleError

    parts = text.split("_")
    parts = [parts[0].lower()] + [p.title() if len(p) == 4 else p.upper() for p in parts[1:]]
    try:
        locale = Locale.parse("_".join(parts)) if parts[0] else None
    except (ValueError, TypeError, UnknownLocaleError):
        locale = None
    if locale is None or locale.language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            _("'{value}' is not a supported language; choose one of: {languages}.").format(
                value=value, languages=", ".join(SUPPORTED_LANGUAGES)
            )
        )
    return str(locale)


def _os_locale_names() -> list[str]:
    """The user's locale as the OS reports it, most specific first (environment, then Windows API)."""
    names = []
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        names += [v for v in value.split(":") if v]
    if sys.platform == "win32":  # Windows keeps it out of the environment
        try:
            import ctypes

            buffer = ctypes.create_unicode_buffer(85)
            if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, 85):
                names.append(buffer.value)
        except (AttributeError, OSError):
            pass
    if sys.platform == "darwin":  # apps started from the Finder get no LANG
        try:
            import subprocess

            result = subprocess.run(["defaults", "read", "-g", "AppleLocale"], capture_output=True, text=True, timeout=2)
            names.append(result.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    return names


def system_locale() -> str:
    """The OS locale (e.g. 'fr_CD') when its language is supported, otherwise 'en'."""
    for name in _os_locale_names():
        if name in ("C", "POSIX"):
            continue
        try:
            locale = normalise_locale(name)
        except ValueError:
            continue
        if locale != PSEUDO:
            return locale
    return "en"


def _load_catalog(locale: str) -> gettext.NullTranslations:
    """The compiled catalog for `locale` (or its language); the .po is compiled in memory when newer."""
    language = locale.split("_")[0]
    folder = translations_dir()
    for name in dict.fromkeys((locale, language)):
        base = folder / name / "LC_MESSAGES"
        mo, po = base / f"{DOMAIN}.mo", base / f"{DOMAIN}.po"
        # A developer who edited a .po (or a fresh clone before `make`) still sees the new text.
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            return _compile_in_memory(po)
        if mo.exists():
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
    raise FileNotFoundError(f"no catalog for {locale} in {folder}")


def _compile_in_memory(po: Path) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    log.info("Compiled %s in memory (its .mo is missing or older).", po)
    return gettext.GNUTranslations(buffer)


def set_locale(locale: str) -> None:
    """Switch to `locale` ('fr', 'es_CO', 'pseudo'); a missing or damaged catalog falls back to English."""
    global _translation, _locale, _pseudo
    requested = locale or "en"
    _pseudo = requested == PSEUDO or os.environ.get("FIELDGROUP_PSEUDO") == "1"
    _locale = "en" if requested == PSEUDO else requested
    _translation = gettext.NullTranslations()
    if _locale.split("_")[0] == "en":
        return
    try:
        _translation = _load_catalog(_locale)
    except Exception as exc:  # noqa: BLE001 - any damage to a catalog must never stop the app
        log.warning("No usable catalog for %s (%s: %s); using English.", _locale, type(exc).__name__, exc)


# Placeholders, markup, entities and mnemonics that the pseudo-locale must leave as they are.
_KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&\w+;|%\(\w+\)[sd]|%[sd]")
_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "áéíóúýÁÉÍÓÚÝçñÇÑ")


def pseudo(text: str) -> str:
    """'Save {n} files' → '[[Sávé {n} fíléš~~~~]]': about 40 % longer, placeholders untouched."""
    if not text:
        return text
    pieces, last = [], 0
    for match in _KEEP.finditer(text):
        pieces.append(text[last:match.start()].translate(_ACCENTS))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTS))
    padding = max(0, math.ceil(len(text) * 1.4) - len(text) - len(PSEUDO_OPEN) - len(PSEUDO_CLOSE))
    return PSEUDO_OPEN + "".join(pieces) + "~" * padding + PSEUDO_CLOSE


def _(message: str) -> str:
    """Translate `message` into the active language."""
    text = _translation.gettext(message)
    return pseudo(text) if _pseudo else text


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count, choosing the plural form of the active language."""
    text = _translation.ngettext(singular, plural, n)
    return pseudo(text) if _pseudo else text


def pgettext(context: str, message: str) -> str:
    """Translate `message` in `context` (used for short words with several meanings)."""
    text = _translation.pgettext(context, message)
    return pseudo(text) if _pseudo else text


def translate_or_none(context: str, message: str) -> str | None:
    """The catalog's translation of (context, message), or None when the catalog has none (for Qt)."""
    catalog = getattr(_translation, "_catalog", {})
    found = catalog.get(f"{context}\x04{message}")
    if found is None:
        return None
    return pseudo(found) if _pseudo else found


class LazyString(str):
    """A message marked at import time and translated each time it is turned into text.

    Use str(label) or f"{label}" before handing it to Qt or reportlab: they read the raw English.
    """

    def __new__(cls, message: str) -> LazyString:
        return super().__new__(cls, message)

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self).format(*args, **kwargs)

    def __add__(self, other: str) -> str:  # type: ignore[override]
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)


def N_(message: str) -> LazyString:
    """Mark a string defined at import time; it is translated when displayed with str()."""
    return LazyString(message)


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark a (context, message) pair for extraction without translating it (Qt's own strings)."""
    return context, message


# Each language's name for itself, as language menus show it (Babel says just "Indonesia").
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "pt": "Português",
                  "id": "Bahasa Indonesia", "my": "မြန်မာ", PSEUDO: "Pseudo"}


def language_name(language: str) -> str:
    """The language's own name for itself: 'Français', 'မြန်မာ' (for the Settings choice)."""
    return LANGUAGE_NAMES.get(language.split("_")[0] if language != PSEUDO else PSEUDO, language)
