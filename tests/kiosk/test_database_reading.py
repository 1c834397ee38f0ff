"""A long read (the daily audit check) takes a snapshot, not SQLite's write lock: a
kiosk issuing a ticket meanwhile is not held up."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.access import SYSTEM
from kiosk.audit import AuditLog
from kiosk.db.database import Database, DatabaseUnavailable


def _db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", busy_timeout_ms=200)
    db.create_schema()
    return db


def test_a_write_goes_through_while_a_read_is_open(tmp_path: Path) -> None:
    db, other = _db(tmp_path), Database(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", 200)
    audit = AuditLog(db, "kiosk-1")
    audit.record(SYSTEM, "test.entry", "before")
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 1
        AuditLog(other, "kiosk-2").record(SYSTEM, "test.entry", "meanwhile")  # not locked out
        # the read sees its snapshot, not the write that came after it began
        assert session.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 1
    assert [e.target for e in audit.entries()] == ["meanwhile", "before"]
    assert audit.check().intact
    db.dispose()
    other.dispose()


def test_a_writing_session_still_takes_the_lock(tmp_path: Path) -> None:
    db, other = _db(tmp_path), Database(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", 200)
    with db.session() as session:
        session.execute(text("SELECT 1"))
        with pytest.raises(DatabaseUnavailable, match="locked"):
            AuditLog(other, "kiosk-2").record(SYSTEM, "test.entry")
    db.dispose()
    other.dispose()
