"""The messenger against a local SMSC (the smpp34 server on 127.0.0.1, as in the tests):
event → ``submit_sm`` latency (the counter finishes a ticket; the survey text is in
the outbox in that transaction; the relay polls, claims, sends), and throughput of
a queued backlog. SQLite file database, the relay in its own thread.

    python benchmarks/bench_messenger.py [--events 40] [--backlog 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.catalogue.loader import load_catalogue
from kiosk.clock import utc_now
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.messenger.gateways import gateway_for
from kiosk.messenger.relay import Relay
from kiosk.outbox import enqueue
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.smsc import Smsc


def _settings(folder: Path, port: int, rate: float) -> Settings:
    return settings_from_mapping(
        {
            "kiosk": {"data_dir": str(folder)},
            "sms": {
                "gateway": f"smpp://bench:bench@127.0.0.1:{port}",
                "rate_per_second": rate,
                "survey_delay_minutes": 0,
                "quiet_start": "00:00",
                "quiet_end": "00:00",
            },
        }
    )


def _database(settings: Settings) -> Database:
    db = Database(settings.database_url)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, load_catalogue())
    return db


def _customers(db: Database, settings: Settings, count: int) -> list[int]:
    reception = Reception(db, settings)
    book = ContactBook(db, settings, open_contact_key(db, settings))
    tickets = []
    for index in range(count):
        ticket = reception.take_ticket(VisitInput("zh_Hant", utc_now(), (), "lost_card"))
        book.opt_in(
            ticket_id=ticket.ticket_id,
            typed=f"9123{index:04d}",
            purposes=["survey"],
            locale="zh_Hant",
            notice_version="bench",
        )
        tickets.append(ticket.ticket_id)
    return tickets


def _more_than(smsc: Smsc, count: int) -> Callable[[], bool]:
    return lambda: len(smsc.submits) > count


def latency(events: int) -> list[float]:
    smsc = Smsc().start()
    with tempfile.TemporaryDirectory() as folder:
        settings = _settings(Path(folder), smsc.port, 1000)
        db = _database(settings)
        tickets = _customers(db, settings, events)
        desk = Desk(db, settings, Reception(db, settings).catalogue())
        desk.set_counter("1", ["lost_card"])
        desk.open_counter("1", staff_id=None)
        relay = Relay(db, settings, gateway_for(settings), open_contact_key(db, settings))
        stop = threading.Event()
        thread = threading.Thread(target=relay.run, args=(stop,), daemon=True)
        thread.start()
        samples = []
        for index, ticket in enumerate(tickets):
            desk.call(counter_id="1", ticket_id=ticket)
            begin = time.monotonic()
            desk.finish(ticket, "served")
            smsc.wait_for(_more_than(smsc, index), timeout=30)
            samples.append(smsc.submits[index].at - begin)
            time.sleep(0.037 * (index % 5))  # events arrive at uneven moments
        stop.set()
        thread.join(10)
        db.dispose()
    smsc.close()
    return samples


def throughput(backlog: int) -> tuple[float, float]:
    smsc = Smsc().start()
    with tempfile.TemporaryDirectory() as folder:
        settings = _settings(Path(folder), smsc.port, 1000)
        db = _database(settings)
        tickets = _customers(db, settings, backlog)
        now = utc_now()
        with db.session() as session:
            for ticket in tickets:
                enqueue(
                    session,
                    ticket_id=ticket,
                    purpose="survey",
                    template="survey",
                    params={"branch": "Riverside"},
                    not_before=now,
                )
        relay = Relay(db, settings, gateway_for(settings), open_contact_key(db, settings))
        stop = threading.Event()
        begin = time.monotonic()
        thread = threading.Thread(target=relay.run, args=(stop,), daemon=True)
        thread.start()
        smsc.wait_for(lambda: len(smsc.submits) >= backlog, timeout=300)
        elapsed = smsc.submits[-1].at - begin
        stop.set()
        thread.join(10)
        db.dispose()
    smsc.close()
    return backlog / elapsed, elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--backlog", type=int, default=1000)
    args = parser.parse_args()
    samples = sorted(latency(args.events))
    p95 = samples[max(0, round(0.95 * len(samples)) - 1)]
    rate, elapsed = throughput(args.backlog)
    print(f"{'measure':44} {'value':>12}  target")
    print(f"{'event → submit_sm, median (s)':44} {statistics.median(samples):12.3f}")
    print(f"{'event → submit_sm, p95 (s)':44} {p95:12.3f}  ≤ 1 s")
    print(f"{'event → submit_sm, max (s)':44} {samples[-1]:12.3f}")
    print(f"{f'throughput, {args.backlog} queued texts (texts/s)':44} {rate:12.1f}  ≥ 100/s")
    print(f"{'  (elapsed, s)':44} {elapsed:12.2f}")
    ok = p95 <= 1.0 and rate >= 100
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
