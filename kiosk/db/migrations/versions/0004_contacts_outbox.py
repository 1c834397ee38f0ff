"""after the visit: contacts (encrypted) and consent, do-not-contact, the SMS outbox, survey answers

Revision ID: 0004_contacts_outbox
Revises: 0003_audit_no_replace
Create Date: 2026-12-03 08:37:07.597656
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql import sqltypes

revision: str = "0004_contacts_outbox"
down_revision: str | None = "0003_audit_no_replace"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("locale", sqltypes.AutoString(length=16), nullable=False),
        sa.Column("phone_cipher", sqltypes.AutoString(length=200), nullable=False),
        sa.Column("phone_hash", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("kiosk_id", sqltypes.AutoString(length=32), nullable=False),
        sa.Column("created_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("visit_ended_at", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("purge_after", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("turn_near_sent", sa.Boolean(), nullable=False),
        sa.Column("survey_closed", sa.Boolean(), nullable=False),
        sa.Column("call_attempts", sa.Integer(), nullable=False),
        sa.Column("last_call_at", sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_phone_hash"), ["phone_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_purge_after"), ["purge_after"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "do_not_contact",
        sa.Column("phone_hash", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("source", sqltypes.AutoString(length=16), nullable=False),
        sa.PrimaryKeyConstraint("phone_hash"),
    )
    op.create_table(
        "sms_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sqltypes.AutoString(length=16), nullable=False),
        sa.Column("template", sqltypes.AutoString(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("created_at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("not_before", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("status", sqltypes.AutoString(length=12), nullable=False),
        sa.Column("claimed_by", sqltypes.AutoString(length=40), nullable=True),
        sa.Column("claimed_at", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("sent_at", sqltypes.UTCDateTime(), nullable=True),
        sa.Column("gateway", sqltypes.AutoString(length=16), nullable=True),
        sa.Column("gateway_id", sqltypes.AutoString(length=64), nullable=True),
        sa.Column("body", sqltypes.AutoString(length=1600), nullable=True),
        sa.Column("parts", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("detail", sqltypes.AutoString(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sms_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sms_outbox_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            "ix_sms_outbox_status_not_before", ["status", "not_before"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sms_outbox_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "sms_part",
        sa.Column("gateway_id", sqltypes.AutoString(length=64), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("receipt", sqltypes.AutoString(length=16), nullable=True),
        sa.PrimaryKeyConstraint("gateway_id"),
    )
    with op.batch_alter_table("sms_part", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sms_part_outbox_id"), ["outbox_id"], unique=False)

    op.create_table(
        "survey_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("channel", sqltypes.AutoString(length=8), nullable=False),
        sa.Column("kind", sqltypes.AutoString(length=16), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("comment", sqltypes.AutoString(length=500), nullable=True),
        sa.Column("at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_answer_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("at", sqltypes.UTCDateTime(), nullable=False),
        sa.Column("purposes", sa.JSON(), nullable=False),
        sa.Column("notice_version", sqltypes.AutoString(length=16), nullable=False),
        sa.Column("kiosk_id", sqltypes.AutoString(length=32), nullable=False),
        sa.Column("withdrawn_at", sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_contact_id"), ["contact_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_contact_id"))

    op.drop_table("consent")
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answer_ticket_id"))

    op.drop_table("survey_answer")
    with op.batch_alter_table("sms_part", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sms_part_outbox_id"))

    op.drop_table("sms_part")
    with op.batch_alter_table("sms_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sms_outbox_ticket_id"))
        batch_op.drop_index("ix_sms_outbox_status_not_before")
        batch_op.drop_index(batch_op.f("ix_sms_outbox_contact_id"))

    op.drop_table("sms_outbox")
    op.drop_table("do_not_contact")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_contact_purge_after"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_hash"))

    op.drop_table("contact")
