"""'Remember on this laptop': the group passphrase in the OS credential store (keyring), never in a file of ours."""

from __future__ import annotations

import logging
from pathlib import Path

from fieldgroup.core import keys

log = logging.getLogger(__name__)

SERVICE = "FieldGroup group passphrase"


def _account(store_path: Path | str) -> str:
    return str(Path(store_path).resolve())


def _keyring():  # noqa: ANN202 — the keyring module, imported only when a passphrase is looked for
    import keyring

    return keyring


def available() -> bool:
    """True when a credential store works here (headless Linux usually has none: then we simply ask)."""
    try:
        backend = _keyring().get_keyring()
    except Exception:  # noqa: BLE001 — a broken keyring setup must never stop the app
        return False
    return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__


def remembered(store_path: Path | str) -> keys.Passphrase | None:
    """The passphrase remembered for this store, or None (none remembered, or the credential store refused)."""
    if not available():
        return None
    try:
        text = _keyring().get_password(SERVICE, _account(store_path))
    except Exception as exc:  # noqa: BLE001 — locked or refusing: ask instead
        log.info("Credential store refused to give the passphrase (%s)", type(exc).__name__)
        return None
    return keys.Passphrase(text) if text else None


def remember(store_path: Path | str, passphrase: keys.Passphrase) -> bool:
    """Keep the passphrase in the OS credential store; False when there is none that works."""
    if not available():
        return False
    try:
        _keyring().set_password(SERVICE, _account(store_path), passphrase.reveal())
    except Exception as exc:  # noqa: BLE001
        log.info("Credential store refused to keep the passphrase (%s)", type(exc).__name__)
        return False
    return True


def forget(store_path: Path | str) -> None:
    if not available():
        return
    try:
        _keyring().delete_password(SERVICE, _account(store_path))
    except Exception:  # noqa: BLE001 — nothing remembered is fine
        pass
