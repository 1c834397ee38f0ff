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
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from kiosk.db.models_rollup import ReportChange, ReportDay
from kiosk.db.upsert import upsert
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
FORMAT = 2
FINE, COARSE = 10, 60
"""The two histogram resolutions (s) of :func:`kiosk.reports.queue_figures.resolution_for`."""
#: Days counted in one pass when several are not kept (a quarter: a few hundred
#: thousand rows of histogram at most).
RUN_DAYS = 92
#: A business day ends just before its end bound.
_SPAN_SLACK = timedelta(microseconds=1)


Histogram = dict[int, int]
"""Durations counted per bucket (bucket → count)."""


@dataclass(frozen=True)
class ServiceDay:
    """One service's queue on one day: the counts of :data:`COUNTS` (but the service
    level, judged against the target when read: :attr:`wait_minutes`)."""

    counts: tuple[int, ...]
    wait_minutes: Histogram = field(default_factory=dict)
    """Served tickets by their wait in minutes, rounded up."""

    def within(self, sla_minutes: int) -> int:
        return sum(n for m, n in self.wait_minutes.items() if m <= sla_minutes)


@dataclass(frozen=True)
class Histograms:
    """A day's waits and service times at one resolution: per service and the day's."""

    services: dict[str, tuple[Histogram, Histogram]] = field(default_factory=dict)
    day: tuple[Histogram, Histogram] = field(default_factory=lambda: ({}, {}))

    def to_json(self) -> dict[str, Any]:
        return {
            "services": {slug: [_flat(w), _flat(t)] for slug, (w, t) in self.services.items()},
            "day": [_flat(self.day[0]), _flat(self.day[1])],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Histograms:
        return cls(
            {slug: (_unflat(w), _unflat(t)) for slug, (w, t) in data["services"].items()},
            (_unflat(data["day"][0]), _unflat(data["day"][1])),
        )


def _flat(histogram: Histogram) -> list[int]:
    """``[bucket, count, bucket, count, …]``: a short JSON array, read back fast."""
    return [v for item in histogram.items() for v in item]


def _unflat(values: list[int]) -> Histogram:
    return dict(zip(values[::2], values[1::2], strict=True))


@dataclass(frozen=True)
class DayFigures:
    services: dict[str, ServiceDay] = field(default_factory=dict)
    histograms: dict[int, Histograms] = field(default_factory=dict)
    """Per resolution (s); read back, only the one a range needs."""
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
        """Everything but the histograms (:meth:`Histograms.to_json`, kept apart)."""
        return {
            "services": {
                slug: {"counts": list(s.counts), "wait_minutes": _flat(s.wait_minutes)}
                for slug, s in self.services.items()
            },
            "hours": _flat(self.hours),
            "kiosk": [getattr(self.kiosk, f) for f in KioskFigures.__dataclass_fields__],
            "bases": dict(self.bases),
            "misses": [[s, m, n] for (s, m), n in self.misses.items()],
            "paths": [[list(p), n] for p, n in self.paths.items()],
            "abandoned": dict(self.abandoned),
            "csat": list(self.csat),
        }

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], histograms: Mapping[int, Mapping[str, Any]]
    ) -> DayFigures:
        return cls(
            services={
                slug: ServiceDay(tuple(s["counts"]), _unflat(s["wait_minutes"]))
                for slug, s in data["services"].items()
            },
            histograms={res: Histograms.from_json(h) for res, h in histograms.items()},
            hours=_unflat(data["hours"]),
            kiosk=KioskFigures(*data["kiosk"]),
            bases=dict(data["bases"]),
            misses={(s, m): n for s, m, n in data["misses"]},
            paths={tuple(p): n for p, n in data["paths"]},
            abandoned=dict(data["abandoned"]),
            csat=tuple(data["csat"]),
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
                slug: ServiceDay(tuple(counts), found.wait_minutes.get(day, {}).get(slug, {}))
                for slug, counts in found.counts.get(day, {}).items()
            },
            histograms={
                res: _histograms(found.wait.get(day, {}), found.service_time.get(day, {}), res)
                for res in (FINE, COARSE)
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


def _histograms(
    wait: Mapping[str, Mapping[int, Histogram]],
    service_time: Mapping[str, Mapping[int, Histogram]],
    res: int,
) -> Histograms:
    services = {
        slug: (dict(wait.get(slug, {}).get(res, {})), dict(service_time.get(slug, {}).get(res, {})))
        for slug in set(wait) | set(service_time)
    }
    day_wait: Histogram = {}
    day_time: Histogram = {}
    for w, t in services.values():
        _add(day_wait, w)
        _add(day_time, t)
    return Histograms(services, (day_wait, day_time))


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


def resolution_of(window: Window) -> int:
    return FINE if len(window.days()) <= QUARTER_DAYS else COARSE


def merged(
    days: Mapping[date, DayFigures], window: Window, sla_minutes: Mapping[str, int]
) -> Merged:
    """The range's figures from its days' (a day with no entry had no traffic), each
    service judged against its target (``sla_minutes``; the default for one no longer
    in the catalogue). Counts are added as plain numbers and dictionaries, and made
    into figures once at the end."""
    res = resolution_of(window)
    within_at = COUNTS.index("within_sla")
    counts: dict[str, list[int]] = {}
    waits: dict[str, tuple[Histogram, Histogram]] = {}
    by_day: dict[Key, QueueFigures] = {}
    heat: dict[tuple[int, int], int] = {}
    kiosk = KioskFigures()
    bases: dict[str, int] = {}
    misses: dict[tuple[str, str], int] = {}
    paths: dict[tuple[str, ...], int] = {}
    abandoned: dict[str, int] = {}
    csat = [0, 0, 0, 0]
    for day in sorted(days):
        figures = days[day]
        histograms = figures.histograms.get(res, Histograms())
        day_counts = [0] * len(COUNTS)
        for slug, service in figures.services.items():
            these = list(service.counts)
            these[within_at] = service.within(sla_minutes.get(slug, DEFAULT_SLA_MINUTES))
            total = counts.setdefault(slug, [0] * len(COUNTS))
            for i, n in enumerate(these):
                total[i] += n
                day_counts[i] += n
            wait, service_time = histograms.services.get(slug, ({}, {}))
            into = waits.setdefault(slug, ({}, {}))
            _add(into[0], wait)
            _add(into[1], service_time)
        if figures.services:
            by_day[day] = _figures(day_counts, *histograms.day, res)
        weekday = day.weekday()
        _add(heat, {(weekday, h): n for h, n in figures.hours.items()})
        kiosk = kiosk.merged(figures.kiosk)
        _add(bases, figures.bases)
        _add(misses, figures.misses)
        _add(paths, figures.paths)
        _add(abandoned, figures.abandoned)
        csat = [a + b for a, b in zip(csat, figures.csat, strict=True)]
    by_service: dict[Key, QueueFigures] = {
        slug: _figures(c, *waits.get(slug, ({}, {})), res) for slug, c in counts.items()
    }
    all_counts = [sum(c[i] for c in counts.values()) for i in range(len(COUNTS))]
    all_wait: Histogram = {}
    all_time: Histogram = {}
    for wait, service_time in waits.values():
        _add(all_wait, wait)
        _add(all_time, service_time)
    return Merged(
        total=_figures(all_counts, all_wait, all_time, res),
        by_service=by_service,
        by_day=by_day,
        heat_map=heat,
        kiosk=kiosk,
        missing=material_misses(bases, misses),
        failure_paths=top_paths(paths),
        abandoned=most_first(abandoned),
        csat=(csat[0], csat[1], csat[2], csat[3]),
    )


def _figures(counts: list[int], wait: Histogram, service_time: Histogram, res: int) -> QueueFigures:
    values = dict(zip(COUNTS, counts, strict=True))
    return QueueFigures(
        **values,
        wait=Distribution(wait, res),
        service_time=Distribution(service_time, res),
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
    """The range's kept days that are still current, with the histograms it needs."""
    change = (
        select(func.coalesce(func.sum(column(ReportChange.changes)), 0))
        .where(
            column(ReportChange.day) >= column(ReportDay.utc_first),
            column(ReportChange.day) <= column(ReportDay.utc_last),
        )
        .scalar_subquery()
    )
    res = resolution_of(window)
    histograms = column(ReportDay.fine if res == FINE else ReportDay.coarse)
    rows = session.execute(
        select(column(ReportDay.day), column(ReportDay.figures), histograms).where(
            column(ReportDay.day) >= window.first,
            column(ReportDay.day) <= window.last,
            column(ReportDay.format) == FORMAT,
            column(ReportDay.changes) == change,
        )
    ).all()
    return {day: DayFigures.from_json(figures, {res: h}) for day, figures, h in rows}


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
            "fine": f.figures.histograms.get(FINE, Histograms()).to_json(),
            "coarse": f.figures.histograms.get(COARSE, Histograms()).to_json(),
            "computed_at": now,
        }
        for f in fresh
    ]
    if not rows:
        return 0
    table = ReportDay.__table__  # type: ignore[attr-defined]  # SQLModel sets it
    statement = upsert(session, table)
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
    statement = upsert(session, table)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["day"], set_={"changes": table.c.changes + 1}
        ),
        [{"day": d, "changes": 1} for d in dates],
    )
