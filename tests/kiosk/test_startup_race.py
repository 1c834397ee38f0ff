"""Machines switched on at the same moment on a new branch database all start.

Eight processes race through the schema upgrade and the catalogue seeding, on
PostgreSQL (the branch) and SQLite (one kiosk, several processes): every one
must start, and the catalogue must be stored exactly once.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from ..postgres import postgres_url

__all__ = ["postgres_url"]

ROOT = Path(__file__).resolve().parents[2]
MACHINES = 8

STEP = textwrap.dedent(
    """
    import sys, time
    from kiosk.settings import settings_from_mapping
    start, url, step = float(sys.argv[1]), sys.argv[2], sys.argv[3]
    settings = settings_from_mapping({"kiosk": {"data_dir": sys.argv[4]}, "database": {"url": url}})
    if step == "upgrade":
        from kiosk.db.database import Database
        from kiosk.db.migrate import upgrade
        db = Database(url)
    else:
        from kiosk.bootstrap import open_database
    time.sleep(max(0.0, start - time.time()))  # everyone at once
    if step == "upgrade":
        upgrade(db)
    else:
        db = open_database(settings)
    db.dispose()
    """
)


def _all_at_once(step: str, url: str, data_dir: Path) -> list[subprocess.CompletedProcess[str]]:
    start = time.time() + 4.0  # time to import everything first
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", STEP, str(start), url, step, str(data_dir)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(MACHINES)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def _services(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM service")).scalar_one()
            distinct = connection.execute(
                text("SELECT count(DISTINCT slug) FROM service")
            ).scalar_one()
            return int(count), int(distinct)
    finally:
        engine.dispose()


def _assert_all_started(results: list[subprocess.CompletedProcess[str]]) -> None:
    failed = [r.stderr.strip().splitlines()[-1:] for r in results if r.returncode != 0]
    assert not failed, f"{len(failed)} of {MACHINES} machines did not start: {failed}"


def test_eight_machines_start_at_once_on_a_new_postgresql_database(
    postgres_url: str, tmp_path: Path
) -> None:
    _assert_all_started(_all_at_once("upgrade", postgres_url, tmp_path))  # kiosk db upgrade
    _assert_all_started(_all_at_once("open", postgres_url, tmp_path))
    count, distinct = _services(postgres_url)
    assert count == distinct > 0


def test_eight_processes_start_at_once_on_a_new_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    _assert_all_started(_all_at_once("open", url, tmp_path))
    count, distinct = _services(url)
    assert count == distinct > 0
