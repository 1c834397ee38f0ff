"""Monthly archives of the visit records, as written and verified (see
:mod:`kiosk.archive`), and the indexes the monthly reports and the archive read by.

The retention purge deletes a month only when this table holds a verified
archive of it whose visit count is the month's count today.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from kiosk.db.models import Ticket, Visit


class ArchiveRecord(SQLModel, table=True):
    """One archive file of one business month."""

    __tablename__ = "archive_record"

    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(max_length=7, index=True)
    """``YYYY-MM``: business days of that month in the branch's zone."""
    file_name: str = Field(max_length=200)
    sha256: str = Field(max_length=64, unique=True)
    """Of the whole file, as written."""
    visits: int
    """Visits archived: the purge compares it with the month's count."""
    counts: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    """Rows per member, e.g. ``{"visits": 1200, "tickets": 1100, …}``."""
    schema_revision: str = Field(max_length=64)
    audit_head: int | None = None
    """Id of the newest audit entry when the archive was written."""
    created_at: datetime
    verified_at: datetime | None = None
    """Last time the file was read back and every checksum matched."""


_visit: Any = Visit.__table__  # type: ignore[attr-defined]  # SQLModel sets it
_ticket: Any = Ticket.__table__  # type: ignore[attr-defined]

#: Reports over a year of traffic slice visits and tickets by business day, service,
#: counter and staff member; each ticket index also holds the status and moments those
#: reports aggregate (covering: SQLite answers from the index alone). The archive and
#: the purge select visits by time.
REPORTING_INDEXES = (
    Index("ix_visit_started_at", _visit.c.started_at),
    # the kiosk's rolling average service time: a service's newest finished tickets,
    # read at every ticket issued (without it, every ticket read the whole history)
    Index(
        "ix_ticket_service_done",
        _ticket.c.service_slug,
        _ticket.c.status,
        _ticket.c.finished_at,
        _ticket.c.started_at,
    ),
    Index("ix_visit_finished_at", _visit.c.finished_at),
    Index(
        "ix_ticket_report",
        _ticket.c.business_day,
        _ticket.c.service_slug,
        _ticket.c.status,
        _ticket.c.issued_at,
        _ticket.c.called_at,
        _ticket.c.started_at,
        _ticket.c.finished_at,
    ),
    Index(
        "ix_ticket_day_counter",
        _ticket.c.business_day,
        _ticket.c.counter,
        _ticket.c.status,
        _ticket.c.started_at,
        _ticket.c.finished_at,
    ),
    Index(
        "ix_ticket_day_staff",
        _ticket.c.business_day,
        _ticket.c.staff_id,
        _ticket.c.status,
        _ticket.c.called_at,
        _ticket.c.started_at,
        _ticket.c.finished_at,
    ),
)
