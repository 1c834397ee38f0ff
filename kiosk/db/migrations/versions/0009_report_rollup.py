"""report rollup: each closed business day's dashboard figures, kept, and the change
counts (kept up by triggers) that tell when a kept day is out of date; ratings found
by ticket

Revision ID: 0009_report_rollup
Revises: 0008_hardening
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

from kiosk.db.rollup_triggers import drop_statements, postgresql_statements, sqlite_statements

revision: str = "0009_report_rollup"
down_revision: str | None = "0008_hardening"
branch_labels: str | None = None
depends_on: str | None = None

#: The source tables the rollup counted at this revision (later ones add their own).
SOURCES = (
    "ticket",
    "visit",
    "queue_event",
    "visit_rating",
    "survey_answer",
    "visit_exit",
    "ticket_follow_on",
)


def upgrade() -> None:
    op.create_table(
        "report_change",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "report_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("utc_first", sa.Date(), nullable=False),
        sa.Column("utc_last", sa.Date(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("fine", sa.JSON(), nullable=False),
        sa.Column("coarse", sa.JSON(), nullable=False),
        sa.Column("computed_at", sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_index("ix_visit_rating_ticket_id", "visit_rating", ["ticket_id"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in sqlite_statements(SOURCES) if sqlite else postgresql_statements(SOURCES):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name, SOURCES):
        op.execute(statement)
    op.drop_index("ix_visit_rating_ticket_id", table_name="visit_rating")
    op.drop_table("report_day")
    op.drop_table("report_change")
