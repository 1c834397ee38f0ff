"""Waiting estimates: people ahead, counters open for the service, and a rolling
average service time seeded from the catalogue and updated from finished tickets."""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from kiosk.db.models import CounterRow, Ticket
from kiosk.ticket import TicketStatus

#: How many "virtual" tickets at the catalogue's estimate the average starts from,
#: so one unusually long visit does not swing the estimate on a quiet morning.
PRIOR_WEIGHT = 3


def average_service_minutes(session: Session, slug: str, seed_minutes: int, samples: int) -> float:
    """Blend the catalogue's estimate with the last ``samples`` finished tickets."""
    rows = session.exec(
        select(Ticket.started_at, Ticket.finished_at)
        .where(
            Ticket.service_slug == slug,
            Ticket.status == TicketStatus.DONE,
            col(Ticket.started_at).is_not(None),
            col(Ticket.finished_at).is_not(None),
        )
        .order_by(col(Ticket.finished_at).desc())
        .limit(samples)
    ).all()
    durations = [
        (finished - started).total_seconds() / 60
        for started, finished in rows
        if started is not None and finished is not None
    ]
    return (seed_minutes * PRIOR_WEIGHT + sum(durations)) / (PRIOR_WEIGHT + len(durations))


def open_counters_for(session: Session, slug: str) -> int:
    counters = session.exec(
        select(CounterRow.services).where(col(CounterRow.open), col(CounterRow.in_service))
    ).all()
    return sum(1 for services in counters if slug in services)


def waiting_count(session: Session, day: date, slug: str, ahead_of: Ticket | None = None) -> int:
    """Tickets waiting for ``slug``; with ``ahead_of``, only those that arrived before it."""
    query = (
        select(func.count())
        .select_from(Ticket)
        .where(
            Ticket.business_day == day,
            Ticket.service_slug == slug,
            Ticket.status == TicketStatus.WAITING,
        )
    )
    if ahead_of is not None:
        query = query.where(
            (col(Ticket.issued_at) < ahead_of.issued_at)
            | ((col(Ticket.issued_at) == ahead_of.issued_at) & (col(Ticket.id) < ahead_of.id))
        )
    return int(session.exec(query).one())


def wait_minutes(people_ahead: int, average_minutes: float, open_counters: int) -> int:
    """People ahead shared among the open counters (at least one: someone will open)."""
    if people_ahead <= 0:
        return 0
    return math.ceil(people_ahead * average_minutes / max(open_counters, 1))
