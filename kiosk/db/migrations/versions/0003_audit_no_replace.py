"""audit trail: SQLite refuses INSERT OR REPLACE over an existing entry

Revision ID: 0003_audit_no_replace
Revises: 0002_counters
Create Date: 2026-12-02 16:10:00
"""

from __future__ import annotations

from alembic import op

from kiosk.db.triggers import NO_REPLACE_SQLITE

revision: str = "0003_audit_no_replace"
down_revision: str | None = "0002_counters"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(NO_REPLACE_SQLITE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_replace")
