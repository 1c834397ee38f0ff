"""Each business day's dashboard figures for a run of days, counted by the database
in a few grouped statements (the day rollup's source, :mod:`kiosk.reports.rollup`).

The queue in one statement: each ticket of the run worked out once (a materialised
CTE: its first call, wait, service time, target, local hour), then counted by (day,
service), its waits and service times bucketed by (day, service) at both histogram
resolutions, the waits of served tickets in whole minutes (to judge against the
services' targets when read), and its arrivals by (day, local hour). The kiosk's figures, checklist
counts, failing paths, walk-aways and satisfaction are each grouped by day. Every
figure is the one :mod:`kiosk.reports.queue_figures`, :mod:`kiosk.reports.kiosk_figures`
and :mod:`kiosk.reports.satisfaction` define for a range (a test holds them equal).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    Text,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from kiosk.catalogue.model import GENERAL_ENQUIRY
from kiosk.db.models import Ticket, Visit
from kiosk.db.models_feedback import TicketFollowOn
from kiosk.db.models_reports import VisitExit
from kiosk.reports.kiosk_figures import (
    CHECKLIST_DONE,
    UNKNOWN_SCREEN,
    KioskFigures,
    kiosk_figures,
    missing_elements,
    visit_day,
)
from kiosk.reports.queue_figures import first_calls, in_days
from kiosk.reports.satisfaction import scored
from kiosk.reports.sql import bucket, ceil_minutes, column, local_hour, seconds_between
from kiosk.reports.window import Slice, Window
from kiosk.ticket import TicketStatus


class Days:
    """What :func:`count_days` found, day by day (only days with something in them)."""

    def __init__(self) -> None:
        self.counts: dict[date, dict[str, list[int]]] = {}
        self.wait: dict[date, dict[str, dict[int, dict[int, int]]]] = {}
        self.service_time: dict[date, dict[str, dict[int, dict[int, int]]]] = {}
        self.wait_minutes: dict[date, dict[str, dict[int, int]]] = {}
        """Served tickets by wait in minutes rounded up, per day and service."""
        self.hours: dict[date, dict[int, int]] = {}
        self.kiosk: dict[date, KioskFigures] = {}
        self.bases: dict[date, dict[str, int]] = {}
        self.misses: dict[date, dict[tuple[str, str], int]] = {}
        self.paths: dict[date, dict[tuple[str, ...], int]] = {}
        self.abandoned: dict[date, dict[str, int]] = {}
        self.csat: dict[date, tuple[int, int, int, int]] = {}


def count_days(session: Session, window: Window, today: date) -> Days:
    found = Days()
    _queue(session, window, today, found)
    found.kiosk = {
        _as_date(day): figures for day, figures in kiosk_figures(session, window, Slice.DAY).items()
    }
    for segment_window, day in _visit_days(window):
        _visits(session, segment_window, day, found)
    _csat(session, window, found)
    return found


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


# -- the queue ---------------------------------------------------------------------------
_COUNT, _HOUR = 0, 1
#: part → (duration column, resolution); waits are parts 2, 3 and service times 4, 5.
_HISTOGRAMS = {2: ("w10", 10), 3: ("w60", 60), 4: ("s10", 10), 5: ("s60", 60)}
#: Served tickets by their wait in whole minutes rounded up (judged against a target
#: when the days are read, so that a new target needs no count again).
_TARGET = 6


def _queue(session: Session, window: Window, today: date, found: Days) -> None:
    t = _per_ticket(window, today).c
    none_service, none_slot = cast(null(), String), cast(null(), Integer)
    zero = literal(0, Integer)
    parts = [
        select(literal(_COUNT, Integer), t.day, t.service, none_slot, func.count(),
               func.sum(t.called), func.sum(t.done), func.sum(t.no_show), func.sum(t.walk),
               func.sum(t.transfers), func.sum(t.unfinished), zero,
               func.sum(t.follow_on)).group_by(t.day, t.service),
        select(literal(_HOUR, Integer), t.day, none_service, t.hour, func.count(),
               *([zero] * 8)).group_by(t.day, t.hour),
    ]  # fmt: skip
    slots = {part: name for part, (name, _res) in _HISTOGRAMS.items()} | {_TARGET: "minutes"}
    for part, name in slots.items():
        slot = t[name]
        parts.append(
            select(literal(part, Integer), t.day, t.service, slot, func.count(), *([zero] * 8))
            .where(slot.is_not(None))
            .group_by(t.day, t.service, slot)
        )
    for part, raw_day, service, slot, n, *counts in session.execute(union_all(*parts)).all():
        day = _as_date(raw_day)
        if part == _COUNT:
            values = [int(n), *(int(v or 0) for v in counts)]
            found.counts.setdefault(day, {})[str(service)] = values
        elif part == _HOUR:
            found.hours.setdefault(day, {})[int(slot)] = int(n)
        elif part == _TARGET:
            found.wait_minutes.setdefault(day, {}).setdefault(str(service), {})[int(slot)] = int(n)
        else:
            name, res = _HISTOGRAMS[part]
            into = found.wait if name.startswith("w") else found.service_time
            per_res = into.setdefault(day, {}).setdefault(str(service), {})
            per_res.setdefault(res, {})[max(int(slot), 0)] = int(n)


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


def _per_ticket(window: Window, today: date) -> Any:
    """One row per ticket of the range with what the counts need, worked out once."""
    firsts = first_calls(window.first, window.last)
    first_called = func.coalesce(firsts.c.first_called, column(Ticket.called_at))
    status, day = column(Ticket.status), column(Ticket.business_day)
    done = status == TicketStatus.DONE
    wait = seconds_between(column(Ticket.issued_at), first_called)
    open_states = (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD)
    served = and_(done, column(Ticket.started_at).is_not(None))
    service_time = seconds_between(column(Ticket.started_at), column(Ticket.finished_at))

    def flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return case((condition, 1), else_=0)

    called = first_called.is_not(None)
    return (
        select(
            day.label("day"),
            column(Ticket.service_slug).label("service"),
            flag(called).label("called"),
            flag(done).label("done"),
            flag(status == TicketStatus.NO_SHOW).label("no_show"),
            flag(and_(status == TicketStatus.WAITING, day < today)).label("walk"),
            func.coalesce(firsts.c.transfers, 0).label("transfers"),
            flag(and_(status.in_(open_states), day < today)).label("unfinished"),
            case((done, ceil_minutes(wait))).label("minutes"),
            flag(column(TicketFollowOn.ticket_id).is_not(None)).label("follow_on"),
            case((called, bucket(wait, 10))).label("w10"),
            case((called, bucket(wait, 60))).label("w60"),
            case((served, bucket(service_time, 10))).label("s10"),
            case((served, bucket(service_time, 60))).label("s60"),
            _local_hour(window).label("hour"),
        )
        .select_from(Ticket)
        .outerjoin(firsts, firsts.c.ticket_id == column(Ticket.id))
        .outerjoin(TicketFollowOn, column(TicketFollowOn.ticket_id) == column(Ticket.id))
        .where(in_days(window.first, window.last))
        .cte("per_ticket")
        .prefix_with("MATERIALIZED")
    )


# -- the kiosk's visits ------------------------------------------------------------------
def _visit_days(window: Window) -> list[tuple[Window, ColumnElement[Any]]]:
    """Per stretch of one UTC offset: its window and a visit's business day in it."""
    return [
        (
            Window(s.first, s.last, window.zone, window.reset_hour),
            visit_day(s.offset_seconds, window.reset_hour),
        )
        for s in window.segments()
    ]


