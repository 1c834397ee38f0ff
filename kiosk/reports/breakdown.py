"""The dashboard's view of the queue in one statement: each ticket of the range worked
out once (a materialised CTE: its first call, wait, service time, target, local hour),
then counted by (day, service) and bucketed per service, per day and per hour. The
same figures as :func:`kiosk.reports.queue_figures.queue_figures` gives slice by slice
(a test holds them equal), for about half the time."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from kiosk.db.models import ServiceRow, Ticket
from kiosk.reports.queue_figures import (
    COUNTS,
    DEFAULT_SLA_MINUTES,
    Key,
    QueueFigures,
    first_calls,
    in_days,
    resolution_for,
)
from kiosk.reports.sql import bucket, column, local_hour, seconds_between
from kiosk.reports.stats import Distribution
from kiosk.reports.window import Window
from kiosk.ticket import TicketStatus


@dataclass(frozen=True)
class Breakdown:
    """The dashboard's three views of the queue, from one pass over the range's tickets."""

    total: QueueFigures
    by_service: dict[Key, QueueFigures]
    by_day: dict[Key, QueueFigures]
    heat_map: dict[tuple[int, int], int] = field(default_factory=dict)
    """Arrivals per (weekday of the business day, local hour)."""


def breakdown(session: Session, window: Window, today: date) -> Breakdown:
    """Totals, per service and per business day in one statement: each ticket's figures
    are worked out once (a materialised CTE), then counted by (day, service) and
    bucketed per service and per day; the total is the services' sum."""
    res = resolution_for(window)
    t = _per_ticket(window, today, res).c
    none_day, none_service = cast(null(), Date), cast(null(), String)
    none_slot = cast(null(), Integer)
    zero = literal(0, Integer)
    parts = [
        select(literal(0, Integer), t.day, t.service, none_slot, func.count(), func.sum(t.called),
               func.sum(t.done), func.sum(t.no_show), func.sum(t.walk), func.sum(t.transfers),
               func.sum(t.unfinished), func.sum(t.within)).group_by(t.day, t.service),
    ]  # fmt: skip
    for part, (slot, per_day) in enumerate(
        ((t.w, False), (t.w, True), (t.s, False), (t.s, True), (t.hour, True)), start=1
    ):
        day, service = (t.day, none_service) if per_day else (none_day, t.service)
        parts.append(
            select(literal(part, Integer), day, service, slot, func.count(),
                   *([zero] * 7)).where(slot.is_not(None)).group_by(day, service, slot)
        )  # fmt: skip
    total = QueueFigures()
    by_service: dict[Key, QueueFigures] = {}
    by_day: dict[Key, QueueFigures] = {}
    slots: dict[tuple[int, Key], dict[int, int]] = {}
    heat: dict[tuple[int, int], int] = {}
    for part, day, service, slot, n, *counts in session.execute(union_all(*parts)).all():
        if part == HOUR_PART:
            cell = (day.weekday(), int(slot))
            heat[cell] = heat.get(cell, 0) + int(n)
        elif part == 0:
            values = dict(zip(COUNTS, [int(n), *(int(v or 0) for v in counts)], strict=True))
            f = QueueFigures(**values)  # type: ignore[arg-type]
            total = total.merged(f)
            by_service[service] = by_service[service].merged(f) if service in by_service else f
            by_day[day] = by_day[day].merged(f) if day in by_day else f
        else:
            key = day if part in (2, 4) else service
            slots.setdefault((part, key), {})[max(int(slot), 0)] = int(n)
    for (part, key), counted in slots.items():
        figures = by_day if part in (2, 4) else by_service
        histogram = Distribution(counted, res)
        current = figures.get(key, QueueFigures())
        if part in (1, 2):
            figures[key] = replace(current, wait=histogram)
        else:
            figures[key] = replace(current, service_time=histogram)
    wait, service_time = Distribution(resolution=res), Distribution(resolution=res)
    for f in by_service.values():
        wait, service_time = wait.merged(f.wait), service_time.merged(f.service_time)
    total = replace(total, wait=wait, service_time=service_time)
    return Breakdown(total, by_service, by_day, heat)


#: The part of the breakdown's statement that counts arrivals per (day, local hour).
HOUR_PART = 5


def _local_hour(window: Window) -> ColumnElement[int]:
    """The ticket's local hour of issue, with each segment's offset from UTC."""
    segments = window.segments()
    issued = column(Ticket.issued_at)
    if len(segments) == 1:
        return local_hour(issued, segments[0].offset_seconds)
    whens = [
        (column(Ticket.business_day) <= seg.last, local_hour(issued, seg.offset_seconds))
        for seg in segments[:-1]
    ]
    return case(*whens, else_=local_hour(issued, segments[-1].offset_seconds))


def _per_ticket(window: Window, today: date, res: int) -> Any:
    """One row per ticket of the range with what the counts need, worked out once."""
    firsts = first_calls(window.first, window.last)
    first_called = func.coalesce(firsts.c.first_called, column(Ticket.called_at))
    status, day = column(Ticket.status), column(Ticket.business_day)
    done = status == TicketStatus.DONE
    wait = seconds_between(column(Ticket.issued_at), first_called)
    sla = func.coalesce(column(ServiceRow.sla_minutes), DEFAULT_SLA_MINUTES) * 60
    open_states = (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD)
    served = and_(done, column(Ticket.started_at).is_not(None))
    service_time = seconds_between(column(Ticket.started_at), column(Ticket.finished_at))

    def flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return case((condition, 1), else_=0)

    return (
        select(
            day.label("day"),
            column(Ticket.service_slug).label("service"),
            flag(first_called.is_not(None)).label("called"),
            flag(done).label("done"),
            flag(status == TicketStatus.NO_SHOW).label("no_show"),
            flag(and_(status == TicketStatus.WAITING, day < today)).label("walk"),
            func.coalesce(firsts.c.transfers, 0).label("transfers"),
            flag(and_(status.in_(open_states), day < today)).label("unfinished"),
            flag(and_(done, wait <= sla)).label("within"),
            bucket(wait, res).label("w"),
            case((served, bucket(service_time, res))).label("s"),
            _local_hour(window).label("hour"),
        )
        .select_from(Ticket)
        .outerjoin(firsts, firsts.c.ticket_id == column(Ticket.id))
        .outerjoin(ServiceRow, column(ServiceRow.slug) == column(Ticket.service_slug))
        .where(in_days(window.first, window.last))
        .cte("per_ticket")
        .prefix_with("MATERIALIZED")
    )
