"""What the messenger's tests share: settings pointing at a test SMSC, customers who
opted in, texts queued for them, and a relay."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.loader import parse_catalogue
from kiosk.contact_key import ContactKey
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.messenger.gateways import gateway_for
from kiosk.messenger.relay import Relay
from kiosk.outbox import enqueue
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.clock import FakeClock
from tests.helpers.smsc import Smsc
from tests.kiosk.conftest import MINI_CATALOGUE


@pytest.fixture
def smsc() -> Iterator[Smsc]:
    server = Smsc().start()
    yield server
    server.close()


def sms_settings(tmp_path: Path, gateway: str, **sms: Any) -> Settings:
    return settings_from_mapping(
        {
            "kiosk": {"data_dir": str(tmp_path), "branch_name": "Riverside"},
            "sms": {"gateway": gateway, "rate_per_second": 1000, **sms},
        }
    )


@pytest.fixture
def settings(tmp_path: Path, smsc: Smsc) -> Settings:
    return sms_settings(tmp_path, f"smpp://esme:secret@127.0.0.1:{smsc.port}")


def make_db(settings: Settings) -> Database:
    database = Database(settings.database_url)
    database.create_schema()
    with database.session() as session:
        save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
    return database


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = make_db(settings)
    yield database
    database.dispose()


@pytest.fixture
def key(db: Database, settings: Settings) -> ContactKey:
    return open_contact_key(db, settings)


Customer = Callable[..., int]


@pytest.fixture
def customer(db: Database, settings: Settings, key: ContactKey, clock: FakeClock) -> Customer:
    """A ticket whose customer opted in with ``number`` in ``locale``; returns the ticket id."""
    reception = Reception(db, settings, clock)
    book = ContactBook(db, settings, key, clock)

    def make(
        number: str,
        locale: str = "en",
        purposes: tuple[str, ...] = ("turn_near", "survey"),
    ) -> int:
        ticket = reception.take_ticket(VisitInput(locale, clock.now, (), "lost_card"))
        book.opt_in(
            ticket_id=ticket.ticket_id,
            typed=number,
            purposes=purposes,
            locale=locale,
            notice_version="2026-12",
        )
        return ticket.ticket_id

    return make


def queue(
    db: Database, ticket_id: int, clock: FakeClock, template: str = "survey", **params: Any
) -> int:
    purpose = "turn_near" if template == "turn_near" else "survey"
    with db.session() as session:
        queued = enqueue(
            session,
            ticket_id=ticket_id,
            purpose=purpose,
            template=template,
            params={"branch": "Riverside", "code": f"T{ticket_id:03d}", "ahead": 1, **params},
            not_before=clock.now,
        )
    assert queued is not None
    return queued


@pytest.fixture
def relay(db: Database, settings: Settings, key: ContactKey, clock: FakeClock) -> Iterator[Relay]:
    relay = Relay(
        db, settings, gateway_for(settings), key, clock=clock, relay_id="r1", min_backoff=0
    )
    yield relay
    relay._gateway.close()


def numbers(count: int, start: int = 0) -> list[str]:
    """Valid Hong Kong mobile numbers, different from each other."""
    return [f"9123{start + i:04d}" for i in range(count)]
