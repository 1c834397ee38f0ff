"""after the visit: kiosk ratings, complaint cases and their changes, follow-on tickets

Revision ID: 0005_feedback_complaints
Revises: 0004_contacts_outbox
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0005_feedback_complaints"
down_revision: str | None = "0004_contacts_outbox"
branch_labels: str | None = None
depends_on: str | None = None


def _text(length: int) -> sqltypes.AutoString:
    return sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "complaint_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("source", _text(16), nullable=False),
        sa.Column("category", _text(24), nullable=False),
        sa.Column("summary", _text(1000), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_code", _text(8), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("state", _text(16), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("acknowledge_due", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("resolve_due", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("closed_at", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("resolution", _text(1000), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["ticket.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_complaint_case_state_opened", "complaint_case", ["state", "opened_at"], unique=False
    )
    op.create_table(
        "ticket_follow_on",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("follow_on_of", sa.Integer(), nullable=False),
        sa.Column("counter", _text(16), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["follow_on_of"], ["ticket.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ticket_id"], ["ticket.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("ticket_id"),
    )
    op.create_index(
        "ix_ticket_follow_on_follow_on_of", "ticket_follow_on", ["follow_on_of"], unique=False
    )
    op.create_table(
        "visit_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_reference", _text(40), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_code", _text(8), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("service_slug", _text(48), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("rated_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("kiosk_id", _text(32), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["ticket.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_reference"),
    )
    op.create_table(
        "complaint_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", _text(80), nullable=False),
        sa.Column("kind", _text(16), nullable=False),
        sa.Column("from_state", _text(16), nullable=True),
        sa.Column("to_state", _text(16), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("note", _text(1000), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["complaint_case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_complaint_change_case_id", "complaint_change", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_complaint_change_case_id", table_name="complaint_change")
    op.drop_table("complaint_change")
    op.drop_table("visit_rating")
    op.drop_index("ix_ticket_follow_on_follow_on_of", table_name="ticket_follow_on")
    op.drop_table("ticket_follow_on")
    op.drop_index("ix_complaint_case_state_opened", table_name="complaint_case")
    op.drop_table("complaint_case")
