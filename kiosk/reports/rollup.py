"""The day rollup: a closed business day's dashboard figures, worked out once, kept in
``report_day`` and merged for any range, so that a year's dashboard reads 365 small
rows instead of a year of tickets.

A day's figures are everything the dashboard counts, in a form that adds up across
days: the queue counts and both histogram resolutions per service, arrivals per
hour, the kiosk's counts, checklist bases and misses per (service, material), every
failing answer path, walk-aways per screen and the satisfaction counts. Complaints
are not kept: they are few, and whether one is overdue changes with the clock.

A kept day is used only while it is current (:mod:`kiosk.db.models_rollup`): the
change counts of its UTC dates have not moved since it was read, and it was written
in this module's :data:`FORMAT`. The service level is judged when read, from the
waits in whole minutes, so a new target in the catalogue needs no day counted again. Any other
day of the range (today, a day that changed, one never kept) is worked out from the
tickets again, and a closed one is kept for next time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from kiosk.db.models_rollup import ReportChange, ReportDay
from kiosk.reports.days import count_days
from kiosk.reports.kiosk_figures import (
    FailurePath,
    KioskFigures,
    MaterialMiss,
    material_misses,
    most_first,
    top_paths,
)
from kiosk.reports.queue_figures import (
    COUNTS,
    DEFAULT_SLA_MINUTES,
    QUARTER_DAYS,
    Key,
    QueueFigures,
)
from kiosk.reports.sql import column
from kiosk.reports.stats import Distribution
from kiosk.reports.window import Window

#: Bumped whenever :class:`DayFigures` or how it is counted changes: kept days of
#: another format are worked out again.
FORMAT = 3
FINE, COARSE = 10, 60
"""The two histogram resolutions (s) of :func:`kiosk.reports.queue_figures.resolution_for`."""
#: Days counted in one pass when several are not kept (a quarter: a few hundred
#: thousand rows of histogram at most).
RUN_DAYS = 92
#: A business day ends just before its end bound.
_SPAN_SLACK = timedelta(microseconds=1)


@dataclass(frozen=True)
class ServiceDay:
    """One service's queue on one day: the counts of :data:`COUNTS` (but the service
    level, judged against the target when read), and the waits and service times at
    both resolutions."""

    counts: tuple[int, ...]
    wait: Mapping[int, Mapping[int, int]]
    service_time: Mapping[int, Mapping[int, int]]
    wait_minutes: Mapping[int, int] = field(default_factory=dict)
    """Served tickets by their wait in minutes, rounded up."""

    def figures(self, resolution: int, sla_minutes: int) -> QueueFigures:
        values = dict(zip(COUNTS, self.counts, strict=True))
        values["within_sla"] = sum(n for m, n in self.wait_minutes.items() if m <= sla_minutes)
        return QueueFigures(
            **values,
            wait=Distribution(dict(self.wait.get(resolution, {})), resolution),
            service_time=Distribution(dict(self.service_time.get(resolution, {})), resolution),
        )


@dataclass(frozen=True)
class DayFigures:
    services: dict[str, ServiceDay] = field(default_factory=dict)
    hours: dict[int, int] = field(default_factory=dict)
    """Arrivals per local hour."""
    kiosk: KioskFigures = field(default_factory=KioskFigures)
    bases: dict[str, int] = field(default_factory=dict)
    misses: dict[tuple[str, str], int] = field(default_factory=dict)
    paths: dict[tuple[str, ...], int] = field(default_factory=dict)
    abandoned: dict[str, int] = field(default_factory=dict)
    csat: tuple[int, int, int, int] = (0, 0, 0, 0)
    """Visits asked, scores given, their sum, scores of 4–5."""

    def to_json(self) -> dict[str, Any]:
        def histogram(by_res: Mapping[int, Mapping[int, int]]) -> dict[str, dict[str, int]]:
            return {str(r): {str(b): n for b, n in h.items()} for r, h in by_res.items()}

        return {
            "services": {
                slug: {
                    "counts": list(s.counts),
                    "wait": histogram(s.wait),
                    "service_time": histogram(s.service_time),
                    "wait_minutes": {str(m): n for m, n in s.wait_minutes.items()},
                }
                for slug, s in self.services.items()
            },
            "hours": {str(h): n for h, n in self.hours.items()},
            "kiosk": [getattr(self.kiosk, f) for f in KioskFigures.__dataclass_fields__],
            "bases": dict(self.bases),
            "misses": [[s, m, n] for (s, m), n in self.misses.items()],
            "paths": [[list(p), n] for p, n in self.paths.items()],
            "abandoned": dict(self.abandoned),
            "csat": list(self.csat),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DayFigures:
        def histogram(by_res: Mapping[str, Mapping[str, int]]) -> dict[int, dict[int, int]]:
            return {int(r): {int(b): int(n) for b, n in h.items()} for r, h in by_res.items()}

        return cls(
            services={
                slug: ServiceDay(
                    tuple(int(n) for n in s["counts"]),
                    histogram(s["wait"]),
                    histogram(s["service_time"]),
                    {int(m): int(n) for m, n in s["wait_minutes"].items()},
                )
                for slug, s in data["services"].items()
            },
            hours={int(h): int(n) for h, n in data["hours"].items()},
            kiosk=KioskFigures(*(int(n) for n in data["kiosk"])),
            bases={str(s): int(n) for s, n in data["bases"].items()},
            misses={(str(s), str(m)): int(n) for s, m, n in data["misses"]},
            paths={tuple(p): int(n) for p, n in data["paths"]},
            abandoned={str(s): int(n) for s, n in data["abandoned"].items()},
            csat=tuple(int(n) for n in data["csat"]),  # type: ignore[arg-type]
        )


def days_figures(session: Session, window: Window, today: date) -> dict[date, DayFigures]:
    """Each day of ``window``'s figures, from the tickets and visits (a day with nothing
    in it has none)."""
    found = count_days(session, window, today)
    days: set[date] = set().union(
        found.counts, found.hours, found.kiosk, found.bases, found.misses, found.paths,
        found.abandoned, found.csat,
    )  # fmt: skip
    return {
        day: DayFigures(
            services={
                slug: ServiceDay(
                    tuple(counts),
                    found.wait.get(day, {}).get(slug, {}),
                    found.service_time.get(day, {}).get(slug, {}),
                    found.wait_minutes.get(day, {}).get(slug, {}),
                )
                for slug, counts in found.counts.get(day, {}).items()
            },
            hours=found.hours.get(day, {}),
            kiosk=found.kiosk.get(day, KioskFigures()),
            bases=found.bases.get(day, {}),
            misses=found.misses.get(day, {}),
            paths=found.paths.get(day, {}),
            abandoned=found.abandoned.get(day, {}),
            csat=found.csat.get(day, (0, 0, 0, 0)),
        )
        for day in sorted(days)
    }


@dataclass(frozen=True)
class Merged:
    """A range's figures from its days (what the dashboard shows of the queue and
    the kiosk)."""

    total: QueueFigures
    by_service: dict[Key, QueueFigures]
    by_day: dict[Key, QueueFigures]
    heat_map: dict[tuple[int, int], int]
    kiosk: KioskFigures
    missing: list[MaterialMiss]
    failure_paths: list[FailurePath]
    abandoned: dict[str, int]
    csat: tuple[int, int, int, int]


def merged(
    days: Mapping[date, DayFigures], window: Window, sla_minutes: Mapping[str, int]
) -> Merged:
    """The range's figures from its days' (a day with no entry had no traffic), each
    service judged against its target (``sla_minutes``; the default for one no longer
    in the catalogue)."""
    res = FINE if len(window.days()) <= QUARTER_DAYS else COARSE
    by_service: dict[Key, QueueFigures] = {}
    by_day: dict[Key, QueueFigures] = {}
    heat: dict[tuple[int, int], int] = {}
    kiosk = KioskFigures()
    bases: dict[str, int] = {}
    misses: dict[tuple[str, str], int] = {}
    paths: dict[tuple[str, ...], int] = {}
    abandoned: dict[str, int] = {}
    csat = (0, 0, 0, 0)
    for day in sorted(days):
        figures = days[day]
        day_total: QueueFigures | None = None
        for slug, service in figures.services.items():
            f = service.figures(res, sla_minutes.get(slug, DEFAULT_SLA_MINUTES))
            by_service[slug] = by_service[slug].merged(f) if slug in by_service else f
            day_total = f if day_total is None else day_total.merged(f)
        if day_total is not None:
            by_day[day] = day_total
        weekday = day.weekday()
        _add(heat, {(weekday, h): n for h, n in figures.hours.items()})
        kiosk = kiosk.merged(figures.kiosk)
        _add(bases, figures.bases)
        _add(misses, figures.misses)
        _add(paths, figures.paths)
        _add(abandoned, figures.abandoned)
        csat = tuple(a + b for a, b in zip(csat, figures.csat, strict=True))  # type: ignore[assignment]
    total = QueueFigures()
    wait, service_time = Distribution(resolution=res), Distribution(resolution=res)
    for f in by_service.values():
        total = total.merged(replace(f, wait=Distribution(), service_time=Distribution()))
        wait, service_time = wait.merged(f.wait), service_time.merged(f.service_time)
    return Merged(
        total=replace(total, wait=wait, service_time=service_time),
        by_service=by_service,
        by_day=by_day,
        heat_map=heat,
        kiosk=kiosk,
        missing=material_misses(bases, misses),
        failure_paths=top_paths(paths),
        abandoned=most_first(abandoned),
        csat=csat,
    )


def _add(into: dict[Any, int], more: Mapping[Any, int]) -> None:
    for key, n in more.items():
        into[key] = into.get(key, 0) + n


# -- keeping days ------------------------------------------------------------------------
@dataclass(frozen=True)
class Fresh:
    """A closed day worked out again, to be kept."""

    day: date
    utc_first: date
    utc_last: date
    changes: int
    figures: DayFigures


def utc_span(window: Window, day: date) -> tuple[date, date]:
    """The UTC dates that the business day ``day`` spans."""
    start, end = Window(day, day, window.zone, window.reset_hour).bounds()
    return start.date(), (end - _SPAN_SLACK).date()


def _changes(session: Session, first: date, last: date) -> int:
    counted = session.execute(
        select(func.coalesce(func.sum(column(ReportChange.changes)), 0)).where(
            column(ReportChange.day) >= first, column(ReportChange.day) <= last
        )
    ).scalar_one()
    return int(counted)


def _kept(session: Session, window: Window) -> dict[date, DayFigures]:
    """The range's kept days that are still current."""
    change = (
        select(func.coalesce(func.sum(column(ReportChange.changes)), 0))
        .where(
            column(ReportChange.day) >= column(ReportDay.utc_first),
            column(ReportChange.day) <= column(ReportDay.utc_last),
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(column(ReportDay.day), column(ReportDay.figures)).where(
            column(ReportDay.day) >= window.first,
            column(ReportDay.day) <= window.last,
            column(ReportDay.format) == FORMAT,
            column(ReportDay.changes) == change,
        )
    ).all()
    return {day: DayFigures.from_json(figures) for day, figures in rows}


def range_figures(
    session: Session, window: Window, today: date
) -> tuple[dict[date, DayFigures], list[Fresh]]:
    """Every day of the range up to today (kept where current, else worked out), and
    the closed days that were worked out, to keep with :func:`keep`."""
    kept = _kept(session, window)
    wanted = [d for d in window.days() if d not in kept and d <= today]
    days = dict(kept)
    fresh: list[Fresh] = []
    for run in _runs(wanted):
        spans = {day: utc_span(window, day) for day in run}
        # the change counts before the figures: a change after this is seen next time
        changes = {day: _changes(session, *span) for day, span in spans.items()}
        part = Window(run[0], run[-1], window.zone, window.reset_hour)
        counted = days_figures(session, part, today)
        for day in run:
            days[day] = counted.get(day, DayFigures())
            if day < today:
                fresh.append(Fresh(day, *spans[day], changes[day], days[day]))
    return days, fresh


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive days in runs of at most :data:`RUN_DAYS`."""
    runs: list[list[date]] = []
    for day in days:
        if runs and runs[-1][-1] == day - timedelta(days=1) and len(runs[-1]) < RUN_DAYS:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def keep(session: Session, fresh: Iterable[Fresh], now: datetime) -> int:
    """Keep worked-out days (replacing what was kept of them); how many."""
    rows = [
        {
            "day": f.day,
            "utc_first": f.utc_first,
            "utc_last": f.utc_last,
            "changes": f.changes,
            "format": FORMAT,
            "figures": f.figures.to_json(),
            "computed_at": now,
        }
        for f in fresh
    ]
    if not rows:
        return 0
    table = ReportDay.__table__  # type: ignore[attr-defined]  # SQLModel sets it
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    statement = insert(table)
    updated = {name: statement.excluded[name] for name in rows[0] if name != "day"}
    session.execute(statement.on_conflict_do_update(index_elements=["day"], set_=updated), rows)
    return len(rows)


def touch(session: Session, first: date, last: date) -> None:
    """Count a change on every UTC date from ``first`` to ``last``: for writers that
    bypass the triggers (a bulk fill on PostgreSQL)."""
    dates = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if not dates:
        return
    table = ReportChange.__table__  # type: ignore[attr-defined]  # SQLModel sets it
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    statement = insert(table)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["day"], set_={"changes": table.c.changes + 1}
        ),
        [{"day": d, "changes": 1} for d in dates],
    )
