"""The outbox: texts written in the transaction of the queue change that causes them,
only with consent, surveys delayed and held through the quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.db.models_contacts import OutboxRow
from kiosk.desk import Desk, DeskError
from kiosk.outbox import after_quiet_hours, enqueue, in_quiet_hours
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock


@pytest.fixture
def book(db: Database, settings: Settings, clock: FakeClock) -> ContactBook:
    return ContactBook(db, settings, open_contact_key(db, settings), clock)


def issue(reception: Reception, clock: FakeClock, locale: str = "en") -> int:
    clock.advance(seconds=30)
    return reception.take_ticket(VisitInput(locale, clock.now, (), "lost_card")).ticket_id


def outbox(db: Database) -> list[OutboxRow]:
    with db.session() as session:
        return list(session.exec(select(OutboxRow).order_by(col(OutboxRow.id))))


def test_turn_near_goes_once_when_few_are_ahead(
    db: Database, desk: Desk, reception: Reception, book: ContactBook, clock: FakeClock
) -> None:
    tickets = [issue(reception, clock) for _ in range(8)]
    last = tickets[-1]
    book.opt_in(
        ticket_id=last,
        typed="91234567",
        purposes=["turn_near"],
        locale="zh_Hans",
        notice_version="v",
    )
    for _ in range(3):
        desk.call_next("1")
    assert outbox(db) == []  # four people still ahead, 20 minutes or more
    desk.call_next("1")
    desk.call_next("1")
    rows = outbox(db)
    assert [(r.purpose, r.template, r.ticket_id) for r in rows] == [
        ("turn_near", "turn_near", last)
    ]
    assert rows[0].params["ahead"] <= 3 and rows[0].status == "queued"
    desk.call_next("1")
    assert len(outbox(db)) == 1


def test_the_survey_waits_its_delay_and_the_quiet_hours(
    db: Database,
    desk: Desk,
    reception: Reception,
    book: ContactBook,
    clock: FakeClock,
    settings: Settings,
) -> None:
    ticket = issue(reception, clock)
    book.opt_in(
        ticket_id=ticket, typed="91234567", purposes=["survey"], locale="en", notice_version="v"
    )
    called = desk.call_next("1")
    assert called is not None and outbox(db) == []  # no consent to "turn near"
    desk.start(ticket)
    desk.finish(ticket, "served")
    (row,) = outbox(db)
    assert row.purpose == "survey"
    assert row.not_before == clock.now + timedelta(minutes=settings.sms.survey_delay_minutes)
    # 20:50 Hong Kong + 30 minutes falls in the quiet hours: held until 09:00
    evening = datetime(2026, 11, 30, 12, 50, tzinfo=UTC)
    assert in_quiet_hours(evening + timedelta(minutes=30), settings)
    held = after_quiet_hours(evening + timedelta(minutes=30), settings)
    assert held == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert not in_quiet_hours(held, settings)


def test_enqueue_needs_consent_to_the_purpose(
    db: Database, reception: Reception, book: ContactBook, clock: FakeClock
) -> None:
    ticket = issue(reception, clock)
    with db.session() as session:
        assert (
            enqueue(
                session,
                ticket_id=ticket,
                purpose="survey",
                template="survey",
                params={},
                not_before=clock.now,
            )
            is None
        )
    book.opt_in(
        ticket_id=ticket, typed="91234567", purposes=["survey"], locale="en", notice_version="v"
    )
    with db.session() as session:
        assert (
            enqueue(
                session,
                ticket_id=ticket,
                purpose="turn_near",
                template="turn_near",
                params={},
                not_before=clock.now,
            )
            is None
        )
        queued = enqueue(
            session,
            ticket_id=ticket,
            purpose="survey",
            template="complaint_resolved",
            params={"reference": "C-1"},
            not_before=clock.now,
        )
    assert queued is not None and outbox(db)[0].template == "complaint_resolved"


def test_a_failed_queue_change_queues_nothing(
    db: Database, desk: Desk, reception: Reception, book: ContactBook, clock: FakeClock
) -> None:
    ticket = issue(reception, clock)
    book.opt_in(
        ticket_id=ticket, typed="91234567", purposes=["survey"], locale="en", notice_version="v"
    )
    with pytest.raises(DeskError):  # the ticket is not at a counter
        desk.finish(ticket, "served")
    assert outbox(db) == []
