"""Report queries over demo traffic (``kiosk demo-data``), on SQLite and on PostgreSQL
(when a server answers): the aggregates a dashboard runs, over the last 30 days
and the last year, each the median of a few runs, printed as a table.

    python benchmarks/bench_reports_scale.py [--days 60] [--per-day 200] [--runs 5]
        [--sqlite FILE] [--pg-database NAME] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

The default size is small (a smoke test). ``--days 730 --per-day 2000`` is the
scale the reports are built for (~1.5 million visits). ``--sqlite FILE`` and
``--pg-database NAME`` keep the filled database and use it again next time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.access import SYSTEM
from kiosk.catalogue.loader import load_catalogue
from kiosk.clock import business_day_bounds
from kiosk.db.catalogue_store import has_catalogue, save_catalogue
from kiosk.db.database import Database
from kiosk.db.migrate import upgrade
from kiosk.demo_data import DemoFiller
from kiosk.settings import Settings, settings_from_mapping

LAST_DAY = date(2026, 11, 30)
ZONE = "Asia/Hong_Kong"

#: name → (SQLite, PostgreSQL); parameters :first and :last (business days), :since
#: and :until (UTC moments of those days' bounds).
QUERIES: dict[str, tuple[str, str]] = {
    "per service (SLA)": (
        """SELECT t.service_slug, count(*), sum(t.status = 'DONE'),
                  avg((julianday(t.called_at) - julianday(t.issued_at)) * 1440),
                  avg((julianday(t.called_at) - julianday(t.issued_at)) * 1440 <= s.sla_minutes)
           FROM ticket t JOIN service s ON s.slug = t.service_slug
           WHERE t.business_day BETWEEN :first AND :last GROUP BY t.service_slug""",
        """SELECT t.service_slug, count(*), count(*) FILTER (WHERE t.status = 'DONE'),
                  avg(extract(epoch FROM t.called_at - t.issued_at) / 60),
                  avg((t.called_at - t.issued_at <= s.sla_minutes * interval '1 minute')::int)
           FROM ticket t JOIN service s ON s.slug = t.service_slug
           WHERE t.business_day BETWEEN :first AND :last GROUP BY t.service_slug""",
    ),
    "arrivals hour x weekday": (
        """SELECT strftime('%w', issued_at, '+8 hours'), strftime('%H', issued_at, '+8 hours'),
                  count(*)
           FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY 1, 2""",
        f"""SELECT extract(dow FROM issued_at AT TIME ZONE '{ZONE}'),
                   extract(hour FROM issued_at AT TIME ZONE '{ZONE}'), count(*)
            FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY 1, 2""",
    ),
    "wait and service by day": (
        """SELECT business_day,
                  avg((julianday(called_at) - julianday(issued_at)) * 1440),
                  avg((julianday(finished_at) - julianday(started_at)) * 1440)
           FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY business_day""",
        """SELECT business_day, avg(extract(epoch FROM called_at - issued_at) / 60),
                  avg(extract(epoch FROM finished_at - started_at) / 60)
           FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY business_day""",
    ),
    "per staff member": (
        """SELECT staff_id, count(*), sum(status = 'NO_SHOW'),
                  avg((julianday(finished_at) - julianday(started_at)) * 1440)
           FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY staff_id""",
        """SELECT staff_id, count(*), count(*) FILTER (WHERE status = 'NO_SHOW'),
                  avg(extract(epoch FROM finished_at - started_at) / 60)
           FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY staff_id""",
    ),
    "per counter": (
        """SELECT counter, count(*) FROM ticket
           WHERE business_day BETWEEN :first AND :last GROUP BY counter""",
        """SELECT counter, count(*) FROM ticket
           WHERE business_day BETWEEN :first AND :last GROUP BY counter""",
    ),
    "missing materials": (
        """SELECT m.value, count(*) FROM visit v, json_each(v.materials_missing) m
           WHERE v.started_at >= :since AND v.started_at < :until
           GROUP BY m.value ORDER BY 2 DESC LIMIT 10""",
        """SELECT m, count(*) FROM visit v, json_array_elements_text(v.materials_missing) m
           WHERE v.started_at >= :since AND v.started_at < :until
           GROUP BY m ORDER BY 2 DESC LIMIT 10""",
    ),
}
RANGES = (("30 days", 30), ("1 year", 365))


def _settings(url: str, folder: str) -> Settings:
    return settings_from_mapping(
        {"kiosk": {"data_dir": folder}, "database": {"url": url}, "business": {"timezone": ZONE}}
    )


def prepare(url: str, folder: str, days: int, per_day: int) -> tuple[Database, str]:
    """The database migrated, with the demo catalogue and demo traffic (kept if there)."""
    db = Database(url)
    upgrade(db)
    db.mark_ready()
    with db.session() as session:
        if not has_catalogue(session):
            save_catalogue(session, load_catalogue())
        filled = session.execute(text("SELECT count(*) FROM visit")).scalar_one()
    if filled:
        return db, f"kept: {filled} visits"
    clock = lambda: datetime(2026, 12, 1, 2, tzinfo=UTC)  # noqa: E731 - a fixed "now"
    began = time.perf_counter()
    done = DemoFiller(db, _settings(url, folder), clock).fill(
        SYSTEM, days=days, per_day=per_day, until=LAST_DAY
    )
    took = time.perf_counter() - began
    return db, f"filled: {done.visits} visits, {done.events} events in {took:.0f} s"


def time_queries(db: Database, runs: int) -> list[tuple[str, str, int, float]]:
    column = 0 if db.is_sqlite else 1
    zone = _settings("sqlite://", "/tmp").business.zone
    results = []
    for label, span in RANGES:
        first = LAST_DAY - timedelta(days=span - 1)
        since, _ = business_day_bounds(first, zone, 4)
        _, until = business_day_bounds(LAST_DAY, zone, 4)
        values: dict[str, object] = {
            "first": first,
            "last": LAST_DAY,
            "since": since,
            "until": until,
        }
        if db.is_sqlite:  # as SQLAlchemy stores days and moments there
            values = {
                "first": first.isoformat(),
                "last": LAST_DAY.isoformat(),
                "since": since.replace(tzinfo=None).isoformat(" ", "microseconds"),
                "until": until.replace(tzinfo=None).isoformat(" ", "microseconds"),
            }
        for name, sql in QUERIES.items():
            timings, rows = [], 0
            with db.engine.connect() as connection:
                for _ in range(runs):
                    began = time.perf_counter()
                    rows = len(connection.execute(text(sql[column]), values).all())
                    timings.append((time.perf_counter() - began) * 1000)
                connection.rollback()
            results.append((name, label, rows, statistics.median(timings)))
    return results


@contextmanager
def postgres(server: str, keep: str | None) -> Iterator[str | None]:
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    name = keep or f"kiosk_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        print(f"PostgreSQL skipped: {exc.orig}")
        yield None
        return
    try:
        yield f"{server}/{name}"
    finally:
        if keep is None:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=60, help="days of demo traffic")
    parser.add_argument("--per-day", type=int, default=200, help="visits a day")
    parser.add_argument("--runs", type=int, default=5, help="runs of each query")
    parser.add_argument("--sqlite", type=Path, help="keep the SQLite database in this file")
    parser.add_argument("--pg-database", help="keep the PostgreSQL database under this name")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    table: list[tuple[str, str, str, int, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        sqlite_file = args.sqlite or Path(folder) / "reports.sqlite3"
        targets = [("SQLite", f"sqlite:///{sqlite_file}")]
        with postgres(args.pg, args.pg_database) as pg_url:
            if pg_url is not None:
                targets.append(("PostgreSQL", pg_url))
            for label, url in targets:
                db, how = prepare(url, folder, args.days, args.per_day)
                print(f"{label}: {how}", flush=True)
                for name, span, rows, ms in time_queries(db, args.runs):
                    table.append((label, name, span, rows, ms))
                db.dispose()
    print(f"\n{'database':11} {'query':24} {'range':8} {'rows':>6} {'median ms':>10}")
    for label, name, span, rows, ms in table:
        print(f"{label:11} {name:24} {span:8} {rows:>6} {ms:>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
