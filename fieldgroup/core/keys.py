"""The group passphrase: normalised, read from files, judged, and turned into store keys once per start."""

from __future__ import annotations

import hashlib
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _

MIN_LENGTH = 12
# SQLCipher 4's own KDF (PBKDF2-HMAC-SHA512, 256,000 rounds, 32-byte key): deriving the same key
# ourselves means the sqlcipher shell opens our files with the passphrase, and we pay it once per file salt.
KDF_ITERATIONS = 256_000
TEST_KDF_ITERATIONS = 2
SALT_BYTES = 16
FAST_KDF_ENV = "FIELDGROUP_TEST_FAST_KDF"  # test-only: the suite would spend minutes in the KDF
PASSPHRASE_FILE_ENV = "FIELDGROUP_PASSPHRASE_FILE"
_BOM = "\ufeff"


class PassphraseError(FieldGroupError):
    """A passphrase that is missing, unreadable, too short or that does not open the file."""


class WrongPassphraseError(PassphraseError):
    """The passphrase does not open this encrypted file (or the file is foreign or damaged)."""


class LockedStoreError(PassphraseError):
    """The store is encrypted and no passphrase was given."""


def fast_kdf_for_tests() -> bool:
    return os.environ.get(FAST_KDF_ENV) == "1"


def kdf_iterations() -> int:
    return TEST_KDF_ITERATIONS if fast_kdf_for_tests() else KDF_ITERATIONS


class Passphrase:
    """A normalised passphrase. Its repr never shows it, so it cannot leak into a log or a traceback."""

    __slots__ = ("_text",)

    def __init__(self, text: str):
        self._text = normalise(text)

    def reveal(self) -> str:
        return self._text

    def encoded(self) -> bytes:
        return self._text.encode("utf-8")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._text == self._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __repr__(self) -> str:
        return "Passphrase(…)"

    __str__ = __repr__


def normalise(text: str) -> str:
    """NFC, so that 'é' typed as one or two code points gives the same key; nothing else is changed."""
    return unicodedata.normalize("NFC", text)


def read_file(path: Path | str) -> Passphrase:
    """The passphrase in a file: only a UTF-8 BOM and trailing CR/LF are removed; not UTF-8 is refused."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PassphraseError(_("Could not read the passphrase file {path} ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError(_("The passphrase file {path} is not UTF-8 text; save it as UTF-8 and try again.").format(
            path=path)) from None
    text = text.removeprefix(_BOM).rstrip("\r\n")
    if not text:
        raise PassphraseError(_("The passphrase file {path} is empty.").format(path=path))
    return Passphrase(text)


def from_environment() -> Passphrase | None:
    """The passphrase in the file FIELDGROUP_PASSPHRASE_FILE names, for scripts; None when unset."""
    name = os.environ.get(PASSPHRASE_FILE_ENV)
    return read_file(name) if name else None


# ---- strength: one rule, shared by the command line and the app -----------------------------------


def weakness(text: str) -> str | None:
    """Why a new passphrase is refused (one sentence), or None when it is long enough."""
    if len(normalise(text)) < MIN_LENGTH:
        return _("A group passphrase needs at least {n} characters; five words from the generator are best.").format(
            n=MIN_LENGTH)
    return None


def strength_hint(text: str) -> str:
    """A short hint shown while a new passphrase is typed."""
    text = normalise(text)
    if len(text) < MIN_LENGTH:
        return _("Too short: at least {n} characters.").format(n=MIN_LENGTH)
    words = [w for w in text.replace("-", " ").split() if w]
    if len(set(text)) < 6:
        return _("Weak: too few different characters.")
    if len(words) >= 5 or len(text) >= 24:
        return _("Strong.")
    return _("Fair: a few more words make it much harder to guess.")


# ---- store keys: derived once per file salt and kept in memory for this run only ------------------


@dataclass(frozen=True)
class StoreKey:
    """A raw SQLCipher key and the salt of the file it belongs to."""

    key: bytes
    salt: bytes

    def pragma(self) -> str:
        """The PRAGMA key value: key and salt given raw, so SQLCipher runs no KDF at all."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    def __repr__(self) -> str:
        return "StoreKey(…)"


