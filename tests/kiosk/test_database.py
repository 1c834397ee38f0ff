"""A database that is locked or gone gives a clear error and loses nothing already stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from kiosk.bootstrap import open_database
from kiosk.catalogue.loader import CatalogueError
from kiosk.db.database import Database, DatabaseUnavailable
from kiosk.db.models import Ticket
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.clock import FakeClock


def test_first_run_creates_and_seeds_the_database(settings: Settings) -> None:
    db = open_database(settings)
    assert Path(settings.database_url.removeprefix("sqlite:///")).exists()
    reception = Reception(db, settings)
    assert len(reception.catalogue().services) >= 11
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    # a second start keeps what is there
    db.dispose()
    again = open_database(settings)
    assert len(Reception(again, settings).catalogue().services) >= 11


def test_malformed_seed_catalogue_stops_start_up(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("services: []\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"bad\.yaml"):
        open_database(settings, [bad])


def test_a_locked_database_is_reported(tmp_path: Path, clock: FakeClock) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    open_database(settings).dispose()
    db = Database(settings.database_url, busy_timeout_ms=100)
    reception = Reception(db, settings, clock)
    reception.catalogue()
    blocker = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable, match="locked"):
            reception.take_ticket(VisitInput("en", clock.now, service_slug="lost_card"))
    finally:
        blocker.rollback()
        blocker.close()
    # once free again, tickets flow and nothing was half-written
    ticket = reception.take_ticket(VisitInput("en", clock.now, service_slug="lost_card"))
    assert ticket.code == "L001"


def test_a_database_file_that_is_gone_is_reported(tmp_path: Path, clock: FakeClock) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})
    db = open_database(settings)
    reception = Reception(db, settings, clock)
    reception.take_ticket(VisitInput("en", clock.now, service_slug="lost_card"))
    for path in (tmp_path / "data").iterdir():
        path.unlink()
    with pytest.raises(DatabaseUnavailable, match="gone"):
        reception.take_ticket(VisitInput("en", clock.now, service_slug="lost_card"))


def test_an_unusable_data_directory_is_reported(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x", encoding="utf-8")
    settings = settings_from_mapping({"kiosk": {"data_dir": str(blocked / "data")}})
    with pytest.raises(DatabaseUnavailable):
        open_database(settings)


def test_in_memory_database_works(clock: FakeClock, tmp_path: Path) -> None:
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": "sqlite://"}}
    )
    db = open_database(settings)
    Reception(db, settings, clock).take_ticket(
        VisitInput("en", clock.now, service_slug="lost_card")
    )
    with db.session() as session:
        assert len(session.exec(select(Ticket)).all()) == 1
