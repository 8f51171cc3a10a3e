"""The .fgbundle container: manifest + compressed payload + checksum, optionally age-encrypted."""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from dataclasses import asdict, dataclass, field
from typing import Any

from fieldgroup.core import keys
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _
from fieldgroup.sync import age_format

MAGIC = b"FGBUNDLE\n"
FORMAT_VERSION = 1
# We write 2^16; age's own tool calibrates to about 2^18. A file asking for more is either hostile
# (a memory and CPU bomb: 2^22 is 4 GiB) or not ours.
MAX_SCRYPT_LOG_N = age_format.MAX_LOG_N
MAX_MANIFEST_BYTES = 1 << 20
_LENGTH = struct.Struct(">I")
_TRAILER_BYTES = 32


class BundleError(FieldGroupError):
    """A file that cannot be imported as a bundle; the message says why and what to do."""


class BundleNotReady(BundleError):
    """The file's checksum does not match yet: it may still be arriving through a synced folder."""


class PassphraseNeeded(BundleError):
    """The bundle is encrypted and no passphrase (or the wrong one) was given."""


@dataclass
class Manifest:
    """What a bundle says about itself; read and verified before anything is written."""

    bundle_id: str
    group_id: str | None
    sender_device: str
    created: str  # the sender's HLC stamp when the bundle was made
    vector: dict[str, str]  # device id -> newest stamp of that device the payload covers
    counts: dict[str, int]
    payload_sha256: str
    payload_bytes: int
    full: bool = True
    sender_name: str | None = None
    group_name: str | None = None
    devices: dict[str, str] = field(default_factory=dict)  # device id -> laptop name, as the sender knows them
    # For a bundle made --for-device: the vector it was made against (what the receiver is assumed to hold).
    base: dict[str, str] | None = None
    format: int = FORMAT_VERSION
    kind: str = "fieldgroup-bundle"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


def encode(manifest: Manifest, payload: dict[str, Any]) -> bytes:
    """Serialise a bundle (unencrypted). The manifest's hash and size fields are filled in here."""
    compressed = zlib.compress(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode(), 6)
    manifest.payload_sha256 = hashlib.sha256(compressed).hexdigest()
    manifest.payload_bytes = len(compressed)
    head = json.dumps(asdict(manifest), sort_keys=True, ensure_ascii=False).encode()
    body = MAGIC + _LENGTH.pack(len(head)) + head + compressed
    return body + hashlib.sha256(body).digest()


def _as_passphrase(passphrase: keys.Passphrase | str) -> keys.Passphrase:
    return passphrase if isinstance(passphrase, keys.Passphrase) else keys.Passphrase(passphrase)


def encrypt(data: bytes, passphrase: keys.Passphrase | str) -> bytes:
    """The bundle in the age format, scrypt work factor chosen by us (see age_format)."""
    return age_format.encrypt(data, _as_passphrase(passphrase))


def is_encrypted(data: bytes) -> bool:
    return age_format.is_age(data)


def decrypt(data: bytes, passphrase: keys.Passphrase | str | None) -> bytes:
    """Open an age-encrypted bundle with the group passphrase, refusing absurd work factors first."""
    try:
        age_format.check_header(data, MAX_SCRYPT_LOG_N)
    except age_format.AgeTooCostly:
        raise BundleError(_("This encrypted file asks for an unreasonable amount of work to open; it was not made by FieldGroup.")) from None
    except age_format.AgeError:
        raise BundleError(_("This encrypted file was not made with a passphrase, so FieldGroup cannot open it.")) from None
    if not passphrase:
        raise PassphraseNeeded(_("This bundle is encrypted; enter the group passphrase to import it."))
    try:
        return age_format.decrypt(data, _as_passphrase(passphrase), MAX_SCRYPT_LOG_N)
    except age_format.AgeWrongPassphrase:
        raise PassphraseNeeded(
            _("The passphrase does not open this bundle; check it with the colleague who made the bundle.")
        ) from None
    except age_format.AgeError:
        raise BundleError(_("This bundle is damaged or incomplete; copy it again from the other laptop.")) from None


def read_manifest(data: bytes, *, arriving_ok: bool = False) -> tuple[Manifest, bytes]:
    """Verify the container and return (manifest, compressed payload). Raises BundleError.

    With arriving_ok, a checksum mismatch raises BundleNotReady (folder sync: the file may still be
    copying), otherwise the sentence says the file is damaged."""
    if not data.startswith(MAGIC):
        raise BundleError(_("This file is not a FieldGroup bundle; choose a .fgbundle file made by FieldGroup."))
    if len(data) < len(MAGIC) + _LENGTH.size + _TRAILER_BYTES:
        raise _damaged(arriving_ok)
    body, trailer = data[:-_TRAILER_BYTES], data[-_TRAILER_BYTES:]
    if hashlib.sha256(body).digest() != trailer:
        raise _damaged(arriving_ok)
    (head_len,) = _LENGTH.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    if head_len > MAX_MANIFEST_BYTES or start + head_len > len(body):
        raise _damaged(arriving_ok)
    try:
        raw = json.loads(body[start : start + head_len])
        manifest = Manifest.from_json(raw)
    except (ValueError, TypeError):
        raise _damaged(arriving_ok) from None
    if raw.get("kind") != "fieldgroup-bundle":
        raise BundleError(_("This file is not a FieldGroup bundle; choose a .fgbundle file made by FieldGroup."))
    if not isinstance(manifest.format, int) or manifest.format > FORMAT_VERSION:
        raise BundleError(_("This bundle was made by a newer version of FieldGroup; update FieldGroup on this laptop first."))
    payload = body[start + head_len :]
    if len(payload) != manifest.payload_bytes or hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise _damaged(arriving_ok)
    return manifest, payload


def read_payload(compressed: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(zlib.decompress(compressed))
    except (zlib.error, ValueError):
        raise BundleError(_("This bundle is damaged inside; ask for a new one.")) from None
    if not isinstance(payload, dict):
        raise BundleError(_("This bundle is damaged inside; ask for a new one."))
    return payload


def _damaged(arriving_ok: bool) -> BundleError:
    if arriving_ok:
        return BundleNotReady(_("This bundle is not complete yet; wait until the folder has finished syncing."))
    return BundleError(_("This bundle is damaged or incomplete; copy it again from the other laptop."))
