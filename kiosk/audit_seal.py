"""The audit trail's seal: a secret key and a record of the chain's head, both kept
outside the database.

An unkeyed hash chain proves nothing to someone who can write the database: they
edit a row and recompute every later hash. With HMAC-SHA-256 under a key that
lives only in a file on the machines (mode 0600), a recomputed chain does not
match. Deleting the newest entries leaves a valid chain, so each machine also
appends the head it wrote (entry id and MAC) to ``audit.head`` next to the key:
a trail that ends before a head that was once written has lost entries.

The key is made once, on the first run of a new trail, and never again without
being asked: a missing key on a trail that has keyed entries is an error that
says where to copy it from, never a silent new key. Machines sharing a branch
database share the key file (copy it to each one).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import N_
from kiosk.key_file import KeyFileError, KeyFileTexts, read_key_file

KEYED = "h1:"
"""The prefix of a keyed MAC in ``audit_event.chain`` (a bare hex digest is the
unkeyed SHA-256 of trails from before the seal)."""


class AuditSealError(KeyFileError):
    """The audit key file is missing, unreadable, too open or malformed."""


@dataclass(frozen=True)
class AuditSeal:
    key: bytes
    head_file: Path

    def mac(self, previous: str, content: str) -> str:
        digest = hmac.new(self.key, f"{previous}\n{content}".encode(), hashlib.sha256)
        return KEYED + digest.hexdigest()

    def note_head(self, entry_id: int, chain: str) -> None:
        """Append the newest entry this machine wrote (after its commit)."""
        fd = os.open(self.head_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{entry_id} {chain}\n".encode())
        finally:
            os.close(fd)

    def heads(self) -> dict[int, str]:
        """Every head this machine noted: entry id → MAC."""
        try:
            lines = self.head_file.read_text(encoding="ascii").splitlines()
        except FileNotFoundError:
            return {}
        heads: dict[int, str] = {}
        for line in lines:
            number, _, chain = line.partition(" ")
            if number.isdigit() and chain:
                heads[int(number)] = chain
        return heads


def key_path(data_dir: Path) -> Path:
    return data_dir / "audit.key"


_TEXTS = KeyFileTexts(
    missing=N_(
        "The audit key file is missing. Copy it from another machine of the "
        "branch (or restore it from the backup): a new key would not verify "
        "the existing audit trail."
    ),
    unreadable=N_("The audit key file cannot be read."),
    too_open=N_("The audit key file can be read by others: make it private (chmod 600)."),
)


def load_seal(path: Path, may_create: bool) -> AuditSeal:
    """The seal from the key file at ``path``; made there (mode 0600) only when
    ``may_create`` (a trail with no keyed entry yet)."""
    key = read_key_file(path, may_create, _TEXTS, AuditSealError)
    return AuditSeal(key, path.with_name("audit.head"))