def derive(passphrase: Passphrase, salt: bytes) -> StoreKey:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encoded(), salt, kdf_iterations(), 32)
    return StoreKey(key, salt)


class _Session:
    """Passphrases unlocked during this run and the keys derived from them, by file salt (memory only)."""

    def __init__(self) -> None:
        self.passphrases: list[Passphrase] = []
        self.keys: dict[bytes, StoreKey] = {}
        self.key_owner: dict[bytes, Passphrase] = {}
        self.pending: dict[bytes, tuple[threading.Thread, dict[str, object]]] = {}

    def unlock(self, passphrase: Passphrase) -> None:
        if passphrase in self.passphrases:
            self.passphrases.remove(passphrase)
        self.passphrases.insert(0, passphrase)  # the newest first: it is the one the user just typed

    def discard(self, passphrase: Passphrase | None) -> None:
        if passphrase in self.passphrases and passphrase not in self.key_owner.values():
            self.passphrases.remove(passphrase)

    def remember(self, key: StoreKey, passphrase: Passphrase) -> None:
        """`key`, derived from `passphrase`, opened a file: both serve every later file of this run."""
        if passphrase not in self.passphrases:
            self.passphrases.append(passphrase)
        self.keys[key.salt] = key
        self.key_owner[key.salt] = passphrase

    def candidates(self, salt: bytes) -> Iterator[tuple[StoreKey, Passphrase]]:
        """Keys to try on a file with this salt: the one known to work, then one derived per passphrase.

        Lazy, so a file whose key is known costs no derivation at all."""
        if salt in self.pending:  # derived in the background while the app was starting
            thread, found = self.pending.pop(salt)
            thread.join()
            if found:
                yield found["key"], found["passphrase"]  # type: ignore[misc]
        known = self.keys.get(salt)
        if known is not None:
            yield known, self.key_owner[salt]
        for passphrase in list(self.passphrases):
            if known is None or passphrase != self.key_owner[salt]:
                yield derive(passphrase, salt), passphrase

    def forget(self) -> None:
        for thread, _found in self.pending.values():
            thread.join()
        self.pending.clear()
        self.passphrases.clear()
        self.keys.clear()
        self.key_owner.clear()


session = _Session()


def unlock(passphrase: Passphrase | None) -> None:
    """Make a passphrase available to every store, backup and bundle opened later in this run."""
    if passphrase is not None:
        session.unlock(passphrase)


def forget_all() -> None:
    """Lock again (tests; 'quit' simply ends the process)."""
    session.forget()


def prefetch(salt: bytes, find: Callable[[], Passphrase | None]) -> None:
    """Look up a passphrase (`find`: a file, the credential store) and derive the key for `salt` in a
    background thread while the app builds its window (the KDF releases the GIL). The first open of
    a file with that salt waits for it instead of deriving again."""
    found: dict[str, object] = {}

    def work() -> None:
        passphrase = find()
        if passphrase is not None:
            found["passphrase"], found["key"] = passphrase, derive(passphrase, salt)

    thread = threading.Thread(target=work, name="fieldgroup-kdf", daemon=True)
    thread.start()
    session.pending[salt] = (thread, found)


def passphrase_for_salt(salt: bytes) -> Passphrase | None:
    return session.key_owner.get(salt)


def new_key(passphrase: Passphrase) -> StoreKey:
    """A key for a new encrypted file, with a fresh random salt."""
    key = derive(passphrase, os.urandom(SALT_BYTES))
    session.unlock(passphrase)
    session.remember(key, passphrase)
    return key


# ---- generated passphrases: five words from the list shipped in resources/ --------------------------

GENERATED_WORDS = 5


def word_list() -> list[str]:
    from fieldgroup.paths import resources_dir

    text = (resources_dir() / "wordlist.txt").read_text(encoding="ascii")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def generate(words: int = GENERATED_WORDS) -> str:
    """Five random words joined by hyphens (about 55 bits from a 2048-word list), chosen with `secrets`."""
    import secrets

    choices = word_list()
    return "-".join(secrets.choice(choices) for _ in range(words))
