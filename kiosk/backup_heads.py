"""The audit trail's head in each day's backup, and on the machine that takes it.

A machine's ``audit.head`` (:mod:`kiosk.audit_seal`) only holds the heads that
machine wrote, so entries written by the other machines of a branch could be cut
from the end unnoticed there. Each backup therefore writes the head of the trail it
holds (entry id and MAC) beside it (``kiosk-….sqlite3.head``) and notes it in the
backup machine's ``audit.head``: from then on a trail that ends before it is
reported, whoever wrote the lost entries. The note travels with the backup it
describes (rotation removes both).

A restore puts back a trail that ends earlier, on purpose: the restoring machine's
``audit.head`` is set aside (renamed, kept) and starts again from the restored
backup's head, so the alert that follows is the true one only.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk.audit_seal import AuditSeal, AuditSealError, load_seal
from kiosk.settings import Settings

Head = tuple[int, str]


def note_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".head")


def trail_head(source: Path | str) -> Head | None:
    """The newest audit entry in a SQLite backup file (a path), or in the live database
    at a URL (PostgreSQL, read just before its dump: entries are only ever appended)."""
    query = "SELECT id, chain FROM audit_event ORDER BY id DESC LIMIT 1"
    try:
        if isinstance(source, Path):
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as connection:
                row = connection.execute(query).fetchone()
        else:
            engine = create_engine(make_url(source))
            try:
                with engine.connect() as connection:
                    row = connection.execute(text(query)).first()
            finally:
                engine.dispose()
    except (sqlite3.Error, SQLAlchemyError):
        return None
    return (int(row[0]), str(row[1])) if row is not None else None


def seal_at(settings: Settings) -> AuditSeal | None:
    """This machine's seal, if its key is here (never made anew from here)."""
    try:
        return load_seal(settings.kiosk.audit_key_path, may_create=False)
    except AuditSealError:
        return None


def note_backup(settings: Settings, backup: Path, head: Head | None) -> bool:
    """Write ``head`` beside ``backup`` and in this machine's heads; False when only
    beside it (no audit key on this machine)."""
    if head is None:
        return True  # an empty trail: nothing to note
    write_note(backup, head)
    seal = seal_at(settings)
    if seal is None:
        return False
    seal.note_head(*head)
    return True


def write_note(backup: Path, head: Head) -> Path:
    path = note_path(backup)
    path.write_text(f"{head[0]} {head[1]}\n", encoding="ascii")
    return path


def read_note(backup: Path) -> Head | None:
    try:
        number, _, chain = note_path(backup).read_text(encoding="ascii").strip().partition(" ")
    except OSError:
        return None
    return (int(number), chain) if number.isdigit() and chain else None


def restart_heads(seal: AuditSeal, backup: Path, now: datetime) -> Path | None:
    """After restoring ``backup``: set this machine's heads aside (returns where) and
    start again from the backup's own head, if it has one."""
    aside = None
    if seal.head_file.exists():
        aside = seal.head_file.with_name(
            f"{seal.head_file.name}.before-restore-{now:%Y%m%d-%H%M%S}"
        )
        seal.head_file.replace(aside)
    head = read_note(backup)
    if head is not None:
        seal.note_head(*head)
    return aside
