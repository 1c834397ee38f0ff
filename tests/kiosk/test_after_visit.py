"""The after-visit loop in the domain: a survey reply of "2" opens a case for a
manager; resolving it texts the outcome to the customer who agreed to be contacted."""

from __future__ import annotations

from sqlmodel import col, select

from kiosk.access import StaffMember
from kiosk.after_visit import low_score_opens_a_case, resolution_is_texted
from kiosk.complaint_book import ComplaintBook
from kiosk.complaint_rules import CaseState
from kiosk.complaints import Complaints
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.db.models_contacts import ContactRow, OutboxRow
from kiosk.desk import Desk
from kiosk.messenger.replies import record_reply
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock


def served_with_consent(
    db: Database,
    settings: Settings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    purposes: list[str],
) -> int:
    ticket = reception.take_ticket(VisitInput("zh_Hant", clock.now, (), "lost_card")).ticket_id
    book = ContactBook(db, settings, open_contact_key(db, settings), clock)
    book.opt_in(
        ticket_id=ticket, typed="91234567", purposes=purposes, locale="zh_Hant", notice_version="v"
    )
    desk.call_next("1")
    desk.start(ticket)
    clock.advance(minutes=5)
    desk.finish(ticket, "served")
    return ticket


def texts(db: Database) -> list[OutboxRow]:
    with db.session() as session:
        return list(session.exec(select(OutboxRow).order_by(col(OutboxRow.id))))


def test_a_reply_of_two_opens_a_case_and_its_resolution_is_texted(
    db: Database,
    settings: Settings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    manager: StaffMember,
) -> None:
    ticket = served_with_consent(db, settings, reception, desk, clock, ["survey"])
    (survey,) = texts(db)
    with db.session() as session:  # the messenger sent it
        row = session.get(OutboxRow, survey.id)
        assert row is not None
        row.status = "sent"
        row.sent_at = clock.now
        session.add(row)
        contact = session.exec(select(ContactRow).where(ContactRow.ticket_id == ticket)).one()
        phone_hash = contact.phone_hash
        session.commit()
    clock.advance(hours=2)
    with db.session() as session:
        answer = record_reply(
            session,
            phone_hash=phone_hash,
            text="2 waited too long",
            at=clock.now,
            on_low_score=low_score_opens_a_case(settings),
        )
        session.commit()
    assert answer is not None and answer.score == 2

    book = ComplaintBook(db, settings, clock)
    (case,) = book.cases(manager)
    detail = book.case(manager, case.id)
    assert detail.case.source == "survey" and detail.case.ticket_code is not None
    assert "2/5" in detail.case.summary and "waited too long" in detail.case.summary

    complaints = Complaints(db, settings, clock)
    notify = resolution_is_texted(settings)
    complaints.move(manager, case.id, CaseState.ACKNOWLEDGED, "Called", notify_resolution=notify)
    assert len(texts(db)) == 1  # acknowledging tells nobody
    complaints.move(
        manager, case.id, CaseState.RESOLVED, "Extra counter at lunch", notify_resolution=notify
    )
    resolved = texts(db)[-1]
    assert (resolved.template, resolved.ticket_id) == ("complaint_resolved", ticket)
    assert resolved.params["outcome"] == "Extra counter at lunch"


def test_no_resolution_text_without_consent_to_be_contacted_after_the_visit(
    db: Database,
    settings: Settings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    manager: StaffMember,
) -> None:
    ticket = served_with_consent(db, settings, reception, desk, clock, ["turn_near"])
    complaints = Complaints(db, settings, clock)
    case_id = complaints.open_at_kiosk("wait", "Waited too long", ticket_id=ticket)
    notify = resolution_is_texted(settings)
    complaints.move(manager, case_id, CaseState.ACKNOWLEDGED, "Called", notify_resolution=notify)
    complaints.move(manager, case_id, CaseState.RESOLVED, "Sorry", notify_resolution=notify)
    assert [row.template for row in texts(db)] == []
