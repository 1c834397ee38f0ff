"""The report queries over generated traffic, on SQLite and on PostgreSQL (when a server
answers): the dashboard for the last 30 days and for the whole range, the staff
overview, and the review PDF for 30 days. Prints one table.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_reports.py [--days 60] [--per-day 500]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.access import StaffMember
from kiosk.catalogue.loader import load_catalogue
from kiosk.db.catalogue_store import load_stored_catalogue, save_catalogue
from kiosk.db.database import Database
from kiosk.db.models import QueueEvent, Staff, Ticket, Visit
from kiosk.db.models_reports import CounterSession
from kiosk.i18n import Catalogs
from kiosk.reports.service import Reports
from kiosk.settings import settings_from_mapping

HK = timedelta(hours=8)
#: Arrivals by local hour (09–17) and the services' mix.
HOURS = (9, 10, 10, 11, 11, 11, 12, 12, 13, 14, 14, 15, 15, 16, 17)
MATERIALS = {"open_account": ("id_document", "proof_of_address"), "lost_card": ("id_document",)}


def fill(db: Database, first: date, days: int, per_day: int, seed: int = 7) -> int:
    """Insert ``days`` × ``per_day`` visits with tickets and their queue events."""
    rng = random.Random(seed)
    slugs = [s.slug for s in load_catalogue().services]
    visits, tickets, events, sessions = [], [], [], []
    ticket_id = 0
    for n in range(days):
        day = first + timedelta(days=n)
        opened = datetime(day.year, day.month, day.day, 9, tzinfo=UTC) - HK
        for staff in (2, 3, 4, 5):
            sessions.append({"counter": str(staff - 1), "staff_id": staff, "opened_at": opened,
                             "closed_at": opened + timedelta(hours=8)})  # fmt: skip
        for k in range(per_day):
            ticket_id += 1
            hour = rng.choice(HOURS)
            issued = opened.replace(hour=0) + timedelta(hours=hour - 8, seconds=rng.randrange(3600))
            slug = rng.choice(slugs)
            missing = [m for m in MATERIALS.get(slug, ()) if rng.random() < 0.15]
            visits.append({"id": ticket_id, "kiosk_id": "k1", "locale": "en",
                           "started_at": issued - timedelta(seconds=70), "finished_at": issued,
                           "answers": ["a", "b"], "service_slug": slug, "materials_have": [],
                           "materials_missing": missing, "outcome": "ticket"})  # fmt: skip
            called = issued + timedelta(seconds=rng.randrange(60, 1800))
            started = called + timedelta(seconds=40)
            finished = started + timedelta(seconds=rng.randrange(120, 900))
            no_show = rng.random() < 0.05
            status = "NO_SHOW" if no_show else "DONE"
            staff = 2 + k % 4
            tickets.append({"id": ticket_id, "visit_id": ticket_id, "business_day": day,
                            "service_slug": slug, "prefix": "Z", "number": k + 1,
                            "code": f"Z{k + 1:03d}", "reference": uuid.uuid4().hex,
                            "status": status, "priority": "NORMAL", "issued_at": issued,
                            "called_at": called, "started_at": None if no_show else started,
                            "finished_at": finished, "counter": str(staff - 1),
                            "staff_id": staff, "recall_count": 2 if no_show else 0,
                            "print_status": "PRINTED", "reprint_count": 0})  # fmt: skip
            for kind, at in (("issued", issued), ("called", called), ("finished", finished)):
                events.append({"at": at, "kind": kind, "ticket_id": ticket_id,
                               "code": "Z", "service_slug": slug, "counter": None})  # fmt: skip
    with db.engine.begin() as connection:
        for table, rows in ((Visit, visits), (Ticket, tickets), (QueueEvent, events),
                            (CounterSession, sessions)):  # fmt: skip
            for start in range(0, len(rows), 5000):
                connection.execute(insert(table), rows[start : start + 5000])
    return ticket_id


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the caches, as a manager's second look would
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - begin)
    return statistics.median(samples) * 1000


def bench(url: str, label: str, days: int, per_day: int, runs: int, tmp: str) -> list[str]:
    settings = settings_from_mapping({"kiosk": {"data_dir": tmp}, "database": {"url": url}})
    db = Database(url)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, load_catalogue())
        session.add(Staff(id=1, number="1", name="M", role="manager", pin_hash="-",
                          created_at=datetime.now(UTC)))  # fmt: skip
        for staff in (2, 3, 4, 5):
            session.add(Staff(id=staff, number=str(staff), name=f"S{staff}", role="staff",
                              pin_hash="-", created_at=datetime.now(UTC)))  # fmt: skip
    last = date(2026, 11, 30)
    first = last - timedelta(days=days - 1)
    begin = time.perf_counter()
    count = fill(db, first, days, per_day)
    filled = time.perf_counter() - begin
    manager = StaffMember(1, "M", "manager", "1")
    reports = Reports(db, settings, lambda: datetime(2026, 12, 1, 4, tzinfo=UTC))
    month = max(first, last - timedelta(days=29))
    rows = [
        f"{label}\tfill {count} tickets\t{filled * 1000:.0f}",
        f"{label}\tdashboard, 30 days\t{timed(lambda: reports.dashboard(manager, month, last), runs):.0f}",
        f"{label}\tdashboard, {days} days\t{timed(lambda: reports.dashboard(manager, first, last), runs):.0f}",
        f"{label}\tstaff overview, 30 days\t{timed(lambda: reports.staff_overview(manager, month, last), runs):.0f}",
    ]  # fmt: skip
    from PySide6.QtWidgets import QApplication

    from ui.common.review_pack import chart_images, write_review_pdf

    _app = QApplication.instance() or QApplication([])
    loc = Catalogs().localizer("zh_Hant")
    with db.session() as session:
        catalogue = load_stored_catalogue(session)

    def pdf() -> None:
        data = reports.dashboard(manager, month, last)
        write_review_pdf(Path(tmp) / "review.pdf", data, loc, catalogue, "B",
                         chart_images(data, loc))  # fmt: skip

    rows.append(f"{label}\treview PDF, 30 days\t{timed(pdf, max(1, runs // 2)):.0f}")
    db.dispose()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--per-day", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        rows += bench(url, "SQLite", args.days, args.per_day, args.runs, tmp)
        name = f"bench_reports_{uuid.uuid4().hex[:8]}"
        admin = create_engine(f"{args.pg}/postgres", isolation_level="AUTOCOMMIT",
                              connect_args={"connect_timeout": 3})  # fmt: skip
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as exc:
            print(f"(no PostgreSQL: {exc})")
        else:
            try:
                rows += bench(f"{args.pg}/{name}", "PostgreSQL", args.days, args.per_day,
                              args.runs, tmp)  # fmt: skip
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print(f"{'database':<11} {'what':<28} {'ms (median)':>11}")
    for row in rows:
        db_name, what, ms = row.split("\t")
        print(f"{db_name:<11} {what:<28} {ms:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
