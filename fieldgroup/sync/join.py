"""Joining colleagues: a new store on this laptop, filled from a bundle they gave; nothing is left if it fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldgroup.core import FieldGroupError, Store, create_store, keys
from fieldgroup.i18n import _
from fieldgroup.sync import bundle
from fieldgroup.sync.importer import ImportReport, import_bundle


def bundle_is_encrypted(path: Path) -> bool:
    """True when the bundle needs the group passphrase (reads only its first bytes)."""
    try:
        with Path(path).open("rb") as handle:
            return bundle.is_encrypted(handle.read(64))
    except OSError:
        return False  # the import says what is wrong with the file


def join_from_bundle(store_path: Path | str, bundle_path: Path | str, passphrase: keys.Passphrase | str | None = None, *,
                     ask_passphrase: Callable[[], str | None] | None = None,
                     accept_future: bool = False) -> tuple[Store, ImportReport]:
    """Create the store at `store_path` and import the bundle into it; the open store and the report.

    `ask_passphrase` is called when the bundle is encrypted and no passphrase was given (the GUI asks
    the person); None from it cancels. On any failure the new store's files are removed and the error
    (one sentence) is raised, so no half-made store is left to open next time."""
    store_path, bundle_path = Path(store_path), Path(bundle_path)
    if passphrase is None and ask_passphrase is not None and bundle_is_encrypted(bundle_path):
        passphrase = ask_passphrase()
        if passphrase is None:
            raise FieldGroupError(_("Joining was cancelled; nothing was kept."))
    if not store_path.parent.is_dir():
        raise FieldGroupError(_("The folder {folder} does not exist; choose another place for the store.").format(
            folder=store_path.parent))
    if isinstance(passphrase, str):
        passphrase = keys.Passphrase(passphrase)
    store = create_store(store_path, passphrase=passphrase)  # encrypted with the group's passphrase from the start
    try:
        report = import_bundle(store, bundle_path, passphrase, accept_future=accept_future)
    except BaseException:
        store.close()
        for leftover in (store_path, *store_path.parent.glob(store_path.name + "-*"),
                         *store_path.parent.glob(store_path.name + ".lock")):
            leftover.unlink(missing_ok=True)
        raise
    return store, report
