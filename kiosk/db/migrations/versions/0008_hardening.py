"""audit_burst: refused attempts counted between their audit entries

Revision ID: 0008_hardening
Revises: 0007_archive
Create Date: 2026-12-03 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

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


def downgrade() -> None:
    op.drop_table("audit_burst")
