"""What goes into a month's archive: one exporter per table, each naming the columns
it writes (an allow-list, so a column added later, say a consented phone number,
never leaves the database by accident) and how its rows belong to the month.

The survey and complaint tables join by adding an exporter to :data:`EXPORTERS`
(or passing a list to :class:`kiosk.archive.Archiver`), e.g.::

    ColumnsExporter("feedback", "feedback", ("id", "ticket_id", "score", "answered_at"),
                    by_ticket("ticket_id"))

An exporter whose table does not exist in this database is left out of the
archive (and so of its manifest).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    inspect,
    select,
)
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel


@dataclass(frozen=True)
class Scope:
    """The moments a month's visits started in (UTC, end exclusive)."""

    start: datetime
    end: datetime

    def visit_ids(self) -> Any:
        visit = _table("visit")
        return select(visit.c.id).where(
            visit.c.started_at >= self.start, visit.c.started_at < self.end
        )

    def ticket_ids(self) -> Any:
        ticket = _table("ticket")
        return select(ticket.c.id).where(ticket.c.visit_id.in_(self.visit_ids()))


#: How an exporter's rows belong to the month: a WHERE clause over its table.
Link = Callable[[Table, Scope], ColumnElement[bool]]


def by_start(column: str) -> Link:
    """Rows whose own ``column`` (a moment) falls in the month."""
    return lambda table, scope: (table.c[column] >= scope.start) & (table.c[column] < scope.end)


def by_visit(column: str) -> Link:
    """Rows of the month's visits, through ``column`` (a visit id)."""
    return lambda table, scope: table.c[column].in_(scope.visit_ids())


def by_ticket(column: str) -> Link:
    """Rows of the month's tickets, through ``column`` (a ticket id)."""
    return lambda table, scope: table.c[column].in_(scope.ticket_ids())


def _table(name: str, connection: Connection | None = None) -> Table:
    known = SQLModel.metadata.tables.get(name)
    if known is not None or connection is None:
        assert known is not None, name  # the built-in tables are always declared
        return known
    return Table(name, MetaData(), autoload_with=connection)


def plain(value: Any) -> Any:
    """A column's value as JSON: moments and days in ISO 8601, enums as their value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _iso(value: date) -> str:
    return value.isoformat()


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def converter(column: Any) -> Callable[[Any], Any] | None:
    """What :func:`plain` would do to this column's values, chosen once from its type
    (None: they are JSON already); a type it does not know gets :func:`plain`."""
    kind = column.type
    impl = getattr(kind, "impl", kind)  # a TypeDecorator's underlying type
    if isinstance(kind, Enum):
        return _enum_value
    if isinstance(impl, DateTime | Date):
        return _iso
    if isinstance(impl, String | Integer | Boolean | Float | JSON):
        return None
    return plain


@dataclass(frozen=True)
class ColumnsExporter:
    member: str
    """The member's name in the archive (``visits`` → ``visits.jsonl``)."""
    table: str
    columns: tuple[str, ...]
    link: Link
    order_by: str = "id"

    def available(self, connection: Connection) -> bool:
        return inspect(connection).has_table(self.table)

    def rows(self, connection: Connection, scope: Scope) -> Iterator[dict[str, Any]]:
        table = _table(self.table, connection)
        present = [name for name in self.columns if name in table.c]
        query = (
            select(*(table.c[name] for name in present))
            .where(self.link(table, scope))
            .order_by(table.c[self.order_by])
        )
        shapes = [(name, converter(table.c[name])) for name in present]
        for row in connection.execution_options(yield_per=2000).execute(query):
            yield {
                name: value if shape is None or value is None else shape(value)
                for (name, shape), value in zip(shapes, row, strict=True)
            }


VISITS = ColumnsExporter(
    "visits",
    "visit",
    (
        "id",
        "kiosk_id",
        "locale",
        "started_at",
        "finished_at",
        "answers",
        "service_slug",
        "materials_have",
        "materials_missing",
        "outcome",
    ),
    by_start("started_at"),
)
TICKETS = ColumnsExporter(
    "tickets",
    "ticket",
    # not ``note``: staff's free text may name the customer
    (
        "id",
        "visit_id",
        "business_day",
        "service_slug",
        "prefix",
        "number",
        "code",
        "status",
        "priority",
        "issued_at",
        "called_at",
        "started_at",
        "finished_at",
        "counter",
        "staff_id",
        "recall_count",
        "outcome",
        "transferred_from",
        "print_status",
        "print_problem",
        "reprint_count",
    ),
    by_visit("visit_id"),
)
TIMELINES = ColumnsExporter(
    "queue_events",
    "queue_event",
    ("id", "at", "kind", "ticket_id", "code", "service_slug", "counter"),
    by_ticket("ticket_id"),
)

# Feedback and complaint outcomes. Free text (survey comments, a case's summary and
# resolution) may name people, and stays out, as the tickets' notes do.
RATINGS = ColumnsExporter(
    "kiosk_ratings",
    "visit_rating",
    (
        "id",
        "ticket_code",
        "business_day",
        "service_slug",
        "staff_id",
        "score",
        "reasons",
        "rated_at",
        "kiosk_id",
        "case_id",
    ),
    by_start("rated_at"),
)
SURVEY_ANSWERS = ColumnsExporter(
    "survey_answers",
    "survey_answer",
    ("id", "ticket_id", "channel", "kind", "score", "reasons", "at"),
    by_ticket("ticket_id"),
)
COMPLAINTS = ColumnsExporter(
    "complaint_cases",
    "complaint_case",
    (
        "id",
        "opened_at",
        "source",
        "category",
        "ticket_code",
        "staff_id",
        "state",
        "acknowledge_due",
        "resolve_due",
        "acknowledged_at",
        "closed_at",
    ),
    by_start("opened_at"),
)

EXPORTERS: list[ColumnsExporter] = [VISITS, TICKETS, TIMELINES, RATINGS, SURVEY_ANSWERS, COMPLAINTS]
"""Every table a month's archive holds, in order."""
