"""The age file format (age-encryption.org/v1) with one scrypt passphrase recipient, work factor chosen by us.

pyrage calibrates its own scrypt work factor (up to 2^19, half a gigabyte), so bundles are written
and read here with `cryptography`, following https://age-encryption.org/v1: a header with one scrypt
stanza and an HMAC, then the payload in 64 KiB ChaCha20-Poly1305 chunks (STREAM). The `age` command
line tool opens what this writes, and the reader refuses an absurd work factor before any work."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldgroup.core import keys

VERSION_LINE = b"age-encryption.org/v1"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
CHUNK = 64 * 1024
TAG = 16
DEFAULT_LOG_N = 16  # ≈ 0.25 s and 80 MB on the groups' laptops, once per bundle written or read
TEST_LOG_N = 10
MAX_LOG_N = 18  # ≈ 1 s and 270 MB; a file asking for more is hostile or not ours
MAX_HEADER = 4096
_B64_LINE = 64


class AgeError(ValueError):
    """Not an age file we can open: malformed, another kind of recipient, or too costly to try."""


class AgeWrongPassphrase(AgeError):
    """The passphrase does not unwrap the file key."""


class AgeTooCostly(AgeError):
    """The scrypt work factor is above what we accept."""


def default_log_n() -> int:
    return TEST_LOG_N if keys.fast_kdf_for_tests() else DEFAULT_LOG_N


def is_age(data: bytes) -> bool:
    return data.startswith(VERSION_LINE + b"\n") or data.lstrip().startswith(ARMOR_BEGIN)


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    if not re.fullmatch(rb"[A-Za-z0-9+/]*", text):
        raise AgeError("invalid base64")
    try:
        return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error as exc:
        raise AgeError("invalid base64") from exc


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _scrypt(passphrase: keys.Passphrase, salt: bytes, log_n: int) -> bytes:
    n = 1 << log_n
    return hashlib.scrypt(passphrase.encoded(), salt=SCRYPT_LABEL + salt, n=n, r=8, p=1, dklen=32,
                          maxmem=128 * 8 * n + (1 << 24))


def _wrap_lines(body: bytes) -> list[bytes]:
    """Stanza body lines of 64 columns; the last one is always shorter (empty when needed)."""
    encoded = _b64(body)
    lines = [encoded[i:i + _B64_LINE] for i in range(0, len(encoded), _B64_LINE)]
    if not lines or len(lines[-1]) == _B64_LINE:
        lines.append(b"")
    return lines


def encrypt(plaintext: bytes, passphrase: keys.Passphrase, log_n: int | None = None) -> bytes:
    """An age file that `age -d` opens with the passphrase."""
    log_n = default_log_n() if log_n is None else log_n
    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrapped = ChaCha20Poly1305(_scrypt(passphrase, salt, log_n)).encrypt(bytes(12), file_key, None)
    header = b"\n".join([VERSION_LINE, b"-> scrypt " + _b64(salt) + b" " + str(log_n).encode(),
                         *_wrap_lines(wrapped), b"---"])
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    return header + b" " + _b64(mac) + b"\n" + nonce + _stream(_hkdf(file_key, nonce, b"payload"), plaintext)


def _stream(key: bytes, plaintext: bytes) -> bytes:
    aead = ChaCha20Poly1305(key)
    chunks = [plaintext[i:i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    out = bytearray()
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        out += aead.encrypt(index.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), chunk, None)
    return bytes(out)


def check_header(data: bytes, max_log_n: int = MAX_LOG_N) -> None:
    """Raise AgeError (AgeTooCostly for the work factor) unless this is a passphrase age file we would open."""
    _parse_header(_dearmor(data), max_log_n)


def decrypt(data: bytes, passphrase: keys.Passphrase, max_log_n: int = MAX_LOG_N) -> bytes:
    """Open an age file made with a passphrase; the work factor is checked before any scrypt work."""
    salt, log_n, wrapped, header, mac, rest = _parse_header(_dearmor(data), max_log_n)
    try:
        file_key = ChaCha20Poly1305(_scrypt(passphrase, salt, log_n)).decrypt(bytes(12), wrapped, None)
    except InvalidTag:
        raise AgeWrongPassphrase("wrong passphrase") from None
    expected = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, mac):
        raise AgeError("header MAC does not match")
    if len(rest) < 16:
        raise AgeError("truncated payload")
    nonce, body = rest[:16], rest[16:]
    return _unstream(_hkdf(file_key, nonce, b"payload"), body)


def _unstream(key: bytes, body: bytes) -> bytes:
    aead = ChaCha20Poly1305(key)
    size = CHUNK + TAG
    count = max(1, -(-len(body) // size))
    out = bytearray()
    for index in range(count):
        chunk = body[index * size:(index + 1) * size]
        last = index == count - 1
        if len(chunk) < TAG or (not last and len(chunk) != size) or (last and index > 0 and len(chunk) == TAG):
            raise AgeError("truncated or malformed payload")
        try:
            out += aead.decrypt(index.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), chunk, None)
        except InvalidTag:
            raise AgeError("payload damaged or truncated") from None
    return bytes(out)


def _parse_header(data: bytes, max_log_n: int) -> tuple[bytes, int, bytes, bytes, bytes, bytes]:
    """(salt, log_n, wrapped key, header bytes covered by the MAC, MAC, rest) of a one-scrypt-stanza file.

    The work factor is judged as soon as it is read, before anything else about the file."""
    end = data.find(b"\n---", 0, MAX_HEADER)
    if not data.startswith(VERSION_LINE + b"\n") or end < 0:
        raise AgeError("not an age file")
    line_end = data.find(b"\n", end + 1)
    if line_end < 0:
        raise AgeError("truncated header")
    header, mac_line = data[:end + 4], data[end + 4:line_end]
    if not mac_line.startswith(b" "):
        raise AgeError("malformed MAC line")
    mac = _unb64(mac_line[1:])
    lines = header.split(b"\n")[1:-1]
    stanzas = [i for i, line in enumerate(lines) if line.startswith(b"-> ")]
    if len(stanzas) != 1 or stanzas[0] != 0:
        raise AgeError("not a passphrase-encrypted age file")
    args = lines[0][3:].split(b" ")
    if len(args) != 3 or args[0] != b"scrypt" or not re.fullmatch(rb"[1-9][0-9]?", args[2]):
        raise AgeError("not a passphrase-encrypted age file")
    log_n = int(args[2])
    if log_n > max_log_n:
        raise AgeTooCostly(f"work factor 2^{log_n}")
    salt = _unb64(args[1])
    body_lines = lines[1:]
    if not body_lines or len(body_lines[-1]) >= _B64_LINE or any(len(b) != _B64_LINE for b in body_lines[:-1]):
        raise AgeError("malformed stanza body")
    wrapped = _unb64(b"".join(body_lines))
    if len(salt) != 16 or len(wrapped) != 32 or len(mac) != 32:
        raise AgeError("malformed scrypt stanza")
    return salt, log_n, wrapped, header, mac, data[line_end + 1:]


def _dearmor(data: bytes) -> bytes:
    """ASCII-armored age (PEM-like) to binary; binary files are returned as they are."""
    stripped = data.strip()
    if not stripped.startswith(ARMOR_BEGIN):
        return data
    if not stripped.endswith(ARMOR_END):
        raise AgeError("truncated armor")
    inner = stripped[len(ARMOR_BEGIN):-len(ARMOR_END)].replace(b"\r\n", b"\n").strip(b"\n")
    try:
        return base64.b64decode(b"".join(inner.split(b"\n")), validate=True)
    except binascii.Error as exc:
        raise AgeError("malformed armor") from exc
