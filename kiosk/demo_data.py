"""``kiosk demo-data``: fill a database with demo traffic (:mod:`kiosk.demo_traffic`)
so that the reports can be seen and measured: counters and staff members for it,
then every day's visits, tickets and queue events, in batches of bulk inserts
(SQLAlchemy core, one ``executemany`` per table and batch).

It refuses a database that already has traffic (real or demo) unless forced: demo
visits come from kiosks called ``demo-…``, so they can be told apart and removed.
Ids are handed out here (each batch reads the newest under a table lock), so the
hooks of :data:`HOOKS` can write rows that point at the visits and tickets of a
batch, e.g. survey scores and complaints once those tables exist.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, Enum, MetaData, String, Table, func, insert, not_, text
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from kiosk import audit
from kiosk.access import Actor
from kiosk.clock import Clock, business_today, utc_now
from kiosk.counters import default_names
from kiosk.db.catalogue_store import load_stored_catalogue
from kiosk.db.database import Database
from kiosk.db.models import CounterRow, QueueEvent, Staff, Ticket, Visit
from kiosk.demo_bring_lists import add_bring_lists
from kiosk.demo_feedback import add_feedback
from kiosk.demo_queue import DayRows, Ids
from kiosk.demo_staffing import Staffing, StaffingPlan, plan_staffing
from kiosk.demo_traffic import SERVICE_MIX, DayTraffic, days_back
from kiosk.i18n import N_, Catalogs
from kiosk.pins import hash_pin
from kiosk.reports import rollup
from kiosk.reports.service import Reports
from kiosk.settings import Settings

DEMO_PREFIX = "demo-"
"""Demo visits' kiosk ids start with it (see :data:`kiosk.demo_traffic.DEMO_KIOSKS`)."""
BATCH_VISITS = 20_000
#: Days of report rollup worked out in one read.
KEEP_DAYS_AT_ONCE = 92
MAX_DAYS = 3650
MAX_PER_DAY = 20_000

#: Called with the connection and each batch's days once its rows are inserted (inside
#: the batch's transaction), to add rows of other tables that point at them.
DemoHook = Callable[[Connection, Sequence[DayRows]], None]
HOOKS: list[DemoHook] = [add_feedback, add_bring_lists]
"""Rows written after each batch: the after-visit answers (:mod:`kiosk.demo_feedback`)."""

_TABLES: tuple[tuple[str, Table], ...] = (
    ("visits", Visit.__table__),  # type: ignore[attr-defined]  # SQLModel sets it
    ("tickets", Ticket.__table__),  # type: ignore[attr-defined]
    ("events", QueueEvent.__table__),  # type: ignore[attr-defined]
)


def _lean(table: Table, sqlite: bool) -> tuple[Table, tuple[str, ...], tuple[str, ...]]:
    """The table for bulk inserts of values already in shape: moments are UTC (SQLite:
    text as SQLAlchemy stores it), enums by name; with the names of those columns."""
    columns, moments, enums = [], [], []
    for column in table.columns:
        kind: Any = column.type
        if isinstance(kind, UTCDateTime):
            moments.append(column.name)
            kind = String() if sqlite else DateTime(timezone=True)
        elif isinstance(kind, Enum) and sqlite:
            enums.append(column.name)
            kind = String()
        columns.append(Column(column.name, kind))
    return Table(table.name, MetaData(), *columns), tuple(moments), tuple(enums)


def _shaped(rows: list[dict[str, Any]], moments: tuple[str, ...], enums: tuple[str, ...]) -> None:
    """SQLite's storage of :func:`_lean`'s columns, in place: ``2026-11-30 02:00:00.000000``."""
    for row in rows:
        for name in moments:
            value = row[name]
            if value is not None:
                row[name] = (
                    value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
                )
        for name in enums:
            row[name] = row[name].name


class DemoRefused(Exception):
    """``message`` is a msgid for ``loc.tr``, filled with :attr:`params`."""

    def __init__(self, message: str, **params: object) -> None:
        self.message, self.params = message, params
        super().__init__(message.format(**params) if params else message)


