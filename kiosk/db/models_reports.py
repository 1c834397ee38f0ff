"""Tables the reports need beyond the queue's: where a kiosk visit was abandoned, when
staff were signed in at a counter, and managers' assessment notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

# Visits by arrival time: ``ix_visit_started_at`` in kiosk.db.models_archive.


class VisitExit(SQLModel, table=True):
    """The screen a customer left the kiosk on without a ticket (walked away)."""

    __tablename__ = "visit_exit"

    visit_id: int = Field(primary_key=True, foreign_key="visit.id", ondelete="CASCADE")
    screen: str = Field(max_length=32)


class CounterSession(SQLModel, table=True):
    """A staff member signed in at a counter, from opening it to closing it."""

    __tablename__ = "counter_session"
    __table_args__ = (Index("ix_counter_session_staff_opened", "staff_id", "opened_at"),)

    id: int | None = Field(default=None, primary_key=True)
    counter: str = Field(max_length=16)
    staff_id: int | None = None
    opened_at: datetime
    closed_at: datetime | None = None
    """None while still signed in."""


class AssessmentNote(SQLModel, table=True):
    """A manager's assessment of one staff member over a period (kept; every write audited)."""

    __tablename__ = "assessment_note"
    __table_args__ = (Index("ix_assessment_note_staff_period", "staff_id", "period_start"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id")
    period_start: date
    period_end: date
    strengths: str = Field(default="", max_length=2000)
    advice: str = Field(default="", max_length=2000)
    """Improvement advice."""
    recognition: str = Field(default="", max_length=2000)
    author_id: int | None = None
    author_name: str = Field(default="", max_length=80)
    written_at: datetime
