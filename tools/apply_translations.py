"""Fill the .po files from translations/pending/*.json, then delete those files (run after `make extract`).

Branches add their new messages' translations as JSON instead of editing the .po files, so that two
branches never conflict in a catalog. Format, one file per branch:

    {"Save the minutes": {"fr": "…", "es": "…", "pt": "…", "id": "…", "my": "…"},
     "{n} item": {"fr": ["{n} élément", "{n} éléments"], …},          # plural: every form, in order
     "context\\u0004Cancel": {...}}                                   # pgettext: context, U+0004, msgid

An entry fills a message that is empty or fuzzy; a reviewed translation is never overwritten.
Usage: python tools/apply_translations.py [--keep]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_check import LANGUAGES, _serialise, _write_if_changed, po_path, read_catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PENDING = ROOT / "translations" / "pending"


def pending_entries() -> dict[tuple[str | None, str], dict]:
    entries: dict[tuple[str | None, str], dict] = {}
    for path in sorted(PENDING.glob("*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            context, _, msgid = key.rpartition("\u0004")
            entries[(context or None, msgid)] = value
    return entries


def apply(entries: dict, language: str) -> list[str]:
    """Fill one language's catalog; returns the msgids that were pending but are not in the catalog."""
    path = po_path(ROOT / "translations", language)
    catalog = read_catalog(path)
    unknown = []
    for (context, msgid), translations in entries.items():
        message = catalog.get(msgid, context=context)
        if message is None or language not in translations:
            unknown.append(msgid)
            continue
        filled = any(message.string) if isinstance(message.string, tuple) else bool(message.string)
        if filled and not message.fuzzy:
            continue
        text = translations[language]
        message.string = tuple(text) if isinstance(message.id, tuple) else (text if isinstance(text, str) else text[0])
        message.flags.discard("fuzzy")
    _write_if_changed(path, _serialise(catalog))
    return unknown


def main() -> int:
    entries = pending_entries()
    for language in LANGUAGES:
        unknown = apply(entries, language)
        if unknown:
            print(f"{language}: {len(unknown)} pending messages not in the catalog (run `make extract` first?)")
    if "--keep" not in sys.argv:
        for path in PENDING.glob("*.json"):
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
