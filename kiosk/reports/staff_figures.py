"""Per staff member over a range: tickets served, median service time, time signed in
at a counter and how much of it was idle, recalls and no-shows, each with the count it
rests on, beside the branch's median over all staff members who worked in the range.

Busy time is from a ticket's call to its finish or no-show, for the tickets the staff
member called last; idle time is signed-in time minus busy time (never below zero).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlmodel import Session

from kiosk.db.models import Staff, Ticket
from kiosk.db.models_reports import CounterSession
from kiosk.reports.queue_figures import QueueFigures, queue_figures
from kiosk.reports.sql import column, seconds_between
from kiosk.reports.window import Slice, Window
from kiosk.ticket import TicketStatus


@dataclass(frozen=True)
class StaffFigures:
    staff_id: int
    name: str
    served: int
    service_median_seconds: float | None
    service_base: int
    """Finished tickets with a start: what the median rests on."""
    called: int
    no_shows: int
    recalls: int
    signed_in_seconds: float
    idle_seconds: float

    @property
    def no_show_percent(self) -> float | None:
        return None if self.called == 0 else 100.0 * self.no_shows / self.called


@dataclass(frozen=True)
class BranchMedians:
    """The median of each figure over the staff members in the report."""

    served: float | None
    service_median_seconds: float | None
    no_shows: float | None
    recalls: float | None
    idle_seconds: float | None
    staff_count: int


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def signed_in_seconds(session: Session, window: Window, now: datetime) -> dict[int, float]:
    """Per staff id: seconds signed in at any counter inside the range (a session still
    open counts up to ``now``)."""
    start, end = window.bounds()
    end = min(end, now)
    rows = session.execute(
        select(
            column(CounterSession.staff_id),
            column(CounterSession.opened_at),
            column(CounterSession.closed_at),
        ).where(
            column(CounterSession.staff_id).is_not(None),
            column(CounterSession.opened_at) < end,
            or_(
                column(CounterSession.closed_at).is_(None),
                column(CounterSession.closed_at) > start,
            ),
        )
    ).all()
    totals: dict[int, float] = {}
    for staff_id, opened, closed in rows:
        seconds = (min(closed or end, end) - max(opened, start)).total_seconds()
        totals[int(staff_id)] = totals.get(int(staff_id), 0.0) + max(seconds, 0.0)
    return totals


def _busy_and_recalls(session: Session, window: Window) -> dict[int, tuple[float, int]]:
    ended = column(Ticket.status).in_((TicketStatus.DONE, TicketStatus.NO_SHOW))
    busy = seconds_between(column(Ticket.called_at), column(Ticket.finished_at))
    rows = session.execute(
        select(
            column(Ticket.staff_id),
            func.coalesce(func.sum(case((ended, busy), else_=0.0)), 0.0),
            func.coalesce(func.sum(column(Ticket.recall_count)), 0),
        )
        .where(
            and_(
                column(Ticket.business_day) >= window.first,
                column(Ticket.business_day) <= window.last,
                column(Ticket.staff_id).is_not(None),
            )
        )
        .group_by(column(Ticket.staff_id))
    ).all()
    return {int(s): (float(round(b or 0)), int(r or 0)) for s, b, r in rows}  # whole seconds


def staff_figures(
    session: Session, window: Window, today: date, now: datetime
) -> dict[int, StaffFigures]:
    """Everyone who called a ticket or signed in at a counter in the range."""
    queue = queue_figures(session, window, Slice.STAFF, today)
    signed = signed_in_seconds(session, window, now)
    busy = _busy_and_recalls(session, window)
    ids = sorted({k for k in queue if isinstance(k, int)} | set(signed))
    names = dict(
        session.execute(
            select(column(Staff.id), column(Staff.name)).where(column(Staff.id).in_(ids))
        ).all()
    )
    result: dict[int, StaffFigures] = {}
    for staff_id in ids:
        q = queue.get(staff_id, QueueFigures())
        busy_seconds, recalls = busy.get(staff_id, (0.0, 0))
        signed_in = signed.get(staff_id, 0.0)
        result[staff_id] = StaffFigures(
            staff_id=staff_id,
            name=str(names.get(staff_id, f"#{staff_id}")),
            served=q.served,
            service_median_seconds=q.service_time.median,
            service_base=q.service_time.count,
            called=q.called,
            no_shows=q.no_shows,
            recalls=recalls,
            signed_in_seconds=signed_in,
            idle_seconds=max(signed_in - busy_seconds, 0.0),
        )
    return result


def branch_medians(figures: dict[int, StaffFigures]) -> BranchMedians:
    rows = list(figures.values())
    return BranchMedians(
        served=_median([float(r.served) for r in rows]),
        service_median_seconds=_median(
            [r.service_median_seconds for r in rows if r.service_median_seconds is not None]
        ),
        no_shows=_median([float(r.no_shows) for r in rows]),
        recalls=_median([float(r.recalls) for r in rows]),
        idle_seconds=_median([r.idle_seconds for r in rows if r.signed_in_seconds > 0]),
        staff_count=len(rows),
    )
