"""Tables. Catalogue texts are JSON objects ``{"en": …, "zh_Hans": …, "zh_Hant": …}``;
every timestamp is timezone-aware UTC (the business day is derived in the branch's zone).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlalchemy import true as sa_true
from sqlmodel import Field, SQLModel

from kiosk.ticket import PrintStatus, Priority, TicketStatus

Texts = dict[str, str]


class ServiceRow(SQLModel, table=True):
    __tablename__ = "service"

    slug: str = Field(primary_key=True, max_length=48)
    position: int = 0
    prefix: str = Field(max_length=2, unique=True)
    category: str = Field(max_length=48)
    name: Texts = Field(sa_column=Column(JSON, nullable=False))
    description: Texts = Field(sa_column=Column(JSON, nullable=False))
    average_minutes: int = 10
    sla_minutes: int = 20
    allow_without_required: bool = True
    active: bool = True
    daily_cap: int | None = None
    paused: bool = False
    pause_reason: Texts | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    pause_alternative: Texts | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class ServiceStepRow(SQLModel, table=True):
    __tablename__ = "service_step"

    id: int | None = Field(default=None, primary_key=True)
    service_slug: str = Field(foreign_key="service.slug", index=True, ondelete="CASCADE")
    position: int
    text: Texts = Field(sa_column=Column(JSON, nullable=False))


class MaterialRow(SQLModel, table=True):
    __tablename__ = "service_material"
    __table_args__ = (UniqueConstraint("service_slug", "material_id"),)

    id: int | None = Field(default=None, primary_key=True)
    service_slug: str = Field(foreign_key="service.slug", index=True, ondelete="CASCADE")
    material_id: str = Field(max_length=48)
    position: int
    text: Texts = Field(sa_column=Column(JSON, nullable=False))
    required: bool = True
    note: Texts | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    if_missing: Texts | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class FollowUpRow(SQLModel, table=True):
    __tablename__ = "service_follow_up"

    id: int | None = Field(default=None, primary_key=True)
    service_slug: str = Field(foreign_key="service.slug", index=True, ondelete="CASCADE")
    position: int
    text: Texts = Field(sa_column=Column(JSON, nullable=False))


class QuestionRow(SQLModel, table=True):
    __tablename__ = "question"

    id: str = Field(primary_key=True, max_length=48)
    position: int = 0
    is_start: bool = False
    text: Texts = Field(sa_column=Column(JSON, nullable=False))


class OptionRow(SQLModel, table=True):
    __tablename__ = "question_option"

    id: str = Field(primary_key=True, max_length=48)
    question_id: str = Field(foreign_key="question.id", index=True, ondelete="CASCADE")
    position: int
    label: Texts = Field(sa_column=Column(JSON, nullable=False))
    hint: Texts | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    next_question: str | None = Field(default=None, max_length=48)
    service_slug: str | None = Field(default=None, max_length=48)


class Visit(SQLModel, table=True):
    """One customer's time at the kiosk, from first touch to ticket (or walking away)."""

    id: int | None = Field(default=None, primary_key=True)
    kiosk_id: str = Field(max_length=32)
    locale: str = Field(max_length=16)
    started_at: datetime
    finished_at: datetime
    answers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    service_slug: str | None = Field(default=None, max_length=48)
    materials_have: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    materials_missing: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    outcome: str = Field(max_length=24)
    """``ticket``, ``list_printed`` (came back later) or ``abandoned``."""


