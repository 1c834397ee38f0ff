"""archive: the monthly archives written and verified, and the reporting indexes

Revision ID: 0007_archive
Revises: 0006_reports
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0007_archive"
down_revision: str | None = "0006_reports"
branch_labels: str | None = None
depends_on: str | None = None

_TICKET_REPORT = (
    "business_day",
    "service_slug",
    "status",
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
)

_TICKET_DONE = ("service_slug", "status", "finished_at", "started_at")
_TICKET_COUNTER = ("business_day", "counter", "status", "started_at", "finished_at")
_TICKET_STAFF = ("business_day", "staff_id", "status", "called_at", "started_at", "finished_at")


def upgrade() -> None:
    op.create_table(
        "archive_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sqltypes.AutoString(length=7), nullable=False),
        sa.Column("file_name", sqltypes.AutoString(length=200), nullable=False),
        sa.Column("sha256", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("schema_revision", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("audit_head", sa.Integer(), nullable=True),
        sa.Column("created_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("verified_at", sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("archive_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_archive_record_month"), ["month"], unique=False)
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_started_at", ["started_at"], unique=False)
        batch_op.create_index("ix_visit_finished_at", ["finished_at"], unique=False)
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_report", list(_TICKET_REPORT), unique=False)
        batch_op.create_index("ix_ticket_service_done", list(_TICKET_DONE), unique=False)
        batch_op.create_index("ix_ticket_day_counter", list(_TICKET_COUNTER), unique=False)
        batch_op.create_index("ix_ticket_day_staff", list(_TICKET_STAFF), unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_day_staff")
        batch_op.drop_index("ix_ticket_day_counter")
        batch_op.drop_index("ix_ticket_service_done")
        batch_op.drop_index("ix_ticket_report")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_finished_at")
        batch_op.drop_index("ix_visit_started_at")
    with op.batch_alter_table("archive_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_archive_record_month"))
    op.drop_table("archive_record")
