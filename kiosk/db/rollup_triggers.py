"""The triggers that count changes for the day rollup (:mod:`kiosk.db.models_rollup`):
every insert, update or delete of a row the reports read bumps ``report_change`` for
the UTC date of its ticket's issue or its visit's start (both the old and the new
date on an update).

On PostgreSQL they are deferred constraint triggers: the bump runs at commit, after
every other lock the transaction takes, so the shared counter row of the day is held
only for the commit and adds no lock-order cycle with the queue's own locks. A bulk
writer may set ``kiosk.bulk`` to ``on`` for its transaction and bump the dates itself
(:func:`kiosk.reports.rollup.touch`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event
from sqlmodel import SQLModel

from kiosk.db import models_rollup  # noqa: F401 - the table the triggers write
from kiosk.db.triggers import dialect_ddl

#: table → (the parent holding the moment, the row's key to it or None, the moment)
SOURCES: dict[str, tuple[str, str | None, str]] = {
    "ticket": ("ticket", None, "issued_at"),
    "visit": ("visit", None, "started_at"),
    "queue_event": ("ticket", "ticket_id", "issued_at"),
    "visit_rating": ("ticket", "ticket_id", "issued_at"),
    "survey_answer": ("ticket", "ticket_id", "issued_at"),
    "visit_exit": ("visit", "visit_id", "started_at"),
    "ticket_follow_on": ("ticket", "ticket_id", "issued_at"),
    # a list counts on the day it was printed: its return changes that day's figures
    "bring_list": ("visit", "visit_id", "started_at"),
}
_UPSERT = "ON CONFLICT (day) DO UPDATE SET changes = report_change.changes + 1"


def _sqlite_bump(row: str, parent: str, key: str | None, moment: str) -> str:
    if key is None:
        return (
            f"INSERT INTO report_change (day, changes) SELECT date({row}.{moment}), 1 "
            f"WHERE {row}.{moment} IS NOT NULL {_UPSERT};"
        )
    return (
        f"INSERT INTO report_change (day, changes) SELECT date(p.{moment}), 1 "
        f"FROM {parent} p WHERE p.id = {row}.{key} {_UPSERT};"
    )


def sqlite_statements(tables: Iterable[str] | None = None) -> list[str]:
    """The triggers of ``tables`` (default: every source table)."""
    statements = []
    for table in SOURCES if tables is None else tables:
        parent, key, moment = SOURCES[table]
        for op, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            body = " ".join(_sqlite_bump(r, parent, key, moment) for r in rows)
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS report_change_{table}_{op.lower()} "
                f"AFTER {op} ON {table} BEGIN {body} END"
            )
    return statements


def _pg_day(row: str, parent: str, key: str | None, moment: str) -> str:
    if key is None:
        return f"({row}.{moment} AT TIME ZONE 'UTC')::date"
    return (
        f"(SELECT (p.{moment} AT TIME ZONE 'UTC')::date FROM {parent} p WHERE p.id = {row}.{key})"
    )


def postgresql_statements(tables: Iterable[str] | None = None) -> list[str]:
    """The bump function and the triggers of ``tables`` (default: every source table)."""
    statements = [
        "CREATE OR REPLACE FUNCTION report_bump(changed date) RETURNS void AS $$ "
        "BEGIN IF changed IS NOT NULL THEN "
        f"INSERT INTO report_change (day, changes) VALUES (changed, 1) {_UPSERT}; "
        "END IF; END; $$ LANGUAGE plpgsql"
    ]
    for table in SOURCES if tables is None else tables:
        parent, key, moment = SOURCES[table]
        old, new = (_pg_day(r, parent, key, moment) for r in ("OLD", "NEW"))
        statements += [
            f"CREATE OR REPLACE FUNCTION report_change_{table}() RETURNS trigger AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN PERFORM report_bump({old}); END IF; "
            f"IF TG_OP <> 'DELETE' THEN PERFORM report_bump({new}); END IF; "
            "RETURN NULL; END; $$ LANGUAGE plpgsql",
            f"DROP TRIGGER IF EXISTS report_change_{table} ON {table}",
            f"CREATE CONSTRAINT TRIGGER report_change_{table} "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "WHEN (current_setting('kiosk.bulk', true) IS DISTINCT FROM 'on') "
            f"EXECUTE FUNCTION report_change_{table}()",
        ]
    return statements


def source_drops(dialect: str, tables: Iterable[str]) -> list[str]:
    """Drop the triggers (and on PostgreSQL their functions) of ``tables``."""
    if dialect == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS report_change_{table}_{op}"
            for table in tables
            for op in ("insert", "update", "delete")
        ]
    return [
        *(f"DROP TRIGGER IF EXISTS report_change_{table} ON {table}" for table in tables),
        *(f"DROP FUNCTION IF EXISTS report_change_{table}()" for table in tables),
    ]


def drop_statements(dialect: str, tables: Iterable[str] = tuple(SOURCES)) -> list[str]:
    """Drop every trigger of ``tables`` and, on PostgreSQL, the bump function."""
    drops = source_drops(dialect, tables)
    return drops if dialect == "sqlite" else [*drops, "DROP FUNCTION IF EXISTS report_bump(date)"]


# after every table exists (the triggers name several)
for _statement in sqlite_statements():
    event.listen(SQLModel.metadata, "after_create", dialect_ddl(_statement, "sqlite"))
for _statement in postgresql_statements():
    event.listen(SQLModel.metadata, "after_create", dialect_ddl(_statement, "postgresql"))
