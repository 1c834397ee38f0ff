"""Contacts: numbers normalised, encrypted at rest with a key file outside the database,
masked, revealed only by an audited staff action, withdrawn, purged on their own period."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import select

from kiosk.access import SYSTEM, StaffMember
from kiosk.audit import AuditLog
from kiosk.contact_key import ContactKeyError, load_contact_key
from kiosk.contacts import ConsentRejected, ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.db.models import Staff
from kiosk.db.models_contacts import ConsentRow, ContactRow, DoNotContactRow
from kiosk.phone import PhoneRejected, from_gateway, mask, normalise
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from kiosk.sms_texts import load_texts
from tests.helpers.clock import FakeClock

HK_MOBILE = "91234567"


@pytest.fixture
def book(db: Database, settings: Settings, clock: FakeClock) -> ContactBook:
    return ContactBook(db, settings, open_contact_key(db, settings), clock)


@pytest.fixture
def ticket_id(db: Database, settings: Settings, clock: FakeClock) -> int:
    reception = Reception(db, settings, clock)
    return reception.take_ticket(VisitInput("zh_Hant", clock.now, (), "lost_card")).ticket_id


@pytest.fixture
def staff(db: Database, clock: FakeClock) -> StaffMember:
    with db.session() as session:
        row = Staff(number="7", name="Ann", role="staff", pin_hash="x", created_at=clock.now)
        session.add(row)
        session.flush()
        assert row.id is not None
        return StaffMember(row.id, row.name, row.role, row.number)


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("9123 4567", "HK", "+85291234567"),
        ("+86 138 0013 8000", "HK", "+8613800138000"),
        ("13800138000", "CN", "+8613800138000"),
        ("0912345678", "TW", "+886912345678"),
        ("+886912345678", "HK", "+886912345678"),
        ("+447911123456", "HK", "+447911123456"),
    ],
)
def test_numbers_become_e164(typed: str, region: str, e164: str) -> None:
    assert normalise(typed, region) == e164


@pytest.mark.parametrize("typed", ["", "1234", "+852 1234 5678 9999 1", "+85221234567", "++852"])
def test_wrong_numbers_are_refused_with_a_message(typed: str) -> None:
    with pytest.raises(PhoneRejected) as caught:
        normalise(typed, "HK")
    assert caught.value.message


def test_the_mask_shows_country_and_last_four() -> None:
    assert mask("+85291234567") == "+852 •••• 4567"
    assert from_gateway("85291234567", "HK") == "+85291234567"
    assert from_gateway("garbage", "HK") is None


def test_the_number_is_never_plain_in_the_database_file(
    tmp_path: Path, settings: Settings, clock: FakeClock
) -> None:
    db = Database(settings.database_url)
    db.create_schema()
    reception = Reception(db, settings, clock)
    from kiosk.catalogue.loader import parse_catalogue
    from kiosk.db.catalogue_store import save_catalogue
    from tests.kiosk.conftest import MINI_CATALOGUE

    with db.session() as session:
        save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
    ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card"))
    book = ContactBook(db, settings, open_contact_key(db, settings), clock)
    view = book.opt_in(
        ticket_id=ticket.ticket_id,
        typed="9123 4567",
        purposes=["survey", "turn_near"],
        locale="en",
        notice_version="2026-12",
    )
    assert view.masked == "+852 •••• 4567"
    db.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("kiosk.sqlite3*"))
    for spelling in ("91234567", "85291234567", "9123 4567", "1234567"):
        assert spelling.encode() not in raw
        assert spelling.encode("utf-16-le") not in raw


def test_the_key_file_is_private_and_never_silently_replaced(
    db: Database, settings: Settings, book: ContactBook, ticket_id: int
) -> None:
    path = settings.sms.key_path(settings.kiosk.data_dir)
    assert path.stat().st_mode & 0o777 == 0o600
    book.opt_in(
        ticket_id=ticket_id, typed=HK_MOBILE, purposes=["survey"], locale="en", notice_version="v"
    )
    original = path.read_bytes()
    path.unlink()
    with pytest.raises(ContactKeyError, match="missing"):
        open_contact_key(db, settings)
    assert not path.exists()
    load_contact_key(path, may_create=True)  # someone makes another key…
    with pytest.raises(ContactKeyError, match="does not match"):
        open_contact_key(db, settings)  # …and it is refused
    path.write_bytes(original)
    os.chmod(path, 0o644)
    with pytest.raises(ContactKeyError, match="chmod 600"):
        open_contact_key(db, settings)
    os.chmod(path, 0o600)
    assert open_contact_key(db, settings).decrypt(_only_contact(db).phone_cipher) == normalise(
        HK_MOBILE, "HK"
    )


def _only_contact(db: Database) -> ContactRow:
    with db.session() as session:
        return session.exec(select(ContactRow)).one()


def test_consent_keeps_when_what_which_notice_and_kiosk(
    db: Database, book: ContactBook, ticket_id: int, clock: FakeClock
) -> None:
    with pytest.raises(ConsentRejected):
        book.opt_in(
            ticket_id=ticket_id, typed=HK_MOBILE, purposes=[], locale="en", notice_version="v"
        )
    version = load_texts().notice.version
    book.opt_in(
        ticket_id=ticket_id,
        typed=HK_MOBILE,
        purposes=["survey"],
        locale="zh_Hant",
        notice_version=version,
    )
    with db.session() as session:
        consent = session.exec(select(ConsentRow)).one()
    assert consent.purposes == ["survey"]
    assert consent.notice_version == version and consent.kiosk_id == "kiosk-1"
    assert consent.at == clock.now


def test_reveal_and_withdraw_are_audited(
    db: Database, settings: Settings, book: ContactBook, ticket_id: int, staff: StaffMember
) -> None:
    view = book.opt_in(
        ticket_id=ticket_id, typed=HK_MOBILE, purposes=["survey"], locale="en", notice_version="v"
    )
    assert book.masked(view.contact_id) == "+852 •••• 4567"
    assert book.reveal(staff, view.contact_id) == "+85291234567"
    book.withdraw(staff, view.contact_id)
    actions = [e.action for e in AuditLog(db, "kiosk-1").entries()]
    assert actions[:2] == ["contact.withdraw", "contact.reveal"]
    for entry in AuditLog(db, "kiosk-1").entries():
        assert "91234567" not in str(entry.detail)
    with db.session() as session:
        assert session.exec(select(DoNotContactRow)).one().source == "staff"
        assert session.exec(select(ConsentRow)).one().withdrawn_at is not None


def test_purge_removes_contact_and_consent_after_their_own_period(
    db: Database, settings: Settings, book: ContactBook, ticket_id: int, clock: FakeClock
) -> None:
    book.opt_in(
        ticket_id=ticket_id, typed=HK_MOBILE, purposes=["survey"], locale="en", notice_version="v"
    )
    clock.advance(days=settings.sms.contact_retention_days - 1)
    assert book.purge(SYSTEM) == 0
    clock.advance(days=2)
    assert book.purge(SYSTEM) == 1
    with db.session() as session:
        assert session.exec(select(ContactRow)).all() == []
        assert session.exec(select(ConsentRow)).all() == []
    assert AuditLog(db, "kiosk-1").entries()[0].detail["contacts"] == 1
