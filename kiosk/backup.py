"""Backups of the branch database, their rotation, and restore.

- **SQLite**: SQLite's online backup API copies a consistent snapshot while kiosks
  keep writing (WAL mode), then ``PRAGMA integrity_check`` checks the copy.
- **PostgreSQL**: ``pg_dump --format=custom`` (consistent by its own snapshot);
  restored with ``pg_restore --clean --single-transaction``.

Rotation keeps the newest backup of each of the last ``keep_daily`` days that
have one, and the newest of each of the last ``keep_monthly`` months. Restore
refuses while other processes use the database and checks the file first, so a
bad file never replaces a good database.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.i18n import N_

SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".pgdump"
_NAME = re.compile(r"^kiosk-(\d{8})-(\d{6})(\.sqlite3|\.pgdump)$")


class BackupError(Exception):
    """A backup or restore that could not be done; ``message`` is a msgid, ``detail``
    the technical reason (a path, the tool's words)."""

    def __init__(self, message: str, detail: str = "", **values: object) -> None:
        self.message, self.detail, self.values = message, detail, values
        super().__init__(f"{message} {detail}".strip())


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime


def backup_name(now: datetime, sqlite: bool) -> str:
    return f"kiosk-{now:%Y%m%d-%H%M%S}{SQLITE_SUFFIX if sqlite else PG_SUFFIX}"


def backups_in(folder: Path) -> list[Backup]:
    """The backups in ``folder``, oldest first (other files are left alone)."""
    found = []
    for path in folder.glob("kiosk-*") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
            found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken_at)


def to_keep(backups: Iterable[Backup], keep_daily: int, keep_monthly: int) -> set[Path]:
    """Newest per day for the last ``keep_daily`` days with a backup, newest per month
    for the last ``keep_monthly`` months; the newest backup is always kept."""
    newest = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {newest[0].path} if newest else set()
    for key, limit in ((lambda b: b.taken_at.date(), keep_daily), (_month, keep_monthly)):
        seen: list[object] = []
        for backup in newest:
            period = key(backup)
            if period not in seen and len(seen) < limit:
                seen.append(period)
                keep.add(backup.path)
    return keep


def _month(backup: Backup) -> tuple[int, int]:
    return backup.taken_at.year, backup.taken_at.month


def rotate(folder: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was deleted."""
    backups = backups_in(folder)
    keep = to_keep(backups, keep_daily, keep_monthly)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".head").unlink(missing_ok=True)  # its audit head note
    return removed


def take_backup(url: str, folder: Path, now: datetime) -> Path:
    """A consistent copy of the database at ``url`` in ``folder``."""
    parsed = make_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(N_("The backup folder cannot be created."), f"{folder}: {exc}") from exc
    target = folder / backup_name(now, sqlite)
    partial = target.with_name(target.name + ".partial")
    if sqlite:
        _sqlite_backup(Path(parsed.database or ""), partial)
    else:
        _run(["pg_dump", "--format=custom", f"--file={partial}", _libpq(url)], "pg_dump")
    partial.replace(target)  # never a half-written backup under a backup's name
    return target


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.exists():
        raise BackupError(N_("The database file does not exist."), str(source))
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise BackupError(N_("The backup could not be written."), str(exc)) from exc
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise BackupError(N_("The backup could not be written."), f"{target}: {exc}") from exc
    problem = sqlite_problem(target)
    if problem:
        target.unlink(missing_ok=True)
        raise BackupError(N_("The backup failed its integrity check."), problem)


def sqlite_problem(path: Path, quick: bool = False, schema: bool = True) -> str:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds wrong, and (``schema``)
    whether it is a kiosk database at all; empty if all is well."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}")]
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as exc:
        return str(exc)
    if rows != ["ok"]:
        return "; ".join(str(r) for r in rows[:5])
    if schema and "alembic_version" not in tables:
        return "not a kiosk database (no schema version)"
    return ""


def restore(url: str, backup: Path) -> None:
    """Replace the database at ``url`` with ``backup``, after checking both."""
    if not backup.is_file():
        raise BackupError(N_("There is no such backup file."), str(backup))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        live = Path(parsed.database or "")
        problem = sqlite_problem(backup)
        if problem:
            raise BackupError(N_("The backup failed its integrity check."), problem)
        users = processes_using(live)
        if users:
            raise BackupError(
                N_("The database is in use by {n} other processes: stop them first."),
                ", ".join(map(str, users)),
                n=len(users),
            )
        with sqlite3.connect(backup) as src, sqlite3.connect(live) as dst:
            src.backup(dst)  # page by page under SQLite's own locks; WAL stays consistent
        return
    _run(["pg_restore", "--list", str(backup)], "pg_restore")  # a readable archive
    others = _pg_other_sessions(url)
    if others:
        raise BackupError(
            N_("The database is in use by {n} other processes: stop them first."),
            str(others),
            n=others,
        )
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            f"--dbname={_libpq(url)}",
            str(backup),
        ],
        "pg_restore",
    )


def processes_using(path: Path) -> list[int]:
    """Other processes on this machine with the SQLite file open (Linux ``/proc``)."""
    try:
        wanted = {path.resolve(), Path(f"{path.resolve()}-wal")}
    except OSError:
        return []
    users = []
    for entry in Path("/proc").glob("[0-9]*"):
        if int(entry.name) == os.getpid():
            continue
        try:
            links = {Path(os.readlink(fd)) for fd in (entry / "fd").iterdir()}
        except OSError:
            continue
        if links & wanted:
            users.append(int(entry.name))
    return sorted(users)


def _pg_other_sessions(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as libpq's tools take it (no ``+driver``)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str], tool: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(N_("{tool} is not installed on this machine."), "", tool=tool)
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    if done.returncode != 0:
        raise BackupError(N_("{tool} failed."), done.stderr.strip()[-500:], tool=tool)
