"""``INSERT … ON CONFLICT``: the statement of the database in use, SQLite or PostgreSQL.

SQLAlchemy's generic ``insert`` has no ``ON CONFLICT``; each dialect's has. Only
the dialect a session is bound to is imported: a kiosk on SQLite does not carry
the PostgreSQL dialect and its drivers' modules (~2.3 MiB).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlmodel import Session

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert


def upsert(session: Session, table: Any) -> SqliteInsert | PostgresInsert:
    """An ``INSERT`` into ``table`` that can take ``on_conflict_do_update``."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgres_insert

        return postgres_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
