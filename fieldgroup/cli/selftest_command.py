"""`fieldgroup self-test`: proves an installed (or frozen) FieldGroup finds its data files and opens its window."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fieldgroup.cli.common import EXIT_FAILED, EXIT_OK
from fieldgroup.i18n import SUPPORTED_LANGUAGES, _, ngettext
from fieldgroup.paths import fonts_dir, install_dir, resources_dir

# The working groups' countries: their regional formats must be bundled too.
REGIONAL_LOCALES = ("es_CO", "fr_CD", "en_GH", "id_ID", "my_MM", "en_NG", "es_PE")
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
         "Padauk-Regular.ttf", "Padauk-Bold.ttf")


def register(subparsers: argparse._SubParsersAction) -> None:
    test = subparsers.add_parser("self-test", help="check that this installation works: store, fonts, languages, window")
    test.add_argument("--no-window", action="store_true", help="skip opening the main window")
    test.set_defaults(handler=run_self_test)


def check_store(folder: Path) -> list[str]:
    from fieldgroup.core import backups, create_store, open_store

    path = folder / "self-test.fgstore"
    with create_store(path) as store:
        group = store.groups.create(name="Self-test group", country="GH")
        store.meetings.create(group_id=group.id, kind="plenary", date="2025-06-01")
        digest = store.digest()
        backup = backups.backup_now(store)
    with open_store(path) as store:
        problems = store.problems()
        if store.digest() != digest:
            problems.append("the store changed between closing and opening it again")
    listed = backups.list_backups(path)
    if [b.path for b in listed] != [backup] or listed[0].counts["meetings"] != 1:
        problems.append("the backup cannot be listed with its counts")
    return problems


def check_encryption(folder: Path) -> list[str]:
    """An encrypted store and an age bundle: written, locked, and opened again only with the passphrase."""
    from fieldgroup.core import create_store, keys, open_store
    from fieldgroup.sync import age_format

    passphrase = keys.Passphrase(keys.generate())
    path = folder / "self-test-encrypted.fgstore"
    with create_store(path, passphrase=passphrase) as store:
        store.groups.create(name="Self-test encrypted group")
        digest = store.digest()
    problems = []
    if b"Self-test encrypted group" in path.read_bytes():
        problems.append("the encrypted store holds readable text")
    keys.forget_all()
    try:
        open_store(path, read_only=True).close()
        problems.append("the encrypted store opened without its passphrase")
    except keys.PassphraseError:
        pass
    with open_store(path, passphrase=passphrase, read_only=True) as store:
        if store.digest() != digest:
            problems.append("the encrypted store changed between closing and opening it again")
    if age_format.decrypt(age_format.encrypt(b"bundle", passphrase, log_n=10), passphrase) != b"bundle":
        problems.append("an age bundle does not open again")
    return problems


def check_fonts() -> list[str]:
    from reportlab.pdfbase.ttfonts import TTFont

    problems = []
    for name in FONTS:
        try:
            TTFont(name.removesuffix(".ttf"), str(fonts_dir() / name))
        except Exception as exc:  # noqa: BLE001 — any failure means the font is unusable
            problems.append(f"font {name}: {exc}")
    return problems


def check_languages() -> list[str]:
    """Babel's locale data for every language, and every bundled catalog loads."""
    import gettext

    from babel.dates import format_date

    problems = []
    for language in (*SUPPORTED_LANGUAGES, *REGIONAL_LOCALES):
        try:
            format_date(date(2025, 3, 7), locale=language)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"Babel data for {language}: {exc}")
    catalogs = install_dir() / "translations"
    for language in SUPPORTED_LANGUAGES[1:]:
        if not (catalogs / language).is_dir():
            continue  # that language has no catalog yet: English is shown
        try:
            gettext.translation("fieldgroup", catalogs, languages=[language])
        except OSError as exc:
            problems.append(f"translations/{language} has no usable compiled catalog ({exc.strerror or exc}); "
                            "run `make translations` before building")
    return problems


def check_window(folder: Path) -> list[str]:
    from fieldgroup.core import open_store
    from fieldgroup.ui.selftest import check_window as open_window  # Qt only when asked for

    with open_store(folder / "self-test.fgstore") as store:
        return open_window(store)


def run_self_test(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="fieldgroup-self-test-") as tmp:
        folder = Path(tmp)
        checks: list[tuple[str, Callable[[], list[str]]]] = [
            ("store", lambda: check_store(folder)),
            ("encryption", lambda: check_encryption(folder)),
            ("fonts", check_fonts),
            ("languages", check_languages),
            ("icon", lambda: [] if (resources_dir() / "fieldgroup.png").is_file() else ["resources/fieldgroup.png missing"]),
        ]
        if not args.no_window:
            checks.append(("window", lambda: check_window(folder)))
        failed = 0
        for name, check in checks:
            try:
                problems = check()
            except Exception as exc:  # noqa: BLE001 — the self-test reports, it does not crash
                problems = [f"{type(exc).__name__}: {exc}"]
            print(f"{name}: " + ("ok" if not problems else "FAILED — " + "; ".join(problems)))
            failed += bool(problems)
    if failed:
        print(ngettext("The self-test found {n} problem; reinstall FieldGroup or send this output to support.",
                       "The self-test found {n} problems; reinstall FieldGroup or send this output to support.",
                       failed).format(n=failed))
        return EXIT_FAILED
    print(_("The self-test passed."))
    return EXIT_OK
