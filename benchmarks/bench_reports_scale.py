"""The reports over demo traffic (``kiosk demo-data``), on SQLite and on PostgreSQL
(when a server answers): the dashboard for the last 30 days and the last year, first
with those days not kept in the rollup (as after an upgrade), then kept (the median
of a few runs); the review PDF of the last month. Prints a table.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_reports_scale.py [--days 60]
        [--per-day 200] [--runs 5] [--sqlite FILE] [--pg-database NAME]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, delete, text
from sqlalchemy.exc import OperationalError
from sqlmodel import col, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.access import SYSTEM, StaffMember
from kiosk.catalogue.loader import load_catalogue
from kiosk.db.catalogue_store import has_catalogue, load_stored_catalogue, save_catalogue
from kiosk.db.database import Database
from kiosk.db.migrate import upgrade
from kiosk.db.models import Staff
from kiosk.db.models_rollup import ReportDay
from kiosk.demo_data import DemoFiller
from kiosk.i18n import Catalogs
from kiosk.reports.service import Reports
from kiosk.settings import Settings, settings_from_mapping

LAST_DAY = date(2026, 11, 30)
ZONE = "Asia/Hong_Kong"


def CLOCK() -> datetime:
    return datetime(2026, 12, 1, 2, tzinfo=UTC)


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
    began = time.perf_counter()
    done = DemoFiller(db, _settings(url, folder), CLOCK).fill(
        SYSTEM, days=days, per_day=per_day, until=LAST_DAY
    )
    took = time.perf_counter() - began
    return db, f"filled: {done.visits} visits, {done.events} events in {took:.0f} s"


def _timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def time_reports(db: Database, folder: str, runs: int) -> list[tuple[str, str, float]]:
    """The dashboard as the admin page asks for it (rights, rollup, complaints): once
    with the range's days not kept (cold), then kept (the median of ``runs``); the
    review PDF of the last month."""
    settings = _settings(str(db.engine.url), folder)
    reports = Reports(db, settings, CLOCK)
    with db.session() as session:
        manager = session.exec(select(Staff).where(Staff.role == "manager")).first()
        if manager is None:
            manager = Staff(number="9001", name="Bench", role="manager", pin_hash="-",
                            created_at=CLOCK())  # fmt: skip
            session.add(manager)
            session.flush()
        member = StaffMember(manager.id or 0, manager.name, "manager", manager.number)
    results = []
    for label, span in RANGES:
        first = LAST_DAY - timedelta(days=span - 1)
        with db.session() as session:
            session.execute(
                delete(ReportDay).where(col(ReportDay.day) >= first, col(ReportDay.day) <= LAST_DAY)
            )
        results.append(
            ("dashboard, days not kept", label, _timed(lambda: reports.dashboard(member, first, LAST_DAY), 1))  # noqa: B023
        )  # fmt: skip
        results.append(
            ("dashboard", label, _timed(lambda: reports.dashboard(member, first, LAST_DAY), runs))  # noqa: B023
        )  # fmt: skip
    from PySide6.QtWidgets import QApplication

    from ui.common.review_pack import chart_images, write_review_pdf

    _app = QApplication.instance() or QApplication([])
    loc = Catalogs().localizer("zh_Hant")
    with db.session() as session:
        catalogue = load_stored_catalogue(session)
    month = LAST_DAY - timedelta(days=29)

    def pdf() -> None:
        data = reports.dashboard(member, month, LAST_DAY)
        write_review_pdf(Path(folder) / "review.pdf", data, loc, catalogue, "Bench",
                         chart_images(data, loc))  # fmt: skip

    results.append(("review PDF", "30 days", _timed(pdf, max(1, runs // 2))))
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
    table: list[tuple[str, str, str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        sqlite_file = args.sqlite or Path(folder) / "reports.sqlite3"
        targets = [("SQLite", f"sqlite:///{sqlite_file}")]
        with postgres(args.pg, args.pg_database) as pg_url:
            if pg_url is not None:
                targets.append(("PostgreSQL", pg_url))
            for label, url in targets:
                db, how = prepare(url, folder, args.days, args.per_day)
                print(f"{label}: {how}", flush=True)
                for name, span, ms in time_reports(db, folder, args.runs):
                    table.append((label, name, span, ms))
                db.dispose()
    print(f"\n{'database':11} {'what':26} {'range':8} {'median ms':>10}")
    for label, name, span, ms in table:
        print(f"{label:11} {name:26} {span:8} {ms:>10.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
