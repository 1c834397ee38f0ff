"""The messenger as its own process: killed with SIGKILL in the middle of a batch and
started again, it sends no text twice; its log never shows a number. Two relays on
one PostgreSQL never send the same text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from kiosk.bootstrap import open_database
from kiosk.contacts import open_contact_key
from kiosk.db.database import Database
from kiosk.db.models_contacts import OutboxRow
from kiosk.messenger.gateways import gateway_for
from kiosk.messenger.relay import Relay
from kiosk.settings import Settings, load_settings, settings_from_mapping
from tests.helpers.clock import FakeClock
from tests.helpers.smsc import ACCEPT, HOLD, Smsc
from tests.kiosk.messenger.conftest import Customer, numbers, queue

from ...postgres import postgres_url

__all__ = ["postgres_url"]

ROOT = Path(__file__).resolve().parents[3]
_MAIN = "from cli.main import main; raise SystemExit(main())"


def _statuses(db: Database) -> Counter[str]:
    with db.session() as session:
        return Counter(r.status for r in session.exec(select(OutboxRow)))


def _messenger(config: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _MAIN, "messenger", "--config", str(config), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LANG": "en"},
    )


@pytest.fixture
def config(tmp_path: Path, smsc: Smsc) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n'
        f'[sms]\ngateway = "smpp://esme:secret@127.0.0.1:{smsc.port}"\nrate_per_second = 1000\n'
        # the messenger runs on the real clock: no quiet hours to hold the surveys
        'quiet_start = "00:00"\nquiet_end = "00:00"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def settings(config: Path) -> Settings:
    return load_settings(config)


@pytest.fixture
def db(settings: Settings) -> Database:
    return open_database(settings)  # migrated, as the messenger opens it


def test_killed_mid_batch_and_restarted_sends_nothing_twice(
    config: Path, db: Database, smsc: Smsc, customer: Customer, clock: FakeClock
) -> None:
    for number in numbers(30):
        queue(db, customer(number), clock)
    smsc.drop_after_held = 10_000  # hold, never drop: the relay waits for answers
    smsc.answer = lambda s: ACCEPT if len(smsc.submits) < 5 else HOLD
    first = _messenger(config)
    try:
        smsc.wait_for(lambda: len(smsc.submits) >= 10, timeout=30)
    finally:
        first.send_signal(signal.SIGKILL)
        _, first_log = first.communicate(timeout=10)
    assert first.returncode == -signal.SIGKILL
    killed = _statuses(db)
    # the batch was marked 'sending' before the first submit: killed, it stays so
    assert killed["sending"] >= 10 and killed["queued"] and not killed["unknown"]

    smsc.answer = lambda s: ACCEPT
    second = _messenger(config, "--once")
    out, second_log = second.communicate(timeout=60)
    assert second.returncode == 0, second_log
    after = _statuses(db)
    assert "queued" not in after
    assert after["sending"] + after["unknown"] == killed["sending"]  # left for staff
    per_number = Counter(s.destination for s in smsc.submits)
    assert set(per_number.values()) == {1}
    assert after["sent"] == killed["queued"]  # the rest went, each once
    for text in (first_log, second_log, out):
        assert "9123" not in text and "852" not in text  # no number in any log line


@pytest.mark.postgres
def test_two_relays_on_postgresql_never_send_the_same_text(
    postgres_url: str, tmp_path: Path, smsc: Smsc, clock: FakeClock
) -> None:
    from kiosk.db.migrate import upgrade

    settings = settings_from_mapping(
        {
            "kiosk": {"data_dir": str(tmp_path)},
            "database": {"url": postgres_url},
            "sms": {
                "gateway": f"smpp://esme:secret@127.0.0.1:{smsc.port}",
                "rate_per_second": 1000,
            },
        }
    )
    upgrade(Database(postgres_url))
    db = open_database(settings)
    key = open_contact_key(db, settings)
    from kiosk.contacts import ContactBook
    from kiosk.reception import Reception, VisitInput

    reception = Reception(db, settings, clock)
    book = ContactBook(db, settings, key, clock)
    count = 120
    for number in numbers(count):
        ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card"))
        book.opt_in(
            ticket_id=ticket.ticket_id,
            typed=number,
            purposes=["survey"],
            locale="en",
            notice_version="v",
        )
        queue(db, ticket.ticket_id, clock)
    relays = [
        Relay(db, settings, gateway_for(settings), key, clock=clock, relay_id=f"r{i}")
        for i in (1, 2)
    ]
    done = threading.Event()

    def work(relay: Relay) -> None:
        while not done.is_set() and _statuses(db)["queued"]:
            relay.step(wait=0.01)

    threads = [threading.Thread(target=work, args=(r,)) for r in relays]
    for thread in threads:
        thread.start()
    try:
        smsc.wait_for(lambda: len(smsc.submits) >= count, timeout=60)
    finally:
        done.set()
        for thread in threads:
            thread.join(30)
        for relay in relays:
            relay._gateway.close()
    per_number = Counter(s.destination for s in smsc.submits)
    assert len(per_number) == count and set(per_number.values()) == {1}
    with db.session() as session:
        claimed = Counter(r.claimed_by for r in session.exec(select(OutboxRow)))
    assert sum(claimed.values()) == count
    db.dispose()


def test_the_messenger_tells_systemd_it_runs_and_pings_the_watchdog(
    config: Path, db: Database, tmp_path: Path
) -> None:
    import socket

    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(30)
        process = subprocess.Popen(
            [sys.executable, "-c", _MAIN, "messenger", "--config", str(config)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "200000"},
        )
        try:
            messages = [listener.recv(64).decode() for _ in range(3)]
        finally:
            process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
        while "STOPPING=1" not in messages:
            messages.append(listener.recv(64).decode())
    assert messages[0] == "READY=1" and messages[1:3] == ["WATCHDOG=1", "WATCHDOG=1"]
