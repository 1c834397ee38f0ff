from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from kiosk.catalogue.loader import parse_catalogue
from kiosk.db.catalogue_store import load_stored_catalogue
from kiosk.db.database import Database
from kiosk.db.models import Ticket, Visit
from kiosk.reception import Reception, VisitInput
from kiosk.ticket import PrintStatus, TicketStatus
from tests.helpers.clock import FakeClock

from .conftest import MINI_CATALOGUE


def open_account_visit(clock: FakeClock, missing: tuple[str, ...] = ()) -> VisitInput:
    materials = ("id_document", "proof_of_address", "photo")
    return VisitInput(
        locale="zh_Hant",
        started_at=clock.now,
        answers=("accounts", "open"),
        service_slug="open_account",
        materials_have=tuple(m for m in materials if m not in missing),
        materials_missing=missing,
    )


def test_the_stored_catalogue_equals_the_file(db: Database, catalogue_data: dict[str, Any]) -> None:
    with db.session() as session:
        stored = load_stored_catalogue(session)
    assert stored == parse_catalogue(MINI_CATALOGUE)


def test_take_ticket_stores_visit_and_ticket(
    reception: Reception, db: Database, clock: FakeClock
) -> None:
    ticket = reception.take_ticket(open_account_visit(clock, missing=("photo",)))
    assert ticket.code == "A001"
    assert ticket.locale == "zh_Hant"
    assert ticket.branch_name == "Test Branch"
    assert ticket.people_ahead == 0
    assert ticket.estimated_wait_minutes == 0
    assert [m["en"] for m in ticket.materials_to_prepare] == ["Photo"]
    assert ticket.follow_up_hint is not None and ticket.follow_up_hint["en"] == "Keep your receipt"
    assert ticket.issued_at.tzinfo is not None
    with db.session() as session:
        stored = session.exec(select(Ticket)).one()
        visit = session.exec(select(Visit)).one()
    assert stored.reference == ticket.reference
    assert stored.status == TicketStatus.WAITING
    assert stored.print_status == PrintStatus.PENDING
    assert visit.answers == ["accounts", "open"]
    assert visit.materials_missing == ["photo"]
    assert visit.outcome == "ticket"
    assert visit.kiosk_id == "kiosk-1"


def test_people_ahead_and_estimate(reception: Reception, clock: FakeClock) -> None:
    assert reception.estimate("open_account").people_ahead == 0
    reception.take_ticket(open_account_visit(clock))
    reception.take_ticket(open_account_visit(clock))
    third = reception.take_ticket(open_account_visit(clock))
    assert third.people_ahead == 2
    assert third.estimated_wait_minutes == 16  # 2 × 8 minutes
    estimate = reception.estimate("open_account")
    assert (estimate.people_ahead, estimate.minutes) == (3, 24)
    assert reception.estimate("lost_card").people_ahead == 0


def test_references_are_unique(reception: Reception, clock: FakeClock) -> None:
    references = {reception.take_ticket(open_account_visit(clock)).reference for _ in range(20)}
    assert len(references) == 20


def test_a_ticket_needs_a_service(reception: Reception, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="needs a service"):
        reception.take_ticket(VisitInput(locale="en", started_at=clock.now))


def test_visit_without_ticket_is_recorded(
    reception: Reception, db: Database, clock: FakeClock
) -> None:
    reception.record_visit(open_account_visit(clock, missing=("id_document",)), "list_printed")
    with db.session() as session:
        visit = session.exec(select(Visit)).one()
        assert session.exec(select(Ticket)).first() is None
    assert visit.outcome == "list_printed"


def test_print_status_and_todays_list(reception: Reception, clock: FakeClock) -> None:
    first = reception.take_ticket(open_account_visit(clock, missing=("photo",)))
    second = reception.take_ticket(open_account_visit(clock))
    reception.set_print_status(first.ticket_id, PrintStatus.PRINTED)
    reception.set_print_status(second.ticket_id, PrintStatus.FAILED, "timeout")
    rows = reception.todays_tickets()
    assert [(r.code, r.print_status, r.print_problem) for r in rows] == [
        ("A001", PrintStatus.PRINTED, None),
        ("A002", PrintStatus.FAILED, "timeout"),
    ]
    assert rows[0].materials_missing == ("photo",)
    clock.advance(days=1)
    assert reception.todays_tickets() == []


def test_unknown_ticket_print_status(reception: Reception) -> None:
    with pytest.raises(KeyError):
        reception.set_print_status(999, PrintStatus.PRINTED)


def test_reprint_counts_and_rebuilds_the_ticket(
    reception: Reception, db: Database, clock: FakeClock
) -> None:
    first = reception.take_ticket(open_account_visit(clock))
    second = reception.take_ticket(open_account_visit(clock, missing=("photo",)))
    reception.set_print_status(second.ticket_id, PrintStatus.FAILED, "paper_out")
    again = reception.reprint(second.ticket_id)
    assert (again.code, again.reference, again.locale) == (second.code, second.reference, "zh_Hant")
    assert again.people_ahead == 1
    assert [m["en"] for m in again.materials_to_prepare] == ["Photo"]
    with db.session() as session:
        stored = session.get(Ticket, second.ticket_id)
    assert stored is not None
    assert (stored.reprint_count, stored.print_status) == (1, PrintStatus.PENDING)
    assert first.ticket_id != second.ticket_id
    with pytest.raises(KeyError):
        reception.reprint(12345)
