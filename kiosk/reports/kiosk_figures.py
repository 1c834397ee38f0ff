"""Figures of the kiosk itself, counted by the database from the visits: how many came,
how many answered the questionnaire and ended "not sure", which answer paths end at the
general enquiry (where the questionnaire fails), which materials customers came
without, the screens customers walked away from, the bring-lists printed and how
many of them came back (counted on the day the list was printed).

A visit counts in the business day and local hour it started at the kiosk.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Text, and_, case, cast, func, select, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from kiosk.catalogue.model import GENERAL_ENQUIRY
from kiosk.db.models import Ticket, Visit
from kiosk.db.models_bring_list import BringList
from kiosk.db.models_reports import VisitExit
from kiosk.reports.sql import column, local_date, local_hour
from kiosk.reports.stats import percent
from kiosk.reports.window import Segment, Slice, Window

Key = Hashable
#: Outcomes of a visit that went through the whole checklist.
CHECKLIST_DONE = ("ticket", "list_printed")
UNKNOWN_SCREEN = "unknown"


@dataclass(frozen=True)
class KioskFigures:
    visits: int = 0
    questionnaire: int = 0
    """Visits that answered at least one question."""
    not_sure: int = 0
    """Of those, the ones whose answers ended at the general enquiry."""
    abandoned: int = 0
    slips: int = 0
    """Bring-lists printed (the customer left to fetch what was missing)."""
    slips_returned: int = 0
    """Of those, the lists a later visit came back with."""

    @property
    def not_sure_percent(self) -> float | None:
        return percent(self.not_sure, self.questionnaire)

    @property
    def slips_returned_percent(self) -> float | None:
        return percent(self.slips_returned, self.slips)

    def merged(self, other: KioskFigures) -> KioskFigures:
        return KioskFigures(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )


@dataclass(frozen=True)
class MaterialMiss:
    service: str
    material: str
    missing: int
    base: int
    """Visits for the service that went through the checklist."""

    @property
    def percent(self) -> float | None:
        return percent(self.missing, self.base)


@dataclass(frozen=True)
class FailurePath:
    answers: tuple[str, ...]
    visits: int


def _where(segment: Segment, window: Window) -> ColumnElement[bool]:
    part = Window(segment.first, segment.last, window.zone, window.reset_hour)
    start, end = part.bounds()
    return and_(column(Visit.started_at) >= start, column(Visit.started_at) < end)


def _key(slice_: Slice, segment: Segment, reset_hour: int) -> ColumnElement[Any] | None:
    match slice_:
        case Slice.TOTAL:
            return None
        case Slice.DAY | Slice.WEEKDAY:
            return visit_day(segment.offset_seconds, reset_hour)
        case Slice.HOUR:
            return local_hour(column(Visit.started_at), segment.offset_seconds)
        case Slice.SERVICE:
            return column(Visit.service_slug)
        case Slice.COUNTER:
            return column(Ticket.counter)
        case Slice.STAFF:
            return column(Ticket.staff_id)


def visit_day(offset_seconds: int, reset_hour: int) -> ColumnElement[Any]:
    """A visit's business day: the local date of its start, less the reset hour."""
    return local_date(column(Visit.started_at), offset_seconds - reset_hour * 3600)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _day(value: Any) -> Any:
    """A date column's value (SQLite returns the text of a computed date)."""
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value))


def kiosk_figures(session: Session, window: Window, slice_: Slice) -> dict[Key, KioskFigures]:
    result: dict[Key, KioskFigures] = {}
    answered = func.json_array_length(column(Visit.answers)) > 0
    for segment in window.segments():
        key = _key(slice_, segment, window.reset_hour)
        keys = [] if key is None else [key.label("key")]
        query = (
            select(
                *keys,
                func.count(),
                _count(answered),
                _count(and_(answered, column(Visit.service_slug) == GENERAL_ENQUIRY)),
                _count(column(Visit.outcome) == "abandoned"),
                _count(column(Visit.outcome) == "list_printed"),
                _count(column(BringList.returned_at).is_not(None)),
            )
            .select_from(Visit)
            .outerjoin(BringList, column(BringList.visit_id) == column(Visit.id))
            .where(_where(segment, window))
        )
        if slice_ in (Slice.COUNTER, Slice.STAFF):
            query = query.outerjoin(Ticket, column(Ticket.visit_id) == column(Visit.id))
        if key is not None:
            query = query.group_by(key)
        for row in session.execute(query).all():
            k, values = (row[0], row[1:]) if key is not None else (None, row)
            if slice_ is Slice.DAY:
                k = _day(k)
            elif slice_ is Slice.WEEKDAY:
                k = _day(k).weekday()
            figures = KioskFigures(*(int(v or 0) for v in values))
            if figures.visits:
                result[k] = result[k].merged(figures) if k in result else figures
    return result


