"""Migration 0008_hardening on a trail that exists: every keyed entry kept and still
verifying, the append-only triggers back after SQLite's table rebuild, and (PostgreSQL)
room for a keyed MAC, which a VARCHAR(64) refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from kiosk.access import SYSTEM
from kiosk.audit import AuditLog
from kiosk.audit_seal import load_seal
from kiosk.db.database import Database
from kiosk.db.migrate import upgrade

from ..postgres import postgres_url

__all__ = ["postgres_url"]


def _upgraded_with_a_trail(db: Database, tmp_path: Path) -> AuditLog:
    upgrade(db, "0003_audit_no_replace")
    db.audit_seal = load_seal(tmp_path / "audit.key", may_create=True)
    db.mark_ready()
    audit = AuditLog(db, "kiosk-1")
    if db.is_sqlite:  # SQLite does not enforce the old length: a trail can be there
        for n in range(4):
            audit.record(SYSTEM, "test.entry", f"n:{n}")
    upgrade(db)
    return audit


def test_sqlite_keeps_the_trail_and_its_guards(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}")
    audit = _upgraded_with_a_trail(db, tmp_path)
    audit.record(SYSTEM, "test.entry", "after")
    assert [e.target for e in reversed(audit.entries())] == [
        "n:0",
        "n:1",
        "n:2",
        "n:3",
        "after",
    ]
    assert audit.check().intact
    for statement in (
        "UPDATE audit_event SET target = 'x'",
        "DELETE FROM audit_event",
        "INSERT OR REPLACE INTO audit_event (id, at, kiosk_id, actor_name, action, target, "
        "detail, chain) SELECT id, at, kiosk_id, actor_name, action, 'x', detail, chain "
        "FROM audit_event WHERE id = 1",
    ):
        with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
            session.execute(text(statement))
    db.dispose()


@pytest.mark.postgres
def test_postgresql_takes_a_keyed_entry(postgres_url: str, tmp_path: Path) -> None:
    db = Database(postgres_url)
    audit = _upgraded_with_a_trail(db, tmp_path)
    audit.record(SYSTEM, "test.entry", "keyed")
    assert audit.check().intact and len(audit.entries()) == 1
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(text("DELETE FROM audit_event"))
    db.dispose()
