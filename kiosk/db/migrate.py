"""Schema migrations with Alembic.

SQLite (one kiosk) upgrades itself at start. PostgreSQL (a branch) is upgraded on
demand with ``kiosk db upgrade``, so that one machine does it deliberately while
the others wait; until then they refuse to start with a message saying so.

Alembic (≈15 MiB and ≈0.2 s of imports) is loaded only when a migration runs:
at every other start the stored revision is read with a plain query and
compared with :data:`HEAD` (a test keeps that constant equal to the newest
script's revision).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kiosk.db.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0010_bring_list"
"""The newest revision under ``migrations/versions`` (raise it with each new script)."""
VERSION_TABLE = "alembic_version"


class SchemaOutOfDate(Exception):
    def __init__(self, current: str | None, head: str) -> None:
        self.current, self.head = current, head
        super().__init__(
            f"the database schema is at {current or 'nothing'}, this kiosk needs {head}: "
            "run 'kiosk db upgrade'"
        )


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision, read from the scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None  # the project ships at least one revision
    return head


def current_revision(db: Database) -> str | None:
    """The revision stored in the database (``None``: no schema yet), without Alembic."""
    with db.engine.connect() as connection:
        if not db.engine.dialect.has_table(connection, VERSION_TABLE):
            return None
        try:
            rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
        except DBAPIError:  # the table went away between the two statements
            return None
    if len(rows) != 1:
        return None if not rows else ",".join(sorted(row[0] for row in rows))
    return str(rows[0][0])


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    config = _config()
    with db.engine.begin() as connection:
        db.hold_branch_lock(connection, "kiosk.schema")  # machines upgrading at once take turns
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def ensure_current(db: Database) -> None:
    """Upgrade SQLite in place; on PostgreSQL, refuse an out-of-date schema."""
    current = current_revision(db)
    if current == HEAD:
        return
    if db.is_sqlite:
        upgrade(db)
        return
    raise SchemaOutOfDate(current, HEAD)
