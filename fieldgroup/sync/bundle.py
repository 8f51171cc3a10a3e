"""The .fgbundle container: manifest + compressed payload + checksum, optionally age-encrypted."""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from dataclasses import MISSING, asdict, dataclass, field
from typing import Any

from fieldgroup.core import keys, row_check
from fieldgroup.core.errors import FieldGroupError
from fieldgroup.i18n import _
from fieldgroup.sync import age_format

MAGIC = b"FGBUNDLE\n"
# 2: the results framework's tables and the new indicator / actual-value fields (issue 17); a laptop
# still on format 1 refuses these bundles with "update FieldGroup" instead of calling them damaged.
FORMAT_VERSION = 2
# We write 2^16; age's own tool calibrates to about 2^18. A file asking for more is either hostile
# (a memory and CPU bomb: 2^22 is 4 GiB) or not ours.
MAX_SCRYPT_LOG_N = age_format.MAX_LOG_N
MAX_MANIFEST_BYTES = 1 << 20
# The whole stress store (100,000 action items, 60,000 attendance records) is 59 MB of JSON (16 MB packed);
# parsing JSON takes several times its size in memory, so a payload claiming more is refused.
MAX_PLAIN_BYTES = 256 << 20
# Text fields of the manifest (laptop and group names) and how many devices it may list.
_MAX_NAME = 200
_MAX_DEVICES = 10_000
_CHUNK = 1 << 20
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
    payload_plain_bytes: int = 0  # 0 in bundles written before the size was recorded
    full: bool = True
    sender_name: str | None = None
    group_name: str | None = None
    devices: dict[str, str] = field(default_factory=dict)  # device id -> laptop name, as the sender knows them
    # For a bundle made --for-device: the vector it was made against (what the receiver is assumed to hold).
    base: dict[str, str] | None = None
    format: int = FORMAT_VERSION
    kind: str = "fieldgroup-bundle"

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        """A manifest from untrusted JSON: every field's shape is checked (BundleError naming it)."""
        if not isinstance(data, dict):
            raise _bad_manifest("manifest", data)
        names = set(cls.__dataclass_fields__)
        try:
            manifest = cls(**{k: v for k, v in data.items() if k in names})
        except TypeError:
            missing = sorted(n for n, f in cls.__dataclass_fields__.items() if n not in data
                             and f.default is MISSING and f.default_factory is MISSING)
            raise _bad_manifest(missing[0] if missing else "manifest", None) from None
        manifest.check_shape()
        return manifest

    def check_shape(self) -> None:
        """Raise BundleError naming the first field whose value no FieldGroup writes."""
        checks = {
            "bundle_id": isinstance(self.bundle_id, str) and 0 < len(self.bundle_id) <= 64
            and self.bundle_id.isprintable(),
            "group_id": self.group_id is None or row_check.valid_id(self.group_id),
            "sender_device": row_check.valid_device(self.sender_device),
            "created": row_check.valid_stamp(self.created),
            "vector": _valid_vector(self.vector),
            "counts": isinstance(self.counts, dict) and len(self.counts) <= 100
            and all(isinstance(k, str) and _count(v) for k, v in self.counts.items()),
            "payload_sha256": isinstance(self.payload_sha256, str) and bool(re.fullmatch(r"[0-9a-f]{64}", self.payload_sha256)),
            "payload_bytes": _count(self.payload_bytes),
            "payload_plain_bytes": _count(self.payload_plain_bytes),
            "full": isinstance(self.full, bool),
            "sender_name": _name(self.sender_name),
            "group_name": _name(self.group_name),
            "devices": isinstance(self.devices, dict) and len(self.devices) <= _MAX_DEVICES
            and all(row_check.valid_device(k) and _name(v) for k, v in self.devices.items()),
        }
        for name, ok in checks.items():
            if not ok:
                raise _bad_manifest(name, getattr(self, name))


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1 << 40


def _name(value: Any) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= _MAX_NAME)


