"""A secret key in a file outside the database (the contacts' key, the audit seal).

The file holds 32 random bytes in hex. It is made (mode 0600) only when the caller
says so, on the first run of a database that nothing has been sealed with yet, and
never again: a missing, unreadable, malformed or too open file is an error whose
message (a msgid) says what to do, never a silent new key.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

KEY_BYTES = 32


class KeyFileError(Exception):
    """The key file is missing, unreadable, too open or not this database's; ``message``
    is a msgid."""

    def __init__(self, message: str, path: Path) -> None:
        self.message, self.path = message, path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class KeyFileTexts:
    """The msgids of one kind of key file's errors."""

    missing: str
    unreadable: str
    too_open: str


def read_key_file(
    path: Path, may_create: bool, texts: KeyFileTexts, error: type[KeyFileError]
) -> bytes:
    """The secret at ``path``; made there (mode 0600) only when ``may_create``. Raises
    ``error`` (a :class:`KeyFileError`) with one of ``texts``."""
    if not path.exists():
        if not may_create:
            raise error(texts.missing, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process of this machine made it just now
            return read_key_file(path, False, texts, error)
        try:
            os.write(fd, secrets.token_hex(KEY_BYTES).encode() + b"\n")
        finally:
            os.close(fd)
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        raise error(texts.unreadable, path) from None
    if len(secret) != KEY_BYTES:
        raise error(texts.unreadable, path)
    if path.stat().st_mode & 0o077:
        raise error(texts.too_open, path)
    return secret