def _visits(session: Session, window: Window, day: ColumnElement[Any], found: Days) -> None:
    start, end = window.bounds()
    started = and_(column(Visit.started_at) >= start, column(Visit.started_at) < end)
    checked = and_(
        started,
        column(Visit.outcome).in_(CHECKLIST_DONE),
        column(Visit.service_slug).is_not(None),
    )
    service = column(Visit.service_slug)
    for d, s, n in session.execute(
        select(day, service, func.count()).where(checked).group_by(day, service)
    ).all():
        found.bases.setdefault(_as_date(d), {})[str(s)] = int(n)
    elements = missing_elements(session)
    material = elements.c.value
    for d, s, m, n in session.execute(
        select(day, service, material, func.count())
        .select_from(Visit)
        .join(elements, true())
        .where(checked)
        .group_by(day, service, material)
    ).all():
        found.misses.setdefault(_as_date(d), {})[(str(s), str(m))] = int(n)
    path = cast(column(Visit.answers), Text)
    for d, p, n in session.execute(
        select(day, path, func.count())
        .where(
            started,
            service == GENERAL_ENQUIRY,
            func.json_array_length(column(Visit.answers)) > 0,
        )
        .group_by(day, path)
    ).all():
        paths = found.paths.setdefault(_as_date(d), {})
        answers = tuple(json.loads(p))
        paths[answers] = paths.get(answers, 0) + int(n)
    screen = func.coalesce(column(VisitExit.screen), UNKNOWN_SCREEN)
    for d, s, n in session.execute(
        select(day, screen, func.count())
        .select_from(Visit)
        .outerjoin(VisitExit, column(VisitExit.visit_id) == column(Visit.id))
        .where(started, column(Visit.outcome) == "abandoned")
        .group_by(day, screen)
    ).all():
        found.abandoned.setdefault(_as_date(d), {})[str(s)] = int(n)


# -- satisfaction ------------------------------------------------------------------------
def _csat(session: Session, window: Window, found: Days) -> None:
    rows = scored(window, None).subquery()
    score = rows.c.score
    for d, asked, answered, total, top in session.execute(
        select(
            rows.c.business_day,
            func.count(),
            func.count(score),
            func.coalesce(func.sum(score), 0),
            func.coalesce(func.sum(case((score >= 4, 1), else_=0)), 0),
        ).group_by(rows.c.business_day)
    ).all():
        found.csat[_as_date(d)] = (int(asked), int(answered), int(total), int(top))
