"""The disk fills up, the database turns read-only, or its file is deleted while a
customer takes a ticket: the customer is sent to a person, the kiosk carries on, and
nothing is half-written (no visit without its ticket, no number used up). Once the
storage is back the next ticket takes the number the failed one would have had.

Full is a real full filesystem: the kiosk's data folder on a 2 MiB tmpfs, filled up
(needs the right to mount, as root; skipped otherwise). Read-only is SQLite's own
refusal to write (``PRAGMA query_only`` on every new connection of the kiosk's
engine, as a read-only mount would be for every connection): file modes do not stop
root, which runs these tests in some places. Lost is the file moved away.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from kiosk.clock import utc_now
from kiosk.db.database import Database
from kiosk.i18n import Catalogs
from ui.customer.backend import open_backend
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .conftest import CATALOGUE, make_settings
from .driver import Kiosk
from .test_journey import ticket_screen

SENT_TO_STAFF = "Sorry, we could not issue a ticket just now. Please ask a member of staff."
STORED = ("visit", "ticket", "queue_event", "daily_counter")
TIMINGS = Timings(database_retry_ms=100, catalogue_check_ms=60_000)


def _stored(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        counts = {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in STORED
        }
        last = connection.execute(text("SELECT coalesce(sum(last_number), 0) FROM daily_counter"))
        counts["numbers used"] = last.scalar_one()
    return counts


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB filesystem (tmpfs), unmounted after the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small filesystem cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@contextmanager
def _full(db: Database) -> Iterator[None]:
    """Fill the kiosk's filesystem to the last byte."""
    assert db.file is not None
    db.engine.dispose()
    raw = db.engine.raw_connection()  # outside a transaction: new frames must grow the WAL
    try:
        busy, _, _ = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
    finally:
        raw.close()
    filler = db.file.with_name("filler")
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    probe = db.file.with_name("probe")
    with pytest.raises(OSError) as full:
        probe.write_bytes(b"\0" * 4096)
    assert full.value.errno == errno.ENOSPC
    probe.unlink(missing_ok=True)
    try:
        yield
    finally:
        os.unlink(filler)


@contextmanager
def _every_connection(db: Database, *pragmas: str) -> Iterator[None]:
    """Every connection the kiosk opens from now on runs ``pragmas`` first."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    event.listen(db.engine, "connect", on_connect)
    db.engine.dispose()  # the pooled connections were opened before
    try:
        yield
    finally:
        event.remove(db.engine, "connect", on_connect)
        db.engine.dispose()


@contextmanager
def _read_only(db: Database) -> Iterator[None]:
    with _every_connection(db, "PRAGMA query_only = ON"):
        yield


@contextmanager
def _lost(db: Database) -> Iterator[None]:
    assert db.file is not None
    db.engine.dispose()
    away = db.file.with_name("kept-aside.sqlite3")
    db.file.rename(away)  # as good as deleted for the kiosk (kept to compare after)
    try:
        yield
        assert not db.file.exists(), "the kiosk made a new, empty database"
    finally:
        away.rename(db.file)


CONDITIONS: dict[str, Callable[[Database], Any]] = {
    "disk full": _full,
    "read-only": _read_only,
    "database lost": _lost,
}
#: What the database said, so each case is the failure it claims to be.
SAID = {
    "disk full": "database or disk is full",
    "read-only": "attempt to write a readonly database",
    "database lost": "the database file is gone",
}


def _take_ticket(kiosk: Kiosk) -> None:
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    kiosk.click("material.id_document")
    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)


@pytest.fixture
def kiosk_on(qtbot: QtBot, catalogs: Catalogs) -> Iterator[Callable[[Path], Kiosk]]:
    """A real kiosk whose data folder (database included) is ``data_dir``."""
    built: list[Kiosk] = []

    def build(data_dir: Path) -> Kiosk:
        settings = make_settings(data_dir)
        backend = open_backend(settings, catalogs, [CATALOGUE])
        kiosk = Kiosk.build(qtbot, settings, catalogs, backend, TIMINGS, utc_now)
        built.append(kiosk)
        return kiosk

    yield build
    for kiosk in built:
        kiosk.window.shutdown()
        kiosk.backend.close()


def _place(condition: str, request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if condition == "disk full":
        disk: Path = request.getfixturevalue("small_disk")
        return disk
    return tmp_path / "data"


@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_a_storage_failure_sends_the_customer_to_a_person_and_writes_nothing(
    kiosk_on: Callable[[Path], Kiosk],
    condition: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    kiosk = kiosk_on(_place(condition, request, tmp_path))
    db = kiosk.backend.db
    before = _stored(db)
    failures: list[BaseException] = []
    kiosk.window.worker.job_did_fail.connect(failures.append)
    with CONDITIONS[condition](db):
        _take_ticket(kiosk)
        screen = ticket_screen(kiosk)
        kiosk.qtbot.waitUntil(lambda: screen.state == "issue_failed", timeout=5000)
        assert any(SAID[condition] in str(e) for e in failures), failures
        assert kiosk.language.loc.tr(SENT_TO_STAFF) in kiosk.visible_texts()
        assert screen.ticket is None and not kiosk.has("ticket.code")
        assert kiosk.window.isVisible()
        kiosk.click("ticket.done")  # the customer can leave; the kiosk carries on
        kiosk.wait_screen(Screen.WELCOME)
    assert _stored(db) == before, "a failed ticket left something behind"

    kiosk.qtbot.waitUntil(lambda: kiosk.banner() == "", timeout=5000)
    _take_ticket(kiosk)  # the storage is back: the next customer gets the first number
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printed", timeout=5000)
    assert kiosk.text("ticket.code") == "L001"
