"""counters: a name in each language and whether a manager has the counter in service

Revision ID: 0002_counters
Revises: 0001
Create Date: 2026-12-02 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_counters"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("counter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(
            sa.Column("in_service", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("counter", schema=None) as batch_op:
        batch_op.drop_column("in_service")
        batch_op.drop_column("name")
