"""SQL building blocks that differ between SQLite and PostgreSQL: the seconds between
two timestamps, a duration rounded into buckets, and a timestamp's local hour or date
at a fixed offset from UTC. Each is one SQL expression, so grouping and counting stay
in the database."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Date, Float, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


def column(attribute: Any) -> ColumnElement[Any]:
    """A model's attribute as a plain SQL column expression (for the typed builders)."""
    return cast(ColumnElement[Any], attribute)


class seconds_between(FunctionElement[float]):
    """``end − start`` in seconds (a float)."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 86400.0)"


@compiles(seconds_between, "postgresql")
def _seconds_postgresql(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"EXTRACT(EPOCH FROM ({end} - {start}))"


class bucket(FunctionElement[int]):
    """A non-negative number of seconds rounded to whole buckets of ``resolution`` s."""

    type = Integer()
    inherit_cache = False  # the resolution is no part of the cache key
    name = "bucket"

    def __init__(self, seconds: ColumnElement[float], resolution: int) -> None:
        self.resolution = int(resolution)
        super().__init__(seconds)


@compiles(bucket, "sqlite")
def _bucket_sqlite(element: bucket, compiler: SQLCompiler, **kw: Any) -> str:
    (seconds,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(({seconds}) / {element.resolution} + 0.5 AS INTEGER)"


@compiles(bucket, "postgresql")
def _bucket_postgresql(element: bucket, compiler: SQLCompiler, **kw: Any) -> str:
    (seconds,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(FLOOR(({seconds}) / {element.resolution} + 0.5) AS INTEGER)"


class _Shifted(FunctionElement[Any]):
    inherit_cache = False  # the shift is no part of the cache key

    def __init__(self, moment: ColumnElement[Any], shift_seconds: int) -> None:
        self.shift = int(shift_seconds)
        super().__init__(moment)


class local_hour(_Shifted):
    """The hour (0–23) of a UTC timestamp shifted by ``shift_seconds``."""

    type = Integer()
    inherit_cache = False
    name = "local_hour"


class local_date(_Shifted):
    """The date of a UTC timestamp shifted by ``shift_seconds`` (SQLite returns text)."""

    type = Date()
    inherit_cache = False
    name = "local_date"


def _moment(element: _Shifted, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return moment


@compiles(local_hour, "sqlite")
def _hour_sqlite(element: local_hour, compiler: SQLCompiler, **kw: Any) -> str:
    moment = _moment(element, compiler, **kw)
    return f"CAST(strftime('%H', {moment}, '{element.shift:+d} seconds') AS INTEGER)"


@compiles(local_hour, "postgresql")
def _hour_postgresql(element: local_hour, compiler: SQLCompiler, **kw: Any) -> str:
    moment = _moment(element, compiler, **kw)
    shifted = f"(({moment}) AT TIME ZONE 'UTC' + make_interval(secs => {element.shift}))"
    return f"CAST(EXTRACT(HOUR FROM {shifted}) AS INTEGER)"


@compiles(local_date, "sqlite")
def _date_sqlite(element: local_date, compiler: SQLCompiler, **kw: Any) -> str:
    moment = _moment(element, compiler, **kw)
    return f"date({moment}, '{element.shift:+d} seconds')"


@compiles(local_date, "postgresql")
def _date_postgresql(element: local_date, compiler: SQLCompiler, **kw: Any) -> str:
    moment = _moment(element, compiler, **kw)
    return f"CAST(({moment}) AT TIME ZONE 'UTC' + make_interval(secs => {element.shift}) AS DATE)"


class weekday(FunctionElement[int]):
    """Monday 0 … Sunday 6 of a date column (Python's ``date.weekday()``)."""

    type = Integer()
    inherit_cache = True
    name = "weekday"


@compiles(weekday, "sqlite")
def _weekday_sqlite(element: weekday, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7)"


@compiles(weekday, "postgresql")
def _weekday_postgresql(element: weekday, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"MOD(CAST(EXTRACT(DOW FROM {day}) AS INTEGER) + 6, 7)"


class ceil_minutes(FunctionElement[int]):
    """Seconds rounded up to whole minutes: ``ceil_minutes(s) <= m`` exactly when
    ``s <= m × 60`` for a whole number of minutes ``m`` (a target)."""

    type = Integer()
    inherit_cache = True
    name = "ceil_minutes"


@compiles(ceil_minutes, "sqlite")
def _ceil_minutes_sqlite(element: ceil_minutes, compiler: SQLCompiler, **kw: Any) -> str:
    (seconds,) = (compiler.process(c, **kw) for c in element.clauses)
    minutes = f"(({seconds}) / 60.0)"
    whole = f"CAST({minutes} AS INTEGER)"
    return f"(CASE WHEN {minutes} > {whole} THEN {whole} + 1 ELSE {whole} END)"


@compiles(ceil_minutes, "postgresql")
def _ceil_minutes_postgresql(element: ceil_minutes, compiler: SQLCompiler, **kw: Any) -> str:
    (seconds,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(CEIL(({seconds}) / 60.0) AS INTEGER)"