def _valid_vector(vector: Any) -> bool:
    """Device id -> that device's newest stamp, whose device part is the key."""
    return isinstance(vector, dict) and len(vector) <= _MAX_DEVICES and all(
        row_check.valid_device(device) and row_check.valid_stamp(stamp) and stamp[18:] == device
        for device, stamp in vector.items())


def _bad_manifest(name: str, value: Any) -> BundleError:
    return BundleError(_("This bundle's manifest is not valid ({field}: “{value}”), so nothing was imported; "
                         "ask the colleague who sent it for a new bundle.").format(field=name, value=row_check.excerpt(value)))


def encode(manifest: Manifest, payload: dict[str, Any]) -> bytes:
    """Serialise a bundle (unencrypted). The manifest's hash and size fields are filled in here."""
    plain = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    manifest.payload_plain_bytes = len(plain)
    compressed = zlib.compress(plain, 6)
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


def check_start(head: bytes) -> None:
    """Refuse a file whose first bytes are neither a bundle's nor age's, before reading the rest."""
    if is_encrypted(head):
        return
    stripped = head.lstrip()
    known = (MAGIC, age_format.VERSION_LINE + b"\n", age_format.ARMOR_BEGIN)
    if not any(stripped.startswith(k) or k.startswith(stripped) for k in known):
        raise BundleError(_("This file is not a FieldGroup bundle; choose a .fgbundle file made by FieldGroup."))


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
    except (ValueError, RecursionError):
        raise _damaged(arriving_ok) from None
    if not isinstance(raw, dict) or raw.get("kind") != "fieldgroup-bundle":
        raise BundleError(_("This file is not a FieldGroup bundle; choose a .fgbundle file made by FieldGroup."))
    version = raw.get("format", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise BundleError(_("This bundle was made by a newer version of FieldGroup; update FieldGroup on this laptop first."))
    manifest = Manifest.from_json(raw)
    payload = body[start + head_len :]
    if len(payload) != manifest.payload_bytes or hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise _damaged(arriving_ok)
    return manifest, payload


def read_payload(compressed: bytes, claimed: int = 0) -> dict[str, Any]:
    """Decompress and parse the payload, refusing it as soon as it grows past what the manifest
    claimed (or, for bundles that claim nothing, past MAX_PLAIN_BYTES): a zip bomb stops here."""
    if claimed > MAX_PLAIN_BYTES:
        raise _too_big()
    plain = _inflate(compressed, claimed or MAX_PLAIN_BYTES)
    if claimed and len(plain) != claimed:
        raise BundleError(_("This bundle is damaged inside; ask for a new one."))
    try:
        text = plain.decode(json.detect_encoding(plain), "surrogatepass")  # what json.loads does with bytes
        del plain  # the bytes and their text (56 MB each for the stress bundle) must not outlive the parse together
        payload = json.loads(text)
    except (ValueError, RecursionError):
        raise BundleError(_("This bundle is damaged inside; ask for a new one.")) from None
    if not isinstance(payload, dict):
        raise BundleError(_("This bundle is damaged inside; ask for a new one."))
    return payload


def _inflate(compressed: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    try:
        pending = compressed
        while True:  # also after the input is used up: zlib may still hold output back
            chunk = inflater.decompress(pending, _CHUNK)
            size += len(chunk)
            if size > limit:
                raise _too_big()
            parts.append(chunk)
            pending = inflater.unconsumed_tail
            if not chunk and not pending:
                break
        tail = inflater.flush()
    except zlib.error:
        raise BundleError(_("This bundle is damaged inside; ask for a new one.")) from None
    if size + len(tail) > limit:
        raise _too_big()
    if not inflater.eof or inflater.unused_data:
        raise BundleError(_("This bundle is damaged inside; ask for a new one."))
    return b"".join([*parts, tail])


def _too_big() -> BundleError:
    return BundleError(_("This bundle unpacks to far more data than FieldGroup ever writes, so it was refused; "
                         "ask the colleague who sent it for a new bundle."))


def _damaged(arriving_ok: bool) -> BundleError:
    if arriving_ok:
        return BundleNotReady(_("This bundle is not complete yet; wait until the folder has finished syncing."))
    return BundleError(_("This bundle is damaged or incomplete; copy it again from the other laptop."))