@dataclass(frozen=True)
class DemoSummary:
    first_day: date
    last_day: date
    visits: int
    tickets: int
    events: int
    counters: int
    staff: int
    seconds: float


class DemoFiller:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        clock: Clock = utc_now,
        hooks: Sequence[DemoHook] | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hooks = list(HOOKS if hooks is None else hooks)

    def fill(
        self,
        actor: Actor,
        *,
        days: int,
        per_day: int,
        seed: int = 1,
        until: date | None = None,
        force: bool = False,
        progress: Callable[[date, int], None] | None = None,
    ) -> DemoSummary:
        """Fill ``days`` days ending ``until`` (default: yesterday) with about
        ``per_day`` visits a day; ``progress(day, visits so far)`` after each batch."""
        if not 1 <= days <= MAX_DAYS:
            raise DemoRefused(N_("Give between 1 and {n} days."), n=MAX_DAYS)
        if not 1 <= per_day <= MAX_PER_DAY:
            raise DemoRefused(N_("Give between 1 and {n} visits a day."), n=MAX_PER_DAY)
        began = time.perf_counter()
        last = until or business_today(self._settings, self._clock) - timedelta(days=1)
        with self._db.session() as session:
            if not force:
                self._refuse_traffic(session)
            catalogue = load_stored_catalogue(session)
            plan = plan_staffing(catalogue, per_day, SERVICE_MIX)
            staff_ids = self._set_up(session, plan)
        staffing = Staffing(plan, staff_ids, self._settings.queue.no_show_after_recalls)
        traffic = DayTraffic(catalogue, staffing, self._settings.business.zone)
        all_days = list(days_back(last, days))
        step = max(1, BATCH_VISITS // per_day)
        totals = {"visits": 0, "tickets": 0, "events": 0}
        for index in range(0, len(all_days), step):
            batch = all_days[index : index + step]
            stored = self._store(traffic, batch, per_day, seed, force)
            for name, count in stored.items():
                totals[name] += count
            if progress is not None:
                progress(batch[-1], totals["visits"])
        self._finish(actor, all_days, per_day, seed, force, totals)
        return DemoSummary(
            all_days[0],
            all_days[-1],
            totals["visits"],
            totals["tickets"],
            totals["events"],
            len(plan.counters),
            len(plan.staff),
            time.perf_counter() - began,
        )

    @staticmethod
    def _refuse_traffic(session: Session) -> None:
        demo = col(Visit.kiosk_id).startswith(DEMO_PREFIX)
        if session.exec(select(Visit.id).where(not_(demo)).limit(1)).first() is not None:
            raise DemoRefused(
                N_(
                    "This database already has real traffic: demo visits would mix with it. "
                    "Add --force to fill it anyway."
                )
            )
        if session.exec(select(Visit.id).where(demo).limit(1)).first() is not None:
            raise DemoRefused(
                N_("This database already has demo traffic. Add --force to add more.")
            )

    def _set_up(self, session: Session, plan: StaffingPlan) -> dict[str, int]:
        """The plan's counters and staff members, those not there yet; staff number → id.
        Demo staff get a PIN nobody knows (a manager resets it to let one sign in)."""
        now, catalogs = self._clock(), Catalogs()
        counters = set(session.exec(select(CounterRow.id)).all())
        for position, counter in enumerate(plan.counters):
            if counter.id not in counters:
                session.add(
                    CounterRow(
                        id=counter.id,
                        position=position,
                        name=default_names(counter.id, catalogs),
                        services=list(counter.services),
                    )
                )
        numbers = [m.number for m in plan.staff]
        known = {
            s.number: s for s in session.exec(select(Staff).where(col(Staff.number).in_(numbers)))
        }
        unknown_pin = hash_pin(secrets.token_hex(16)) if len(known) < len(numbers) else ""
        for member in plan.staff:
            if member.number not in known:
                row = Staff(
                    number=member.number,
                    name=member.name,
                    role="staff",
                    pin_hash=unknown_pin,
                    created_at=now,
                )
                session.add(row)
                known[member.number] = row
        session.flush()
        return {number: row.id or 0 for number, row in known.items()}

    def _store(
        self, traffic: DayTraffic, days: list[date], per_day: int, seed: int, force: bool
    ) -> dict[str, int]:
        with self._db.session() as session:
            connection = session.connection()
            if not self._db.is_sqlite:  # kiosks may issue meanwhile: their ids come after
                connection.execute(text("LOCK TABLE visit, ticket, queue_event IN EXCLUSIVE MODE"))
                # the report rollup's change counts are bumped once for the fill (_finish)
                connection.execute(text("SELECT set_config('kiosk.bulk', 'on', true)"))
            ids = Ids(*(self._next_id(session, model) for model in (Visit, Ticket, QueueEvent)))
            numbers = self._numbers(session, days) if force else {}
            built = [traffic.build(day, per_day, seed, ids, numbers.get(day, {})) for day in days]
            rows = {
                "visits": [r for d in built for r in d.visits],
                "tickets": [r for d in built for r in d.tickets],
                "events": [r for d in built for r in d.events],
            }
            for name, table in _TABLES:
                lean, moments, enums = _lean(table, self._db.is_sqlite)
                if not rows[name]:
                    continue
                if self._db.is_sqlite:
                    _shaped(rows[name], moments, enums)
                connection.execute(insert(lean), rows[name])
            for hook in self._hooks:
                hook(connection, built)
            return {name: len(values) for name, values in rows.items()}

    @staticmethod
    def _next_id(session: Session, model: Any) -> int:
        return int(session.exec(select(func.max(model.id))).one() or 0) + 1

    @staticmethod
    def _numbers(session: Session, days: list[date]) -> dict[date, dict[str, int]]:
        """The last ticket number already used per day and prefix (adding to traffic)."""
        found: dict[date, dict[str, int]] = {}
        query = (
            select(col(Ticket.business_day), col(Ticket.prefix), func.max(Ticket.number))
            .where(col(Ticket.business_day) >= days[0], col(Ticket.business_day) <= days[-1])
            .group_by(col(Ticket.business_day), col(Ticket.prefix))
        )
        for day, prefix, number in session.exec(query):
            found.setdefault(day, {})[prefix] = int(number)
        return found

    def _finish(
        self,
        actor: Actor,
        days: list[date],
        per_day: int,
        seed: int,
        force: bool,
        totals: dict[str, int],
    ) -> None:
        with self._db.session() as session:
            if not self._db.is_sqlite:  # ids were given here: move the sequences past them
                for table in ("visit", "ticket", "queue_event"):
                    session.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT COALESCE(max(id), 0) + 1 FROM {table}), false)"
                        )
                    )
            if not self._db.is_sqlite:
                rollup.touch(session, days[0] - timedelta(days=1), days[-1] + timedelta(days=1))
            audit.append(
                session,
                at=self._clock(),
                kiosk_id=self._settings.kiosk.id,
                actor=actor,
                action="demo.fill",
                target="visits",
                detail={
                    "first_day": days[0].isoformat(),
                    "last_day": days[-1].isoformat(),
                    "per_day": per_day,
                    "seed": seed,
                    "forced": force,
                    **totals,
                },
            )
        # fresh statistics for the planner; PostgreSQL also marks the pages all-visible,
        # so the reports' covering indexes answer without reading the table
        if self._db.is_sqlite:
            with self._db.engine.connect() as connection:
                connection.execute(text("ANALYZE"))
                connection.commit()
        else:
            with self._db.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            ) as connection:
                for table in ("visit", "ticket", "queue_event"):
                    connection.execute(text(f"VACUUM ANALYZE {table}"))
        self._keep_report_days(days)

    def _keep_report_days(self, days: list[date]) -> None:
        """Work out the report rollup of the filled days now, not at the first dashboard."""
        reports = Reports(self._db, self._settings, self._clock)
        for start in range(0, len(days), KEEP_DAYS_AT_ONCE):
            part = days[start : start + KEEP_DAYS_AT_ONCE]
            reports.keep_days(part[0], part[-1])
