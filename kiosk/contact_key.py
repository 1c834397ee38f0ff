"""The contacts' key: phone numbers are AES-GCM encrypted, and looked up by an HMAC,
under keys derived from one secret in a file outside the database.

The file is made (mode 0600) on the first run of a database that has no contact
yet, and never again: a missing, unreadable or other key for a database that holds
contacts is an error that says so, never a silent new key (which would make every
stored number unreadable). Machines of a branch share the file (copy it to each).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk.i18n import N_

KEY_BYTES = 32
_NONCE_BYTES = 12
_AAD = b"contact.phone.v1"


class ContactKeyError(Exception):
    """The key file is missing, unreadable, too open or not this database's; ``message``
    is a msgid."""

    def __init__(self, message: str, path: Path) -> None:
        self.message, self.path = message, path
        super().__init__(f"{path}: {message}")


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(secret)


@dataclass(frozen=True)
class ContactKey:
    """Encrypts, decrypts and hashes E.164 numbers. ``repr`` shows no key."""

    _cipher_key: bytes
    _hash_key: bytes
    path: Path

    def __repr__(self) -> str:
        return f"ContactKey({self.path})"

    @classmethod
    def from_secret(cls, secret: bytes, path: Path) -> ContactKey:
        return cls(_derive(secret, b"phone-cipher"), _derive(secret, b"phone-hash"), path)

    def encrypt(self, e164: str) -> str:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = AESGCM(self._cipher_key).encrypt(nonce, e164.encode("ascii"), _AAD)
        return base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The number; :class:`ContactKeyError` when this key did not seal it."""
        try:
            raw = base64.b64decode(token.encode("ascii"), validate=True)
            plain = AESGCM(self._cipher_key).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _AAD)
        except (InvalidTag, ValueError) as exc:
            raise ContactKeyError(WRONG_KEY, self.path) from exc
        return plain.decode("ascii")

    def digest(self, e164: str) -> str:
        return hmac.new(self._hash_key, e164.encode("ascii"), hashlib.sha256).hexdigest()


WRONG_KEY = N_(
    "The contacts key file does not match this database's phone numbers. Copy the right "
    "file from another machine of the branch (or restore it from its backup)."
)


def load_contact_key(path: Path, may_create: bool) -> ContactKey:
    """The key at ``path``; made there (mode 0600) only when ``may_create`` (a
    database without contacts)."""
    if not path.exists():
        if not may_create:
            raise ContactKeyError(
                N_(
                    "The contacts key file is missing. Copy it from another machine of the "
                    "branch (or restore it from its backup): a new key cannot read the phone "
                    "numbers already stored."
                ),
                path,
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process of this machine made it just now
            return load_contact_key(path, may_create=False)
        try:
            os.write(fd, secrets.token_hex(KEY_BYTES).encode() + b"\n")
        finally:
            os.close(fd)
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        raise ContactKeyError(N_("The contacts key file cannot be read."), path) from None
    if len(secret) != KEY_BYTES:
        raise ContactKeyError(N_("The contacts key file cannot be read."), path)
    if path.stat().st_mode & 0o077:
        raise ContactKeyError(
            N_("The contacts key file can be read by others: make it private (chmod 600)."), path
        )
    return ContactKey.from_secret(secret, path)