def material_counts(
    session: Session, window: Window
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Visits per service that went through its checklist, and per (service, material)
    how many of them came without it."""
    start, end = window.bounds()
    in_range = and_(
        column(Visit.started_at) >= start,
        column(Visit.started_at) < end,
        column(Visit.outcome).in_(CHECKLIST_DONE),
        column(Visit.service_slug).is_not(None),
    )
    bases = {
        str(s): int(n)
        for s, n in session.execute(
            select(column(Visit.service_slug), func.count())
            .where(in_range)
            .group_by(column(Visit.service_slug))
        ).all()
    }
    elements = missing_elements(session)
    rows = session.execute(
        select(column(Visit.service_slug), elements.c.value, func.count())
        .select_from(Visit)
        .join(elements, true())
        .where(in_range)
        .group_by(column(Visit.service_slug), elements.c.value)
    ).all()
    return bases, {(str(s), str(m)): int(n) for s, m, n in rows}


def missing_elements(session: Session) -> Any:
    """A visit's missing materials as rows (``.c.value``), to join each visit with."""
    dialect = session.get_bind().dialect.name
    return (
        func.json_each(column(Visit.materials_missing))
        if dialect == "sqlite"
        else func.json_array_elements_text(column(Visit.materials_missing))
    ).table_valued("value")


def material_misses(
    bases: dict[str, int], misses: dict[tuple[str, str], int]
) -> list[MaterialMiss]:
    """The counts of :func:`material_counts` as a list, most often missing first."""
    found = [MaterialMiss(s, m, n, bases.get(s, 0)) for (s, m), n in misses.items()]
    return sorted(found, key=lambda m: (-(m.percent or 0), -m.missing, m.service, m.material))


def missing_materials(session: Session, window: Window) -> list[MaterialMiss]:
    """Per service and material: how many customers came without it, of those who went
    through the service's checklist; most often missing first."""
    return material_misses(*material_counts(session, window))


def failure_paths(session: Session, window: Window, limit: int | None = 10) -> list[FailurePath]:
    """The answer paths that ended at the general enquiry, most frequent first (the
    first ``limit``; None: all)."""
    start, end = window.bounds()
    path = cast(column(Visit.answers), Text)
    rows = session.execute(
        select(path, func.count())
        .where(
            column(Visit.started_at) >= start,
            column(Visit.started_at) < end,
            column(Visit.service_slug) == GENERAL_ENQUIRY,
            func.json_array_length(column(Visit.answers)) > 0,
        )
        .group_by(path)
    ).all()
    counted: dict[tuple[str, ...], int] = {}
    for p, n in rows:
        answers = tuple(json.loads(p))
        counted[answers] = counted.get(answers, 0) + int(n)
    return top_paths(counted, limit)


def top_paths(counted: dict[tuple[str, ...], int], limit: int | None = 10) -> list[FailurePath]:
    paths = [FailurePath(answers, n) for answers, n in counted.items()]
    return sorted(paths, key=lambda p: (-p.visits, p.answers))[:limit]


def abandoned_by_screen(session: Session, window: Window) -> dict[str, int]:
    """Walk-aways from the kiosk per screen, most first (``unknown``: not recorded)."""
    start, end = window.bounds()
    screen = func.coalesce(column(VisitExit.screen), UNKNOWN_SCREEN)
    rows = session.execute(
        select(screen, func.count())
        .select_from(Visit)
        .outerjoin(VisitExit, column(VisitExit.visit_id) == column(Visit.id))
        .where(
            column(Visit.started_at) >= start,
            column(Visit.started_at) < end,
            column(Visit.outcome) == "abandoned",
        )
        .group_by(screen)
    ).all()
    return most_first({str(s): int(n) for s, n in rows})


def most_first(counts: dict[str, int]) -> dict[str, int]:
    """The screens with the most walk-aways first (then by name)."""
    return dict(sorted(counts.items(), key=lambda x: (-x[1], x[0])))
