"""Schema migrations with Alembic.

SQLite (one kiosk) upgrades itself at start. PostgreSQL (a branch) is upgraded on
demand with ``kiosk db upgrade``, so that one machine does it deliberately while
the others wait; until then they refuse to start with a message saying so.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kiosk.db.database import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaOutOfDate(Exception):
    def __init__(self, current: str | None, head: str) -> None:
        self.current, self.head = current, head
        super().__init__(
            f"the database schema is at {current or 'nothing'}, this kiosk needs {head}: "
            "run 'kiosk db upgrade'"
        )


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None  # the project ships at least one revision
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    config = _config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def ensure_current(db: Database) -> None:
    """Upgrade SQLite in place; on PostgreSQL, refuse an out-of-date schema."""
    if db.is_sqlite:
        upgrade(db)
        return
    current, head = current_revision(db), head_revision()
    if current != head:
        raise SchemaOutOfDate(current, head)
