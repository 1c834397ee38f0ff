"""The phone survey's call list: who is on it, in which order, what each call records,
and the managers' audited CSV export."""

from __future__ import annotations

import io

import pytest
from sqlmodel import Session, select

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import AuditLog
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.db.models import Staff
from kiosk.db.models_contacts import DoNotContactRow, SurveyAnswerRow
from kiosk.desk import Desk
from kiosk.phone_survey import CallOutcome, CallRejected, PhoneSurvey
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock


def _member(db: Database, clock: FakeClock, number: str, role: str) -> StaffMember:
    with db.session() as session:
        row = Staff(number=number, name=f"S{number}", role=role, pin_hash="x", created_at=clock.now)
        session.add(row)
        session.flush()
        assert row.id is not None
        return StaffMember(row.id, row.name, row.role, row.number)


@pytest.fixture
def staff(db: Database, clock: FakeClock) -> StaffMember:
    return _member(db, clock, "7", "staff")


@pytest.fixture
def manager(db: Database, clock: FakeClock) -> StaffMember:
    return _member(db, clock, "1", "manager")


@pytest.fixture
def visits(db: Database, settings: Settings, clock: FakeClock) -> list[int]:
    """Three finished visits whose customers consented to the survey (one only to
    'turn near'), ten minutes apart."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["lost_card"])
    desk.open_counter("1", staff_id=None)
    book = ContactBook(db, settings, open_contact_key(db, settings), clock)
    contacts = []
    for index, purposes in enumerate((["survey"], ["survey", "turn_near"], ["turn_near"])):
        ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).ticket_id
        view = book.opt_in(
            ticket_id=ticket,
            typed=f"9123456{index}",
            purposes=purposes,
            locale="en",
            notice_version="v",
        )
        desk.call("1", ticket)
        desk.finish(ticket, "served")
        contacts.append(view.contact_id)
        clock.advance(minutes=10)
    return contacts


@pytest.fixture
def survey(db: Database, settings: Settings, clock: FakeClock) -> PhoneSurvey:
    return PhoneSurvey(db, settings, open_contact_key(db, settings), clock)


def test_the_list_holds_unanswered_consenting_visits_oldest_first(
    survey: PhoneSurvey,
    visits: list[int],
    staff: StaffMember,
    clock: FakeClock,
    settings: Settings,
) -> None:
    assert survey.call_list(staff) == []  # too recent
    clock.advance(hours=settings.sms.call_after_hours)
    entries = survey.call_list(staff)
    assert [e.contact_id for e in entries] == visits[:2]
    assert entries[0].masked == "+852 •••• 4560" and entries[0].code == "L001"


def test_each_outcome_is_recorded_and_audited(
    db: Database,
    survey: PhoneSurvey,
    visits: list[int],
    staff: StaffMember,
    clock: FakeClock,
    settings: Settings,
) -> None:
    low: list[int | None] = []

    def on_low(session: Session, answer: SurveyAnswerRow) -> None:
        low.append(answer.score)

    survey.on_low_score = on_low
    clock.advance(hours=settings.sms.call_after_hours)
    first, second = visits[:2]
    with pytest.raises(CallRejected):
        survey.record(staff, first, CallOutcome.ANSWERED)  # no score
    for _ in range(settings.sms.call_max_attempts - 1):
        survey.record(staff, first, CallOutcome.NO_ANSWER)
    assert [e.attempts for e in survey.call_list(staff)] == [2, 0]
    survey.record(staff, first, CallOutcome.NO_ANSWER)  # the last try: off the list
    survey.record(
        staff, second, CallOutcome.ANSWERED, score=2, reasons=["wait"], comment="Too long"
    )
    assert survey.call_list(staff) == [] and low == [2]
    with db.session() as session:
        answers = session.exec(select(SurveyAnswerRow)).all()
    assert [(a.kind, a.score, a.reasons) for a in answers][-1] == ("score", 2, ["wait"])
    assert len([e for e in AuditLog(db, "kiosk-1").entries() if e.action == "survey.call"]) == 4


def test_do_not_contact_from_a_call(
    db: Database,
    survey: PhoneSurvey,
    visits: list[int],
    staff: StaffMember,
    clock: FakeClock,
    settings: Settings,
) -> None:
    clock.advance(hours=settings.sms.call_after_hours)
    survey.record(staff, visits[0], CallOutcome.DO_NOT_CONTACT)
    with db.session() as session:
        assert session.exec(select(DoNotContactRow)).one().source == "phone"
    assert [e.contact_id for e in survey.call_list(staff)] == [visits[1]]


def test_managers_export_the_list_masked_and_audited(
    db: Database,
    survey: PhoneSurvey,
    visits: list[int],
    staff: StaffMember,
    manager: StaffMember,
    clock: FakeClock,
    settings: Settings,
) -> None:
    clock.advance(hours=settings.sms.call_after_hours)
    with pytest.raises(PermissionDenied):
        survey.export_csv(staff, io.StringIO())
    out = io.StringIO()
    assert survey.export_csv(manager, out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == "ticket,service,visit_ended,number,attempts,language"
    assert "+852 •••• 4560" in lines[1] and "91234560" not in out.getvalue()
    assert AuditLog(db, "kiosk-1").entries()[0].action == "survey.export"


def test_a_no_show_is_not_called_for_a_survey(
    db: Database, settings: Settings, survey: PhoneSurvey, staff: StaffMember, clock: FakeClock
) -> None:
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["lost_card"])
    desk.open_counter("1", staff_id=None)
    book = ContactBook(db, settings, open_contact_key(db, settings), clock)
    ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).ticket_id
    book.opt_in(
        ticket_id=ticket, typed="91234567", purposes=["survey"], locale="en", notice_version="v"
    )
    desk.call("1", ticket)
    for _ in range(settings.queue.no_show_after_recalls):
        desk.recall(ticket)
    desk.no_show(ticket)
    clock.advance(hours=settings.sms.call_after_hours + 1)
    assert survey.call_list(staff) == []
