"""Ticket issuing throughput and latency with 1, 4 and 8 concurrent processes, on
SQLite (one file, WAL) and on PostgreSQL (when a server answers).

    python benchmarks/bench_queue.py [--tickets 200] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.catalogue.loader import load_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.reception import Reception, VisitInput
from kiosk.settings import settings_from_mapping

SLUGS = ("open_account", "deposit_withdrawal", "lost_card", "general_enquiry")


def _worker(url: str, data_dir: str, count: int, start: object, results: object) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": data_dir}, "database": {"url": url}})
    db = Database(url)
    reception = Reception(db, settings)
    reception.catalogue()
    start.wait()  # type: ignore[attr-defined]
    latencies = []
    for index in range(count):
        begin = time.perf_counter()
        reception.take_ticket(
            VisitInput("en", datetime.now(UTC), service_slug=SLUGS[index % len(SLUGS)])
        )
        latencies.append(time.perf_counter() - begin)
    results.put(latencies)  # type: ignore[attr-defined]
    db.dispose()


def _prepare(url: str) -> None:
    db = Database(url)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, load_catalogue())
    db.dispose()


def run(url: str, processes: int, each: int, data_dir: str) -> tuple[float, float, float]:
    _prepare(url)
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [
        context.Process(target=_worker, args=(url, data_dir, each, start, results))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(1.5)  # let every process import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    latencies: list[float] = []
    for _ in workers:
        latencies.extend(results.get())
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    p95 = statistics.quantiles(latencies, n=20)[18]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p95 * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=200, help="tickets per process")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for processes in (1, 4, 8):
            url = f"sqlite:///{folder}/bench-{processes}.sqlite3"
            rows.append(
                (
                    "SQLite (WAL, synchronous=FULL)",
                    processes,
                    *run(url, processes, args.tickets, folder),
                )
            )
        admin = create_engine(f"{args.pg}/postgres", isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:
            print(f"PostgreSQL skipped: {exc}")
        else:
            for processes in (1, 4, 8):
                name = f"kiosk_bench_{uuid.uuid4().hex[:8]}"
                with admin.connect() as connection:
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                try:
                    rows.append(
                        (
                            "PostgreSQL",
                            processes,
                            *run(f"{args.pg}/{name}", processes, args.tickets, folder),
                        )
                    )
                finally:
                    with admin.connect() as connection:
                        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    print(f"\n{'database':32} {'processes':>9} {'tickets/s':>10} {'median ms':>10} {'p95 ms':>8}")
    for name, processes, rate, median, p95 in rows:
        print(f"{name:32} {processes:>9} {rate:>10.0f} {median:>10.1f} {p95:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
