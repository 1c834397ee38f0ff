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
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import N_
from kiosk.key_file import KeyFileError, KeyFileTexts, read_key_file

_NONCE_BYTES = 12
_AAD = b"contact.phone.v1"


class ContactKeyError(KeyFileError):
    """The contacts key file is missing, unreadable, too open or not this database's."""


@dataclass(frozen=True)
class _Keys:
    cipher: bytes
    hash: bytes


def _derive(secret: bytes) -> _Keys:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    def one(purpose: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(secret)

    return _Keys(one(b"phone-cipher"), one(b"phone-hash"))


class ContactKey:
    """Encrypts, decrypts and hashes E.164 numbers. ``repr`` shows no key.

    The file is read (and checked) when the key is loaded; the keys are derived
    at the first number: a kiosk that nobody gives a number to does not carry
    OpenSSL (~6.5 MiB)."""

    def __init__(self, secret: bytes, path: Path) -> None:
        self._secret = secret
        self._keys: _Keys | None = None
        self._lock = threading.Lock()
        self.path = path

    def __repr__(self) -> str:
        return f"ContactKey({self.path})"

    def _derived(self) -> _Keys:
        with self._lock:  # the worker and the messenger's threads may ask at once
            if self._keys is None:
                self._keys = _derive(self._secret)
            return self._keys

    def encrypt(self, e164: str) -> str:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = AESGCM(self._derived().cipher).encrypt(nonce, e164.encode("ascii"), _AAD)
        return base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The number; :class:`ContactKeyError` when this key did not seal it."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        cipher = AESGCM(self._derived().cipher)
        try:
            raw = base64.b64decode(token.encode("ascii"), validate=True)
            plain = cipher.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _AAD)
        except (InvalidTag, ValueError) as exc:
            raise ContactKeyError(WRONG_KEY, self.path) from exc
        return plain.decode("ascii")

    def digest(self, e164: str) -> str:
        return hmac.new(self._derived().hash, e164.encode("ascii"), hashlib.sha256).hexdigest()


WRONG_KEY = N_(
    "The contacts key file does not match this database's phone numbers. Copy the right "
    "file from another machine of the branch (or restore it from its backup)."
)


_TEXTS = KeyFileTexts(
    missing=N_(
        "The contacts key file is missing. Copy it from another machine of the "
        "branch (or restore it from its backup): a new key cannot read the phone "
        "numbers already stored."
    ),
    unreadable=N_("The contacts key file cannot be read."),
    too_open=N_("The contacts key file can be read by others: make it private (chmod 600)."),
)


def load_contact_key(path: Path, may_create: bool) -> ContactKey:
    """The key at ``path``; made there (mode 0600) only when ``may_create`` (a
    database without contacts)."""
    return ContactKey(read_key_file(path, may_create, _TEXTS, ContactKeyError), path)
