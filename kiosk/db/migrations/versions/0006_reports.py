"""reports: the screen an abandoned visit left on, counter sign-in sessions, assessment
notes, and an index on visits' arrival time

Revision ID: 0006_reports
Revises: 0005_feedback_complaints
Create Date: 2026-12-03 09:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0006_reports"
down_revision: str | None = "0005_feedback_complaints"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "visit_exit",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("screen", sqltypes.AutoString(length=32), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("visit_id"),
    )
    op.create_table(
        "counter_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("counter", sqltypes.AutoString(length=16), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closed_at", sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_counter_session_staff_opened", "counter_session", ["staff_id", "opened_at"])
    op.create_table(
        "assessment_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("strengths", sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("advice", sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("recognition", sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sqltypes.AutoString(length=80), nullable=False),
        sa.Column("written_at", sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_assessment_note_staff_period", "assessment_note", ["staff_id", "period_start"]
    )


def downgrade() -> None:
    op.drop_index("ix_assessment_note_staff_period", table_name="assessment_note")
    op.drop_table("assessment_note")
    op.drop_index("ix_counter_session_staff_opened", table_name="counter_session")
    op.drop_table("counter_session")
    op.drop_table("visit_exit")
