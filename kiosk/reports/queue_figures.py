"""Queue figures per slice, counted by the database: arrivals, calls, served, no-shows,
walk-aways, transfers, the service level, and histograms of waits and service times.

A ticket counts on its business day. Its wait runs from issue to its *first* call
(a transfer puts the ticket back in a queue and clears ``called_at``; the queue
events keep the first call); its service time from the last start to the finish
(the part at the counter that finished it). Transfers are counted from the queue
events, so a ticket transferred twice counts two transfers and one arrival.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    and_,
    case,
    func,
    select,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from kiosk.db.models import QueueEvent, ServiceRow, Ticket
from kiosk.db.models_feedback import TicketFollowOn
from kiosk.reports.sql import bucket, column, local_hour, seconds_between, weekday
from kiosk.reports.stats import Distribution, percent
from kiosk.reports.window import Segment, Slice, Window
from kiosk.ticket import TicketStatus

#: A service no longer in the catalogue is judged against this target (minutes).
DEFAULT_SLA_MINUTES = 20
#: Durations are counted to 10 s up to a quarter, to the minute over longer ranges
#: (a year's trend needs no seconds, and counting to the second costs a row per ticket).
QUARTER_DAYS = 92

Key = Hashable


@dataclass(frozen=True)
class QueueFigures:
    arrivals: int = 0
    called: int = 0
    served: int = 0
    no_shows: int = 0
    walk_aways: int = 0
    transfers: int = 0
    unfinished: int = 0
    """Called but neither finished nor a no-show when its business day closed."""
    within_sla: int = 0
    follow_ons: int = 0
    """Tickets issued at a counter for a customer's next need ("anything else?")."""
    wait: Distribution = field(default_factory=Distribution)
    service_time: Distribution = field(default_factory=Distribution)

    @property
    def no_show_percent(self) -> float | None:
        return percent(self.no_shows, self.called)

    @property
    def service_level_percent(self) -> float | None:
        return percent(self.within_sla, self.served)

    def merged(self, other: QueueFigures) -> QueueFigures:
        return QueueFigures(
            arrivals=self.arrivals + other.arrivals,
            called=self.called + other.called,
            served=self.served + other.served,
            no_shows=self.no_shows + other.no_shows,
            walk_aways=self.walk_aways + other.walk_aways,
            transfers=self.transfers + other.transfers,
            unfinished=self.unfinished + other.unfinished,
            within_sla=self.within_sla + other.within_sla,
            follow_ons=self.follow_ons + other.follow_ons,
            wait=self.wait.merged(other.wait),
            service_time=self.service_time.merged(other.service_time),
        )


COUNTS = (
    "arrivals",
    "called",
    "served",
    "no_shows",
    "walk_aways",
    "transfers",
    "unfinished",
    "within_sla",
    "follow_ons",
)


def resolution_for(window: Window) -> int:
    """Seconds per histogram bucket: 10 up to a quarter, 60 beyond (medians are shown
    in minutes with one decimal: 6 s)."""
    return 10 if len(window.days()) <= QUARTER_DAYS else 60


def _key(slice_: Slice, segment: Segment) -> ColumnElement[Any] | None:
    match slice_:
        case Slice.TOTAL:
            return None
        case Slice.DAY:
            return column(Ticket.business_day)
        case Slice.HOUR:
            return local_hour(column(Ticket.issued_at), segment.offset_seconds)
        case Slice.WEEKDAY:
            return weekday(column(Ticket.business_day))
        case Slice.SERVICE:
            return column(Ticket.service_slug)
        case Slice.COUNTER:
            return column(Ticket.counter)
        case Slice.STAFF:
            return column(Ticket.staff_id)


def _segments(window: Window, slice_: Slice) -> list[Segment]:
    if slice_ is Slice.HOUR:
        return window.segments()
    return [Segment(window.first, window.last, 0)]


def in_days(first: date, last: date) -> ColumnElement[bool]:
    return and_(column(Ticket.business_day) >= first, column(Ticket.business_day) <= last)


def first_calls(first: date, last: date) -> Any:
    """Per transferred ticket: its first call and how many transfers it had."""
    transferred = select(column(Ticket.id)).where(
        in_days(first, last), column(Ticket.transferred_from).is_not(None)
    )
    return (
        select(
            column(QueueEvent.ticket_id).label("ticket_id"),
            func.min(case((column(QueueEvent.kind) == "called", column(QueueEvent.at)))).label(
                "first_called"
            ),
            func.sum(case((column(QueueEvent.kind) == "transferred", 1), else_=0)).label(
                "transfers"
            ),
        )
        .where(
            column(QueueEvent.ticket_id).in_(transferred),
            column(QueueEvent.kind).in_(("called", "transferred")),
        )
        .group_by(column(QueueEvent.ticket_id))
        .subquery()
    )


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def queue_figures(
    session: Session, window: Window, slice_: Slice, today: date
) -> dict[Key, QueueFigures]:
    """Figures per key of ``slice_`` (``{None: …}`` for :attr:`Slice.TOTAL`). Keys with
    no ticket are absent; :func:`with_empty_keys` adds them."""
    result: dict[Key, QueueFigures] = {}
    resolution = resolution_for(window)
    for segment in _segments(window, slice_):
        part = _Pass(session, segment, today)
        key = _key(slice_, segment)
        figures = {
            k[0] if k else None: f for k, f in part.counts([] if key is None else [key]).items()
        }
        _attach(figures, part.histograms(key, resolution))
        for k, f in figures.items():
            result[k] = result[k].merged(f) if k in result else f
    return result


