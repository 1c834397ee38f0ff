"""Database-level guards: the audit trail refuses UPDATE and DELETE on every backend,
and on SQLite also ``INSERT OR REPLACE`` over an existing entry (SQLite's REPLACE
deletes the old row without firing DELETE triggers; PostgreSQL's ``ON CONFLICT DO
UPDATE`` fires the UPDATE trigger)."""

from __future__ import annotations

from sqlalchemy import DDL, event
from sqlalchemy.sql.ddl import ExecutableDDLElement

from kiosk.db.models import AuditEvent

NO_REPLACE_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_replace BEFORE INSERT ON audit_event "
    "WHEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
)
APPEND_ONLY_SQLITE = [
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    NO_REPLACE_SQLITE,
]
APPEND_ONLY_POSTGRESQL = [
    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
]


def dialect_ddl(statement: str, dialect: str) -> ExecutableDDLElement:
    element: ExecutableDDLElement = DDL(statement)  # type: ignore[no-untyped-call]  # DDL() is unannotated
    return element.execute_if(dialect=dialect)


_table = AuditEvent.__table__  # type: ignore[attr-defined]  # SQLModel sets it
for _statement in APPEND_ONLY_SQLITE:
    event.listen(_table, "after_create", dialect_ddl(_statement, "sqlite"))
for _statement in APPEND_ONLY_POSTGRESQL:
    event.listen(_table, "after_create", dialect_ddl(_statement, "postgresql"))
