"""Backups taken while kiosks issue tickets, rotation, and restore (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from cli.main import main
from kiosk.backup import Backup, BackupError, restore, rotate, sqlite_problem, take_backup, to_keep
from kiosk.bootstrap import open_database
from kiosk.db.database import Database, DatabaseUnavailable
from kiosk.db.models import Ticket
from kiosk.settings import Settings, settings_from_mapping

from ..postgres import postgres_url
from .test_numbering import _issue_in_processes

__all__ = ["postgres_url"]

NOW = datetime(2026, 12, 2, 21, 30)


def _tickets(url: str) -> list[tuple[str, int, str]]:
    db = Database(url)
    try:
        with db.session() as session:
            rows = session.exec(
                select(Ticket).order_by(col(Ticket.prefix), col(Ticket.number))
            ).all()
            return [(t.prefix, t.number, t.service_slug) for t in rows]
    finally:
        db.dispose()


def _assert_no_gap(tickets: list[tuple[str, int, str]]) -> None:
    for prefix in {p for p, _, _ in tickets}:
        numbers = [n for p, n, _ in tickets if p == prefix]
        assert numbers == list(range(1, len(numbers) + 1)), prefix


def test_rotation_keeps_the_newest_per_day_and_per_month(tmp_path: Path) -> None:
    taken = [NOW - timedelta(hours=12 * i) for i in range(200)]  # two a day, 100 days
    backups = [Backup(tmp_path / f"{t:%Y%m%d%H%M}", t) for t in taken]
    kept = sorted(
        (b for b in backups if b.path in to_keep(backups, 7, 3)), key=lambda b: b.taken_at
    )
    days = [b.taken_at.date() for b in kept]
    assert len(set(days)) == len(days)  # one per day
    assert kept[-1].taken_at == NOW  # the newest always
    recent = [b for b in kept if b.taken_at > NOW - timedelta(days=7)]
    assert len(recent) == 7
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert months == {(2026, 12), (2026, 11), (2026, 10)}
    assert to_keep([], 7, 3) == set()


def test_a_backup_while_eight_processes_issue_tickets_restores_exactly(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})
    url = settings.database_url
    open_database(settings).dispose()
    issuing = threading.Thread(target=_issue_in_processes, args=(url, tmp_path, 8, 150))
    issuing.start()
    backups: list[Path] = []
    try:
        while issuing.is_alive() and len(backups) < 20:
            backups.append(
                take_backup(url, tmp_path / "backups", NOW + timedelta(seconds=len(backups)))
            )
    finally:
        issuing.join()
    assert backups
    middle = backups[len(backups) // 2]
    assert sqlite_problem(middle) == ""
    snapshot = _tickets(f"sqlite:///{middle}")
    _assert_no_gap(snapshot)  # consistent: whole tickets, no half-written one
    assert len(_tickets(url)) == 1200

    restore(url, middle)
    assert _tickets(url) == snapshot
    assert sqlite_problem(Path(settings.database_url.removeprefix("sqlite:///"))) == ""


def test_restore_refuses_a_damaged_file_and_a_database_in_use(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    open_database(settings).dispose()
    url = settings.database_url
    good = take_backup(url, tmp_path / "backups", NOW)
    damaged = tmp_path / "kiosk-20261202-000000.sqlite3"
    damaged.write_bytes(good.read_bytes()[: 4096 * 3])
    with pytest.raises(BackupError) as refused:
        restore(url, damaged)
    assert refused.value.message == "The backup failed its integrity check."
    live = Path(url.removeprefix("sqlite:///"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sqlite3, time; c = sqlite3.connect({str(live)!r}); "
            "c.execute('select 1'); print('open', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(BackupError) as busy:
            restore(url, good)
        assert busy.value.message.startswith("The database is in use by {n} other processes")
        assert str(holder.pid) in busy.value.detail
    finally:
        holder.kill()
        holder.wait()
    restore(url, good)


def test_a_damaged_database_is_refused_at_start(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    open_database(settings).dispose()
    live = Path(settings.database_url.removeprefix("sqlite:///"))
    data = bytearray(live.read_bytes())
    data[4096 * 2 : 4096 * 2 + 512] = b"\xff" * 512  # a page of the tables trashed
    live.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnavailable, match=r"(?s)is damaged.*kiosk db restore"):
        open_database(settings)


def test_backup_and_restore_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    assert main(["db", "backup", "--config", str(config)]) == 1
    assert capsys.readouterr().err.startswith("The database file does not exist.")
    open_database(settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})).dispose()
    assert main(["db", "backup", "--config", str(config), "--keep-daily", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backup written to ") and str(tmp_path / "data" / "backups") in out
    backup = Path(out.split("Backup written to ")[1].strip().rstrip("."))
    assert main(["db", "restore", "--config", str(config), str(backup)]) == 0
    assert "Restored the database from" in capsys.readouterr().out
    assert main(["db", "restore", "--config", str(config), str(tmp_path / "nothing")]) == 1
    assert capsys.readouterr().err.startswith("There is no such backup file.")
    rotate(backup.parent, 1, 1)
    assert backup.exists()


@pytest.mark.postgres
def test_postgresql_backup_and_restore(postgres_url: str, tmp_path: Path) -> None:
    settings: Settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": postgres_url}}
    )
    db = Database(postgres_url)
    from kiosk.db.migrate import upgrade

    upgrade(db)
    db.dispose()
    open_database(settings).dispose()
    _issue_in_processes(postgres_url, tmp_path, 2, 20)
    before = _tickets(postgres_url)
    backup = take_backup(postgres_url, tmp_path / "backups", NOW)
    assert backup.suffix == ".pgdump"
    _issue_in_processes(postgres_url, tmp_path, 2, 10)  # more after the backup
    assert len(_tickets(postgres_url)) == len(before) + 20
    restore(postgres_url, backup)
    assert _tickets(postgres_url) == before
