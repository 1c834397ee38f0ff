"""What the lobby display and consoles read: recent calls, waiting counts, and the
queue events newer than the last one seen.

Events are read by primary-key range. Ids can become visible out of order when
transactions commit out of order (PostgreSQL), so a reader asks again for a short
overlap behind its newest id and drops what it has already seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from kiosk.branch_service import BranchService
from kiosk.clock import business_day_bounds
from kiosk.db.models import CounterRow, QueueEvent, Ticket
from kiosk.ticket import TicketStatus

#: How far behind its newest id a reader looks again for late commits.
OVERLAP = 50
CALL_KINDS = ("called", "recalled")


@dataclass(frozen=True)
class Event:
    id: int
    at: datetime
    kind: str
    ticket_id: int
    code: str
    service_slug: str
    counter: str | None
    counter_name: dict[str, str] = field(default_factory=dict)
    """The counter's name in each language, as a manager set it (empty: none known)."""


def _events(session: Session, rows: Sequence[QueueEvent]) -> list[Event]:
    names = {r.id: dict(r.name or {}) for r in session.exec(select(CounterRow))}
    return [
        Event(
            r.id or 0,
            r.at,
            r.kind,
            r.ticket_id,
            r.code,
            r.service_slug,
            r.counter,
            names.get(r.counter, {}) if r.counter else {},
        )
        for r in rows
    ]


class EventCursor:
    """Remembers what one reader has seen; ``new_events`` returns each event once."""

    def __init__(self, start_after: int = 0) -> None:
        self.newest = start_after
        self._seen: set[int] = set()

    def accept(self, rows: list[Event]) -> list[Event]:
        fresh = [e for e in rows if e.id not in self._seen]
        self._seen.update(e.id for e in fresh)
        if rows:
            self.newest = max(self.newest, max(e.id for e in rows))
        floor = self.newest - OVERLAP
        self._seen = {i for i in self._seen if i > floor}
        return fresh


class Board(BranchService):
    def newest_event_id(self) -> int:
        with self._db.session() as session:
            newest = session.exec(select(func.max(QueueEvent.id))).one()
            return int(newest or 0)

    def new_events(self, cursor: EventCursor) -> list[Event]:
        floor = max(cursor.newest - OVERLAP, 0)
        with self._db.session() as session:
            rows = session.exec(
                select(QueueEvent).where(col(QueueEvent.id) > floor).order_by(col(QueueEvent.id))
            ).all()
            events = _events(session, rows)
        return cursor.accept(events)

    def latest_calls(self, limit: int = 6) -> list[Event]:
        """Today's most recent calls, newest first, one per ticket."""
        business = self._settings.business
        day = self._today()
        start, _ = business_day_bounds(day, business.zone, business.day_reset_hour)
        with self._db.session() as session:
            rows = session.exec(
                select(QueueEvent)
                .where(col(QueueEvent.kind).in_(CALL_KINDS), col(QueueEvent.at) >= start)
                .order_by(col(QueueEvent.id).desc())
                .limit(limit * 4)
            ).all()
            latest: list[QueueEvent] = []
            seen: set[int] = set()
            for r in rows:
                if r.ticket_id in seen:
                    continue
                seen.add(r.ticket_id)
                latest.append(r)
                if len(latest) == limit:
                    break
            return _events(session, latest)

    def waiting_counts(self) -> dict[str, int]:
        day = self._today()
        with self._db.session() as session:
            rows = session.exec(
                select(Ticket.service_slug, func.count())
                .where(Ticket.business_day == day, Ticket.status == TicketStatus.WAITING)
                .group_by(col(Ticket.service_slug))
            ).all()
        return {slug: int(count) for slug, count in rows}
