"""Tables of the after-visit loop: ratings given at the kiosk, complaint cases and each
change to them, and follow-on tickets issued at a counter ("anything else?").

Rows point at tickets with ``ON DELETE`` rules, so the retention purge of visits and
tickets is never blocked: a rating or a case outlives its ticket (the ticket's code is
copied), a follow-on link goes with its ticket.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel


def _ticket_ref(ondelete: str, nullable: bool = True) -> Column[int]:
    return Column(Integer, ForeignKey("ticket.id", ondelete=ondelete), nullable=nullable)


class VisitRating(SQLModel, table=True):
    """One customer's rating of one ticket (1–5 and the reasons that applied)."""

    __tablename__ = "visit_rating"
    __table_args__ = (Index("ix_visit_rating_ticket_id", "ticket_id"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_reference: str = Field(max_length=40, unique=True)
    """The ticket's opaque reference: one rating per ticket, also after the ticket is purged."""
    ticket_id: int | None = Field(default=None, sa_column=_ticket_ref("SET NULL"))
    ticket_code: str = Field(max_length=8)
    business_day: date
    service_slug: str = Field(max_length=48)
    staff_id: int | None = None
    """Who served the ticket (for the per-staff satisfaction figures)."""
    score: int
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    rated_at: datetime
    kiosk_id: str = Field(max_length=32)
    case_id: int | None = None
    """The complaint case a low score opened."""


class ComplaintCase(SQLModel, table=True):
    __tablename__ = "complaint_case"
    __table_args__ = (Index("ix_complaint_case_state_opened", "state", "opened_at"),)

    id: int | None = Field(default=None, primary_key=True)
    opened_at: datetime
    source: str = Field(max_length=16)
    """kiosk, survey, counter or kiosk_rating (:class:`kiosk.complaints.CaseSource`)."""
    category: str = Field(max_length=24)
    summary: str = Field(max_length=1000)
    """What happened, as told (no personal data is asked for)."""
    ticket_id: int | None = Field(default=None, sa_column=_ticket_ref("SET NULL"))
    ticket_code: str | None = Field(default=None, max_length=8)
    staff_id: int | None = None
    """The staff member involved, if any."""
    opened_by_id: int | None = None
    state: str = Field(default="open", max_length=16)
    manager_id: int | None = None
    """The responsible manager."""
    acknowledge_due: datetime
    resolve_due: datetime
    """Targets fixed when the case opens, from the branch settings then in force."""
    acknowledged_at: datetime | None = None
    closed_at: datetime | None = None
    """Resolved or rejected."""
    resolution: str | None = Field(default=None, max_length=1000)
    """How it was resolved, or the explanation given with a rejection."""


class ComplaintChange(SQLModel, table=True):
    """Append-only history of a case: each change with who, when and a note."""

    __tablename__ = "complaint_change"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="complaint_case.id", index=True)
    at: datetime
    actor_id: int | None = None
    actor_name: str = Field(default="", max_length=80)
    kind: str = Field(max_length=16)
    """opened, state, assigned or note."""
    from_state: str | None = Field(default=None, max_length=16)
    to_state: str | None = Field(default=None, max_length=16)
    manager_id: int | None = None
    note: str = Field(default="", max_length=1000)


class TicketFollowOn(SQLModel, table=True):
    """A ticket issued at a counter for the same customer's next need."""

    __tablename__ = "ticket_follow_on"

    ticket_id: int = Field(
        sa_column=Column(Integer, ForeignKey("ticket.id", ondelete="CASCADE"), primary_key=True)
    )
    follow_on_of: int = Field(
        sa_column=Column(
            Integer, ForeignKey("ticket.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    counter: str = Field(max_length=16)
    """Where the first need was served."""
    issued_by_id: int | None = None