class Ticket(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("business_day", "prefix", "number"),
        Index("ix_ticket_day_service_status", "business_day", "service_slug", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    business_day: date
    service_slug: str = Field(max_length=48)
    prefix: str = Field(max_length=2)
    number: int
    code: str = Field(max_length=8)
    reference: str = Field(max_length=40, unique=True)
    status: TicketStatus = Field(default=TicketStatus.WAITING, max_length=16)
    priority: Priority = Field(default=Priority.NORMAL, max_length=16)
    issued_at: datetime = Field(index=True)
    """Arrival: the queue order. A transfer keeps it, so the customer does not start again."""
    called_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    counter: str | None = Field(default=None, max_length=16)
    staff_id: int | None = None
    recall_count: int = 0
    outcome: str | None = Field(default=None, max_length=32)
    note: str | None = Field(default=None, max_length=500)
    transferred_from: str | None = Field(default=None, max_length=48)
    print_status: PrintStatus = Field(default=PrintStatus.PENDING, max_length=16)
    print_problem: str | None = Field(default=None, max_length=24)
    reprint_count: int = 0


class DailyCounter(SQLModel, table=True):
    """The one place ticket numbers come from: (business day, prefix) → last number."""

    __tablename__ = "daily_counter"

    business_day: date = Field(primary_key=True)
    prefix: str = Field(primary_key=True, max_length=2)
    last_number: int = 0


class Staff(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=8, unique=True)
    """Staff number typed before the PIN, so failures count against one account."""
    name: str = Field(max_length=80)
    role: str = Field(max_length=16)
    """``staff`` or ``manager``."""
    pin_hash: str = Field(max_length=200)
    previous_pin_hash: str | None = Field(default=None, max_length=200)
    active: bool = True
    created_at: datetime
    failures: int = 0
    """Consecutive wrong PINs since the last success or lock."""
    locks: int = 0
    locked_until: datetime | None = None
    window_start: datetime | None = None
    """Start of the current one-hour window of the hourly failure cap."""
    window_failures: int = 0


class AuditEvent(SQLModel, table=True):
    """Append-only: the app has no way to change or delete a row, the database refuses
    UPDATE and DELETE (triggers), and each row carries a hash over its predecessor."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    kiosk_id: str = Field(max_length=32)
    actor_id: int | None = None
    actor_name: str = Field(default="", max_length=80)
    action: str = Field(max_length=40, index=True)
    target: str = Field(default="", max_length=120)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    chain: str = Field(max_length=80)
    """``h1:`` and a 64-digit HMAC (67 characters); a bare SHA-256 (64) on old trails."""


class PinGuardState(SQLModel, table=True):
    """Failed PIN attempts of one PIN pad; kept in the database so a restart keeps the lock."""

    __tablename__ = "pin_guard"

    key: str = Field(primary_key=True, max_length=64)
    failures: int = 0
    """Consecutive wrong PINs since the last success or lock."""
    locks: int = 0
    """Locks so far; each one lasts longer."""
    locked_until: datetime | None = None
    window_start: datetime | None = None
    window_failures: int = 0


class CounterRow(SQLModel, table=True):
    """A service counter: its name, the services it serves (in order of preference),
    whether a manager has it in service, and whether someone is signed in at it."""

    __tablename__ = "counter"

    id: str = Field(primary_key=True, max_length=16)
    """Short, as announced: "3"."""
    position: int = 0
    name: Texts = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    """What the display, the console and the ticket say: "Counter 3", "3号柜台"."""
    services: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    in_service: bool = Field(default=True, sa_column_kwargs={"server_default": sa_true()})
    """False: a manager closed it; nobody can open it and it takes no calls."""
    open: bool = False
    """Someone is signed in at it (with ``staff_id``); not whether it is in service."""
    staff_id: int | None = None
    priority_streak: int = 0
    """Priority tickets called in a row here; bounded by the priority ratio."""


class QueueEvent(SQLModel, table=True):
    """Append-only log of queue changes; displays and consoles read what is newer than
    the last id they saw (an indexed primary-key range, never a whole-table reload)."""

    __tablename__ = "queue_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    kind: str = Field(max_length=16)
    """issued, called, recalled, started, finished, no_show, transferred, held, resumed, cancelled."""
    ticket_id: int = Field(index=True)
    code: str = Field(max_length=8)
    service_slug: str = Field(max_length=48)
    counter: str | None = Field(default=None, max_length=16)


class BranchState(SQLModel, table=True):
    """Small shared values, e.g. the catalogue version every kiosk watches."""

    __tablename__ = "branch_state"

    key: str = Field(primary_key=True, max_length=48)
    value: int = 0


class BranchSetting(SQLModel, table=True):
    """Operational settings that every kiosk of a branch shares (edited by managers)."""

    __tablename__ = "branch_setting"

    key: str = Field(primary_key=True, max_length=48)
    value: Any = Field(sa_column=Column(JSON, nullable=True))
    updated_at: datetime


class KioskState(SQLModel, table=True):
    """Each machine's last reported health, so staff anywhere see a printer out of paper."""

    __tablename__ = "kiosk_state"

    kiosk_id: str = Field(primary_key=True, max_length=32)
    printer_state: str = Field(default="unknown", max_length=24)
    printer_detail: str | None = Field(default=None, max_length=200)
    updated_at: datetime
