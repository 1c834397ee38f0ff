"""The after-visit loop on a branch's PostgreSQL, migrated as a branch is: a rating,
the case a low score opens, its moves with the row locked, overdue, and a follow-on."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.catalogue.loader import parse_catalogue
from kiosk.complaint_book import CaseFilter, ComplaintBook
from kiosk.complaint_rules import CaseState
from kiosk.complaints import Complaints
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.db.migrate import upgrade
from kiosk.desk import Desk
from kiosk.feedback import FeedbackError, Ratings
from kiosk.follow_on import FollowOns
from kiosk.reception import Reception, VisitInput
from kiosk.settings import settings_from_mapping
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock

from ..postgres import postgres_url
from .conftest import MINI_CATALOGUE

__all__ = ["postgres_url"]


@pytest.mark.postgres
def test_the_loop_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": postgres_url}}
    )
    clock = FakeClock()
    db = Database(postgres_url)
    try:
        upgrade(db)
        with db.session() as session:
            save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
        manager = StaffDirectory(db, clock, kiosk_id="kiosk-1").create_first_manager(
            "409217", "Mei"
        )
        reception = Reception(db, settings, clock)
        desk = Desk(db, settings, reception.catalogue(), clock)
        desk.set_counter("1", ["lost_card", "general_enquiry"])
        desk.open_counter("1", None)
        ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).ticket_id
        desk.call("1", ticket)
        desk.finish(ticket, "served")
        ratings = Ratings(db, settings, clock)
        result = ratings.rate(ratings.find("L001").reference, 1, ("wait",))
        with pytest.raises(FeedbackError, match="already"):
            ratings.find("L001")
        assert result.case_id is not None
        book = ComplaintBook(db, settings, clock)
        visit_day = clock.now
        clock.advance(days=2)
        assert book.overdue_cases() == [result.case_id]
        complaints = Complaints(db, settings, clock)
        complaints.move(manager, result.case_id, CaseState.ACKNOWLEDGED)
        complaints.move(manager, result.case_id, CaseState.RESOLVED, "Apologised")
        assert book.cases(manager, CaseFilter(overdue_only=True)) == []
        clock.now = visit_day  # back on the day of the visit, for its follow-on
        follow_id, code = FollowOns(db, settings, reception.catalogue(), clock).issue(
            ticket, "general_enquiry"
        )
        assert code == "G001" and [t.ticket_id for t in desk.waiting("1")] == [follow_id]
    finally:
        db.dispose()
