"""CSAT and complaints over a range, read from the after-visit tables, on a hand-made
day whose answers are written here."""

from __future__ import annotations

from datetime import timedelta

from kiosk.complaint_rules import CaseState
from kiosk.complaints import Complaints
from kiosk.db.database import Database
from kiosk.db.models_contacts import SurveyAnswerRow
from kiosk.desk import Desk
from kiosk.feedback import Ratings
from kiosk.reception import Reception, VisitInput
from kiosk.reports.feedback import csat
from kiosk.reports.satisfaction import csat_counted, satisfaction, survey_rows
from kiosk.reports.window import Window
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock
from tests.kiosk.reports.scenario import MONDAY, TUESDAY, Branch


def test_satisfaction_and_complaints_of_a_day(
    db: Database, settings: Settings, clock: FakeClock
) -> None:
    staff = StaffDirectory(db, clock, kiosk_id="kiosk-1")
    manager = staff.create_first_manager("409217", name="Mei")
    clerk = staff.add(manager, number="2001", name="Tom", role="staff", pin="582046")
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["lost_card"])
    served = []
    for who in (manager.id, clerk.id, clerk.id, None):  # the last is never served
        ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card"))
        if who is None:
            break
        desk.open_counter("1", staff_id=who)
        desk.call_next("1", staff_id=who)
        desk.start(ticket.ticket_id)
        clock.advance(minutes=4)
        desk.finish(ticket.ticket_id, "served")
        desk.close_counter("1")
        served.append(ticket)
    ratings = Ratings(db, settings, clock)
    # Mei's visit: 5 at the kiosk. Tom's first: 4 at the kiosk, but 2 in the survey
    # (the survey's score counts). Tom's second: no answer.
    ratings.rate(ratings.find(served[0].code).reference, 5)
    ratings.rate(ratings.find(served[1].code).reference, 4)
    with db.session() as session:
        session.add(
            SurveyAnswerRow(
                ticket_id=served[1].ticket_id, channel="sms", kind="score", score=2, at=clock.now
            )
        )
        session.commit()
    complaints = Complaints(db, settings, clock)
    case = complaints.log_at_counter(
        clerk, "wait", "Waited too long", ticket_id=served[1].ticket_id
    )
    clock.advance(hours=10)
    complaints.move(manager, case, CaseState.ACKNOWLEDGED, "Called")
    complaints.move(manager, case, CaseState.RESOLVED, "Apologised")

    day = Window.of(
        settings, clock.now.date() - timedelta(days=1), clock.now.date() + timedelta(days=1)
    )
    with db.session() as session:
        branch, cases = satisfaction(session, day, clock.now)
        toms, toms_cases = satisfaction(session, day, clock.now, clerk.id)
    assert (branch.asked, branch.answered, branch.mean, branch.top_percent) == (3, 2, 3.5, 50.0)
    assert branch.answer_percent is not None and round(branch.answer_percent, 1) == 66.7
    assert (toms.asked, toms.answered, toms.mean, toms.top_percent) == (2, 1, 2.0, 0.0)
    assert (cases.opened, cases.resolved, cases.overdue) == (1, 1, 0)
    assert cases.median_hours_to_resolve is not None
    assert round(cases.median_hours_to_resolve, 1) == 10.0
    assert toms_cases.opened == 1
    with db.session() as session:  # counted by the database as row by row
        for who in (None, clerk.id, manager.id):
            assert csat_counted(session, day, who) == csat(survey_rows(session, day, who))


def test_csat_counted_by_the_database_as_row_by_row(branch: Branch) -> None:
    window = Window.of(branch.settings, MONDAY, TUESDAY)
    with branch.db.session() as session:
        rows = survey_rows(session, window)
        assert rows  # the Monday's served tickets count as asked
        assert csat_counted(session, window) == csat(rows)
