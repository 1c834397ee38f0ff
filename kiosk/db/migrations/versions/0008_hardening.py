"""audit_burst: refused attempts counted between their audit entries; audit_event.chain
wide enough for a keyed MAC

``h1:`` and 64 hex digits are 67 characters: PostgreSQL refused every keyed entry in
a VARCHAR(64). SQLite does not enforce the length, but its column is rebuilt too (the
schema must match the models); rebuilding the table drops its triggers, which are
made again.

Revision ID: 0008_hardening
Revises: 0007_archive
Create Date: 2026-12-03 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

from kiosk.db.triggers import APPEND_ONLY_SQLITE

revision: str = "0008_hardening"
down_revision: str | None = "0007_archive"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "audit_burst",
        sa.Column("pad", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("action", sqltypes.AutoString(length=40), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("actor_name", sqltypes.AutoString(length=80), nullable=False),
        sa.Column("first_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pad", "action", "actor_id"),
    )
    _chain_length(80)


def downgrade() -> None:
    op.drop_table("audit_burst")
    _chain_length(64)


def _chain_length(length: int) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.alter_column(
            "chain",
            existing_type=sqltypes.AutoString(length=80 if length == 64 else 64),
            type_=sqltypes.AutoString(length=length),
            existing_nullable=False,
        )
    if sqlite:  # the rebuilt table has lost the append-only triggers
        for statement in APPEND_ONLY_SQLITE:
            op.execute(statement)
