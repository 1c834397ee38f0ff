"""bring-lists: the return code printed on a list of what to bring, and the visit
that came back with it; counted by the day rollup under the printing visit's date

Revision ID: 0010_bring_list
Revises: 0009_report_rollup
Create Date: 2026-12-03 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

from kiosk.db.rollup_triggers import postgresql_statements, source_drops, sqlite_statements

revision: str = "0010_bring_list"
down_revision: str | None = "0009_report_rollup"
branch_labels: str | None = None
depends_on: str | None = None

TABLE = "bring_list"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("code", sqltypes.AutoString(length=12), nullable=False),
        sa.Column("printed_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("returned_visit_id", sa.Integer(), nullable=True),
        sa.Column("returned_at", sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["returned_visit_id"], ["visit.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("visit_id"),
        sa.UniqueConstraint("code"),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    statements = sqlite_statements((TABLE,)) if sqlite else postgresql_statements((TABLE,))
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    for statement in source_drops(op.get_bind().dialect.name, (TABLE,)):
        op.execute(statement)
    op.drop_table(TABLE)
