"""Tables of the after-visit loop: a customer's phone number (encrypted) and consent,
the do-not-contact list, the SMS outbox with its parts, and survey answers.

No column holds a phone number in plain text: ``contact.phone_cipher`` is AES-GCM
under the contacts' key (a file outside the database) and ``phone_hash`` an HMAC
of the E.164 number under a key derived from the same file (see
:mod:`kiosk.contact_key`). Survey answers keep the ticket, not the contact, so
they outlive the contact's purge without pointing at a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel


class ContactRow(SQLModel, table=True):
    """A phone number a customer gave at the kiosk for one ticket."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(index=True)
    """The ticket it was given for (no foreign key: contacts are purged on their own
    schedule, before the visit records)."""
    locale: str = Field(max_length=16)
    """The language the customer used: every text to them is in it."""
    phone_cipher: str = Field(max_length=200)
    """base64 of nonce + AES-GCM ciphertext of the E.164 number."""
    phone_hash: str = Field(max_length=64, index=True)
    """HMAC-SHA-256 of the E.164 number: replies and the do-not-contact list match on it."""
    kiosk_id: str = Field(max_length=32)
    created_at: datetime
    visit_ended_at: datetime | None = None
    purge_after: datetime = Field(index=True)
    """The retention period runs from the visit's end (from the opt-in until then)."""
    turn_near_sent: bool = False
    survey_closed: bool = False
    """An answer (score, comment, declined, STOP) is in; the call list skips it."""
    call_attempts: int = 0
    last_call_at: datetime | None = None


class ConsentRow(SQLModel, table=True):
    """What the customer agreed to, when, under which notice, at which kiosk."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    at: datetime
    purposes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """``turn_near`` and/or ``survey``: separate choices."""
    notice_version: str = Field(max_length=16)
    kiosk_id: str = Field(max_length=32)
    withdrawn_at: datetime | None = None


class DoNotContactRow(SQLModel, table=True):
    """A number (by its keyed hash) that is never texted or called again."""

    __tablename__ = "do_not_contact"

    phone_hash: str = Field(primary_key=True, max_length=64)
    at: datetime
    source: str = Field(max_length=16)
    """``sms`` (a STOP reply), ``staff`` or ``phone`` (said on a survey call)."""


class OutboxRow(SQLModel, table=True):
    """One text to send, written in the transaction of the event that causes it."""

    __tablename__ = "sms_outbox"
    __table_args__ = (Index("ix_sms_outbox_status_not_before", "status", "not_before"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int | None = Field(default=None, index=True)
    ticket_id: int | None = Field(default=None, index=True)
    purpose: str = Field(max_length=16)
    """``turn_near``, ``survey`` or another purpose the customer consented to."""
    template: str = Field(max_length=40)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime
    not_before: datetime
    status: str = Field(default="queued", max_length=12)
    """queued → sending → sent → delivered | failed; ``unknown`` when a relay stopped
    between submitting and the gateway's answer; ``dropped`` when it may not go out."""
    claimed_by: str | None = Field(default=None, max_length=40)
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    gateway: str | None = Field(default=None, max_length=16)
    gateway_id: str | None = Field(default=None, max_length=64)
    body: str | None = Field(default=None, max_length=1600)
    """The text as sent (never the number)."""
    parts: int = 0
    attempts: int = 0
    detail: str | None = Field(default=None, max_length=200)


class OutboxPartRow(SQLModel, table=True):
    """The gateway's id of each part of a sent text, to match delivery receipts."""

    __tablename__ = "sms_part"

    gateway_id: str = Field(primary_key=True, max_length=64)
    outbox_id: int = Field(index=True)
    receipt: str | None = Field(default=None, max_length=16)


class SurveyAnswerRow(SQLModel, table=True):
    """One answer to the after-visit survey, by text or by phone."""

    __tablename__ = "survey_answer"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(index=True)
    outbox_id: int | None = None
    channel: str = Field(max_length=8)
    """``sms`` or ``phone``."""
    kind: str = Field(max_length=16)
    """score, comment, stop, unreadable, declined, no_answer, do_not_contact."""
    score: int | None = None
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    comment: str | None = Field(default=None, max_length=500)
    at: datetime
    staff_id: int | None = None
