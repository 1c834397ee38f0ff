"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlmodel import SQLModel

from kiosk.access import SYSTEM
from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.db.database import Database
from kiosk.db.migrate import (
    HEAD,
    SchemaOutOfDate,
    current_revision,
    ensure_current,
    head_revision,
    upgrade,
)
from kiosk.settings import settings_from_mapping

from ..postgres import postgres_url

__all__ = ["postgres_url"]


def _differences(db: Database) -> list[object]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))


def test_sqlite_upgrades_itself_at_start(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    db = open_database(settings)
    assert current_revision(db) == head_revision()
    assert _differences(db) == []
    _assert_append_only(db)


def _assert_append_only(db: Database) -> None:
    AuditLog(db, "kiosk-1").record(SYSTEM, "test.entry")
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(text("DELETE FROM audit_event"))
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(text("UPDATE audit_event SET action = 'x'"))


@pytest.mark.postgres
def test_postgresql_is_upgraded_on_demand(postgres_url: str) -> None:
    db = Database(postgres_url)
    try:
        with pytest.raises(SchemaOutOfDate, match="kiosk db upgrade"):
            ensure_current(db)
        upgrade(db)
        ensure_current(db)
        assert _differences(db) == []
        _assert_append_only(db)
    finally:
        db.dispose()


def test_the_head_constant_is_the_newest_script() -> None:
    """Start-up compares the stored revision with HEAD instead of reading the scripts."""
    assert head_revision() == HEAD


def test_a_current_sqlite_schema_is_not_migrated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    open_database(settings).dispose()
    calls: list[object] = []
    monkeypatch.setattr("kiosk.db.migrate.upgrade", lambda *args: calls.append(args))
    db = open_database(settings)
    try:
        assert current_revision(db) == HEAD
        assert calls == []
    finally:
        db.dispose()