def _attach(
    figures: dict[Key, QueueFigures], histograms: dict[Key, tuple[Distribution, Distribution]]
) -> None:
    for k, (wait, service_time) in histograms.items():
        figures[k] = replace(figures.get(k, QueueFigures()), wait=wait, service_time=service_time)


class _Pass:
    """The expressions one segment's queries share: the first call (from the queue events
    for a transferred ticket), the wait, the service time and the target."""

    def __init__(self, session: Session, segment: Segment, today: date) -> None:
        self.session, self.segment, self.today = session, segment, today
        self.firsts = first_calls(segment.first, segment.last)
        self.first_called = func.coalesce(self.firsts.c.first_called, column(Ticket.called_at))
        self.wait = seconds_between(column(Ticket.issued_at), self.first_called)
        self.service_time = seconds_between(column(Ticket.started_at), column(Ticket.finished_at))

    def _base(self, keys: Sequence[ColumnElement[Any]], *columns: Any) -> Any:
        return (
            select(*keys, *columns)
            .select_from(Ticket)
            .outerjoin(self.firsts, self.firsts.c.ticket_id == column(Ticket.id))
            .outerjoin(ServiceRow, column(ServiceRow.slug) == column(Ticket.service_slug))
            .outerjoin(TicketFollowOn, column(TicketFollowOn.ticket_id) == column(Ticket.id))
            .where(in_days(self.segment.first, self.segment.last))
        )

    def counts(self, keys: Sequence[ColumnElement[Any]]) -> dict[tuple[Any, ...], QueueFigures]:
        status, today = column(Ticket.status), self.today
        done = status == TicketStatus.DONE
        sla = func.coalesce(column(ServiceRow.sla_minutes), DEFAULT_SLA_MINUTES) * 60
        open_states = (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD)
        query = self._base(
            keys,
            func.count(),
            _count(self.first_called.is_not(None)),
            _count(done),
            _count(status == TicketStatus.NO_SHOW),
            _count(and_(status == TicketStatus.WAITING, column(Ticket.business_day) < today)),
            func.coalesce(func.sum(self.firsts.c.transfers), 0),
            _count(and_(status.in_(open_states), column(Ticket.business_day) < today)),
            _count(and_(done, self.wait <= sla)),
            _count(column(TicketFollowOn.ticket_id).is_not(None)),
        )
        if keys:
            query = query.group_by(*keys)
        figures: dict[tuple[Any, ...], QueueFigures] = {}
        for row in self.session.execute(query).all():
            values = [int(v or 0) for v in row[len(keys) :]]
            if values[0]:  # TOTAL over an empty range still returns one row of zeros
                counts = dict(zip(COUNTS, values, strict=True))
                figures[tuple(row[: len(keys)])] = QueueFigures(**counts)  # type: ignore[arg-type]
        return figures

    def histograms(
        self, key: ColumnElement[Any] | None, resolution: int
    ) -> dict[Key, tuple[Distribution, Distribution]]:
        """Per key: the waits and the service times, counted per bucket."""
        done = column(Ticket.status) == TicketStatus.DONE
        found: dict[Key, list[dict[int, int]]] = {}
        keys = [] if key is None else [key]
        for index, (seconds, condition) in enumerate(
            (
                (self.wait, self.first_called.is_not(None)),
                (self.service_time, and_(done, column(Ticket.started_at).is_not(None))),
            )
        ):
            slot = bucket(seconds, resolution)
            query = self._base(keys, slot, func.count()).where(condition).group_by(*keys, slot)
            for row in self.session.execute(query).all():
                k = row[0] if key is not None else None
                slot_value, n = row[-2], row[-1]
                found.setdefault(k, [{}, {}])[index][max(int(slot_value), 0)] = int(n)
        return {
            k: (Distribution(w, resolution), Distribution(t, resolution))
            for k, (w, t) in found.items()
        }


def with_empty_keys(
    figures: dict[Key, QueueFigures], keys: Sequence[Key]
) -> dict[Key, QueueFigures]:
    """Every key in ``keys`` order (zeros where nothing happened), then any others."""
    ordered = {k: figures.get(k, QueueFigures()) for k in keys}
    ordered.update({k: v for k, v in figures.items() if k not in ordered})
    return ordered


def arrivals_by_weekday_hour(session: Session, window: Window) -> dict[tuple[int, int], int]:
    """Tickets issued per (weekday of the business day, local hour): the staffing map."""
    result: dict[tuple[int, int], int] = {}
    for segment in window.segments():
        hour = local_hour(column(Ticket.issued_at), segment.offset_seconds)
        day = weekday(column(Ticket.business_day))
        rows = session.execute(
            select(day, hour, func.count())
            .where(in_days(segment.first, segment.last))
            .group_by(day, hour)
        ).all()
        for d, h, n in rows:
            result[(int(d), int(h))] = result.get((int(d), int(h)), 0) + int(n)
    return result
