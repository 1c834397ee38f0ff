"""Ticket numbers: per prefix and business day, no duplicates or gaps, also across processes."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlmodel import select

from kiosk.catalogue.loader import parse_catalogue
from kiosk.clock import business_day, business_day_bounds
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.db.models import Ticket, Visit
from kiosk.numbering import display_code, next_number
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.clock import FakeClock

from ..postgres import postgres_url
from .conftest import MINI_CATALOGUE

__all__ = ["postgres_url"]

HK = ZoneInfo("Asia/Hong_Kong")


def visit(slug: str, at: datetime) -> VisitInput:
    return VisitInput(locale="en", started_at=at, service_slug=slug)


def test_display_code() -> None:
    assert display_code("A", 7) == "A007"
    assert display_code("LN", 1234) == "LN1234"


@pytest.mark.parametrize(
    ("local", "expected_day"),
    [
        (datetime(2026, 11, 30, 3, 59, tzinfo=HK), "2026-11-29"),
        (datetime(2026, 11, 30, 4, 0, tzinfo=HK), "2026-11-30"),
        (datetime(2026, 11, 30, 23, 59, tzinfo=HK), "2026-11-30"),
    ],
)
def test_business_day_turns_at_the_reset_hour(local: datetime, expected_day: str) -> None:
    assert business_day(local.astimezone(UTC), HK, 4).isoformat() == expected_day


def test_business_day_needs_an_aware_moment() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        business_day(datetime(2026, 1, 1), HK, 4)


def test_business_day_bounds_cover_the_day() -> None:
    start, end = business_day_bounds(datetime(2026, 11, 30).date(), HK, 4)
    assert start == datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 30, 20, 0, tzinfo=UTC)


def test_numbers_count_per_prefix(db: Database, settings: Settings, clock: FakeClock) -> None:
    reception = Reception(db, settings, clock)
    codes = [
        reception.take_ticket(visit(s, clock.now)).code
        for s in ("open_account", "lost_card", "open_account", "open_account", "lost_card")
    ]
    assert codes == ["A001", "L001", "A002", "A003", "L002"]


def test_numbers_restart_at_the_reset_hour(
    db: Database, settings: Settings, clock: FakeClock
) -> None:
    reception = Reception(db, settings, clock)
    clock.now = datetime(2026, 11, 30, 19, 58, tzinfo=UTC)  # 03:58 in Hong Kong
    first = reception.take_ticket(visit("lost_card", clock.now))
    second = reception.take_ticket(visit("lost_card", clock.now))
    clock.advance(minutes=2)  # 04:00 local: a new business day
    third = reception.take_ticket(visit("lost_card", clock.now))
    assert (first.code, second.code, third.code) == ("L001", "L002", "L001")
    assert first.business_day.isoformat() == "2026-11-30"
    assert third.business_day.isoformat() == "2026-12-01"


def test_a_rolled_back_issue_leaves_no_gap(db: Database) -> None:
    day = datetime(2026, 11, 30).date()
    with db.session() as session:
        assert next_number(session, day, "Z") == 1
    with pytest.raises(RuntimeError), db.session() as session:
        next_number(session, day, "Z")
        raise RuntimeError("printer exploded before commit")
    with db.session() as session:
        assert next_number(session, day, "Z") == 2


def _issue_many(
    url: str, data_dir: str, count: int, start: multiprocessing.synchronize.Event
) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": data_dir}, "database": {"url": url}})
    db = Database(url)
    reception = Reception(db, settings)
    start.wait()
    slugs = ("open_account", "lost_card")
    for index in range(count):
        reception.take_ticket(visit(slugs[index % 2], datetime.now(UTC)))
    db.dispose()


def _issue_in_processes(url: str, data_dir: Path, processes: int, each: int) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=_issue_many, args=(url, str(data_dir), each, start))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0


def _assert_contiguous(db: Database, total: int) -> None:
    with db.session() as session:
        tickets = session.exec(select(Ticket)).all()
        visits = session.exec(select(func.count()).select_from(Visit)).one()
    assert len(tickets) == total
    assert visits == total
    for prefix in ("A", "L"):
        numbers = sorted(t.number for t in tickets if t.prefix == prefix)
        assert numbers == list(range(1, total // 2 + 1)), prefix


def test_processes_sharing_one_sqlite_file_never_duplicate(
    db: Database, settings: Settings, tmp_path: Path
) -> None:
    _issue_in_processes(settings.database_url, tmp_path, processes=8, each=500)
    _assert_contiguous(db, 4000)


@pytest.mark.postgres
def test_processes_sharing_one_postgresql_never_duplicate(
    postgres_url: str, tmp_path: Path
) -> None:
    db = Database(postgres_url)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
    try:
        _issue_in_processes(postgres_url, tmp_path, processes=8, each=500)
        _assert_contiguous(db, 4000)
    finally:
        db.dispose()
