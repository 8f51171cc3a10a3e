"""Extract messages and gate the catalogs: `--update` rewrites the .pot and .po files, no option checks them.

    python tools/i18n_check.py            # exit 1 and list every problem in the five catalogs
    python tools/i18n_check.py --update   # re-extract translations/fieldgroup.pot and merge it into each .po
"""

from __future__ import annotations

import argparse
import io
import re
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "fieldgroup"
LANGUAGES = ("fr", "es", "pt", "id", "my")
# gettext/CLDR conventions; Babel's own table wrongly gives id and my two forms.
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "id": "nplurals=1; plural=0;",
    "my": "nplurals=1; plural=0;",
}
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
LINE_WIDTH = 100
COUNT = "{n}"  # the house name of the count in ngettext messages


def extract(root: Path = ROOT, mapping_file: Path | None = None) -> Catalog:
    """The message template as re-extraction would write it, built in memory."""
    with open(mapping_file or root / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="FieldGroup", msgid_bugs_address="", copyright_holder="FieldGroup contributors",
                       fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _key(message: Message) -> tuple[object, str | None]:
    return message.id, message.context


def message_keys(catalog: Catalog) -> set[tuple[object, str | None]]:
    """(msgid or (singular, plural), context) of every current message: the message *set*."""
    return {_key(m) for m in catalog if m.id}


def placeholders(text: str) -> set[str]:
    """'{n}', '{seconds:.1f}' ... in a str.format message; raises ValueError on unbalanced braces."""
    found = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found.add("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return found


def _label(message: Message) -> str:
    text = message.id[0] if isinstance(message.id, tuple) else message.id
    short = text if len(text) <= 60 else text[:57] + "..."
    return f"{message.context}|{short!r}" if message.context else repr(short)


def _placeholder_problems(message: Message, plural_expr: str) -> list[str]:
    """Each translated form keeps its English form's placeholders (form 0 ↔ singular, others ↔ plural).

    The one exception: where form 0 is used for n == 1 only (plural=(n != 1)), it may say "one"
    instead of "{n}". In French (n > 1) form 0 also serves 0, so there it must keep "{n}".
    """
    if isinstance(message.id, tuple):
        singular, plural = (placeholders(t) for t in message.id)
        forms = list(message.string)
        allowed = singular | plural
        required = [singular if i < len(forms) - 1 else plural for i in range(len(forms))]
        if len(forms) > 1 and re.sub(r"[\s()]", "", plural_expr) == "n!=1":
            required[0] = required[0] - {COUNT}
    else:
        forms, allowed = [message.string], placeholders(message.id)
        required = [allowed]
    problems = []
    for index, form in enumerate(forms):
        if not form:
            continue
        try:
            got = placeholders(form)
        except ValueError:
            problems.append(f"unbalanced braces in form {index}")
            continue
        if not required[index] <= got <= allowed:
            problems.append(f"placeholders {sorted(got)} in form {index}, expected {sorted(required[index])}")
    return problems


def check_catalog(catalog: Catalog, language: str, expected: set | None = None) -> list[str]:
    """Every problem of one language's catalog, one line each."""
    problems = []
    header = f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr};"
    if re.sub(r"\s", "", header) != re.sub(r"\s", "", PLURAL_FORMS.get(language, header)):
        problems.append(f"Plural-Forms is '{header}', expected '{PLURAL_FORMS[language]}'")
    for message in catalog:
        if not message.id:
            continue
        label = _label(message)
        if message.fuzzy:
            problems.append(f"fuzzy: {label}")
        if isinstance(message.id, tuple):
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            if len(forms) != catalog.num_plurals:
                problems.append(f"{len(forms)} plural forms instead of {catalog.num_plurals}: {label}")
            if not all(forms):
                problems.append(f"untranslated (plural form missing): {label}")
        elif not message.string:
            problems.append(f"untranslated: {label}")
        problems += [f"{p}: {label}" for p in _placeholder_problems(message, catalog.plural_expr)]
    for message in catalog.obsolete.values():
        problems.append(f"obsolete (delete it or run `make extract`): {_label(message)}")
    if expected is not None:
        have = message_keys(catalog)
        for key in sorted(expected - have, key=str):
            problems.append(f"missing (run `make extract`): {key[0]!r}")
        for key in sorted(have - expected, key=str):
            problems.append(f"no longer in the source (run `make extract`): {key[0]!r}")
    return problems


def po_path(translations: Path, language: str) -> Path:
    return translations / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=False)


def check_all(translations: Path, template: Catalog, languages: Iterable[str] = LANGUAGES) -> list[str]:
    """All problems of the .pot and every language's .po against a freshly extracted template."""
    expected = message_keys(template)
    problems = []
    pot = translations / f"{DOMAIN}.pot"
    if not pot.exists():
        problems.append(f"{pot}: missing (run `make extract`)")
    elif message_keys(read_catalog(pot)) != expected:
        problems.append(f"{pot}: out of date with the source (run `make extract`)")
    for language in languages:
        path = po_path(translations, language)
        if not path.exists():
            problems.append(f"{path}: missing (run `make extract`)")
            continue
        problems += [f"{path.relative_to(translations)}: {p}" for p in check_catalog(read_catalog(path), language, expected)]
    return problems


def _serialise(catalog: Catalog, **options: object) -> bytes:
    buffer = io.BytesIO()
    # File names without line numbers: moving code must not rewrite every catalog (and conflict in merges).
    write_po(buffer, catalog, width=LINE_WIDTH, include_lineno=False, **options)
    return buffer.getvalue()


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write unless only the creation date would change, so `make extract` leaves clean files alone."""
    strip = re.compile(rb'"POT-Creation-Date: [^"]*"\n')
    if path.exists() and strip.sub(b"", path.read_bytes()) == strip.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def update(translations: Path, template: Catalog, languages: Iterable[str] = LANGUAGES,
           drop_obsolete: bool = False) -> list[Path]:
    """Write the .pot and merge it into each .po (new ones created); returns the files that changed."""
    changed = []
    if _write_if_changed(translations / f"{DOMAIN}.pot", _serialise(template)):
        changed.append(translations / f"{DOMAIN}.pot")
    for language in languages:
        path = po_path(translations, language)
        if path.exists():
            catalog = read_catalog(path)
        else:
            catalog = Catalog(locale=language, project="FieldGroup", copyright_holder="FieldGroup contributors",
                              fuzzy=False)
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[language])]
        catalog.update(template, update_creation_date=False)
        for key, message in list(catalog.obsolete.items()):  # nothing worth keeping for reuse
            if not any(message.string if isinstance(message.string, tuple) else (message.string,)):
                del catalog.obsolete[key]
        if _write_if_changed(path, _serialise(catalog, ignore_obsolete=drop_obsolete)):
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="re-extract and merge instead of checking")
    parser.add_argument("--drop-obsolete", action="store_true", help="with --update: delete obsolete entries")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder holding babel.cfg")
    parser.add_argument("--translations", type=Path, help="default: translations/ under --root")
    args = parser.parse_args(argv)
    args.translations = args.translations or args.root / "translations"
    template = extract(args.root)
    if args.update:
        for path in update(args.translations, template, drop_obsolete=args.drop_obsolete):
            print(f"updated {path.relative_to(args.root) if path.is_relative_to(args.root) else path}")
        return 0
    problems = check_all(args.translations, template)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in the catalogs." if problems else "The catalogs are complete and up to date.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
