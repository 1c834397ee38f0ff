"""Rate a recent visit: finding the ticket, one rating per ticket, earlier days within
the retention period, a low score opens a case; and follow-on tickets keep the place."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from kiosk.access import StaffMember
from kiosk.branch_settings import BranchSettingsStore
from kiosk.catalogue.loader import parse_catalogue
from kiosk.complaint_book import ComplaintBook
from kiosk.complaint_rules import CaseSource
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.desk import Desk, DeskError
from kiosk.feedback import FeedbackError, Ratings
from kiosk.follow_on import FollowOns
from kiosk.reception import Reception, VisitInput
from kiosk.records import Records
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock

from .conftest import _service, t


@pytest.fixture
def ratings(db: Database, settings: Settings, clock: FakeClock) -> Ratings:
    return Ratings(db, settings, clock)


def issue(reception: Reception, clock: FakeClock, slug: str = "lost_card") -> int:
    clock.advance(seconds=30)
    return reception.take_ticket(VisitInput("en", clock.now, (), slug)).ticket_id


def serve(desk: Desk, ticket_id: int) -> None:
    desk.call("1", ticket_id, staff_id=7)
    desk.start(ticket_id)
    desk.finish(ticket_id, "served")


def test_one_rating_per_ticket(
    ratings: Ratings, reception: Reception, desk: Desk, clock: FakeClock
) -> None:
    ticket = issue(reception, clock)
    with pytest.raises(FeedbackError, match="not been served") as refused:
        ratings.find("L001")
    assert refused.value.params == {"code": "L001"}
    serve(desk, ticket)
    found = ratings.find(" l 001 ")
    assert found.code == "L001"
    result = ratings.rate(found.reference, 4, ("wait", "other"))
    assert result.case_id is None
    with pytest.raises(FeedbackError, match="already been rated"):
        ratings.find("L001")
    with pytest.raises(FeedbackError, match="already been rated"):
        ratings.rate(found.reference, 5)


def test_unknown_and_malformed_codes(ratings: Ratings) -> None:
    with pytest.raises(FeedbackError, match="cannot find ticket") as unknown:
        ratings.find("A999")
    assert unknown.value.params == {"code": "A999"}
    for typed in ("", "12", "ABC12", "A1"):
        with pytest.raises(FeedbackError, match="as printed"):
            ratings.find(typed)
    with pytest.raises(FeedbackError, match="cannot find this ticket"):
        ratings.find("20261130-A001-0123abcd")


def test_earlier_days_within_retention(
    db: Database,
    settings: Settings,
    ratings: Ratings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    manager: StaffMember,
) -> None:
    old = issue(reception, clock)
    serve(desk, old)
    clock.advance(days=3)
    today = issue(reception, clock)  # L001 again, today, not served yet
    assert today != old
    found = ratings.find("L001")  # the served one, three days ago
    assert found.business_day == clock.now.date() - timedelta(days=3)
    BranchSettingsStore(db, settings, clock).update(manager, retention_days=2)
    with pytest.raises(FeedbackError, match="not been served"):
        ratings.find("L001")  # only today's is within the period now
    with pytest.raises(FeedbackError, match="not been served"):
        ratings.rate(reception.reprint(today).reference, 3)


def test_low_score_opens_a_case_with_the_ticket(
    db: Database,
    settings: Settings,
    ratings: Ratings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    manager: StaffMember,
) -> None:
    ticket = issue(reception, clock)
    serve(desk, ticket)
    result = ratings.rate(ratings.find("L001").reference, 2, ("other", "staff_attitude"))
    assert result.case_id is not None
    detail = ComplaintBook(db, settings, clock).case(manager, result.case_id)
    assert detail.case.source == CaseSource.KIOSK_RATING
    assert detail.case.category == "staff" and detail.case.ticket_code == "L001"
    assert detail.rating == (2, ("staff_attitude", "other"))
    with pytest.raises(FeedbackError, match="1 to 5"):
        ratings.rate("x", 0)


def test_purge_keeps_ratings_and_cases(
    db: Database,
    settings: Settings,
    ratings: Ratings,
    reception: Reception,
    desk: Desk,
    clock: FakeClock,
    manager: StaffMember,
) -> None:
    ticket = issue(reception, clock)
    serve(desk, ticket)
    case_id = ratings.rate(ratings.find("L001").reference, 1).case_id
    assert case_id is not None
    clock.advance(days=40)
    assert Records(db, settings, clock).purge(manager.actor, 30, without_archive=True) == 1
    detail = ComplaintBook(db, settings, clock).case(manager, case_id)
    assert detail.case.ticket_code == "L001" and detail.rating == (1, ())


def test_follow_on_keeps_the_customers_place(
    db: Database, settings: Settings, reception: Reception, desk: Desk, clock: FakeClock
) -> None:
    first = issue(reception, clock)
    later = [issue(reception, clock, "general_enquiry") for _ in range(2)]
    serve(desk, first)
    follow_ons = FollowOns(db, settings, reception.catalogue(), clock)
    follow_id, code = follow_ons.issue(first, "general_enquiry", staff_id=7)
    assert code == "G003"
    waiting = desk.waiting("1")
    assert [t.ticket_id for t in waiting] == [follow_id, *later]  # ahead of later arrivals
    assert waiting[0].issued_at == desk.ticket(first).issued_at
    with pytest.raises(DeskError, match="already waits"):
        follow_ons.issue(first, "general_enquiry")
    with pytest.raises(DeskError, match="another service"):
        follow_ons.issue(first, "lost_card")
    with pytest.raises(DeskError, match="finished today"):
        follow_ons.issue(later[0], "open_account")
    with pytest.raises(DeskError, match="no such service"):
        follow_ons.issue(first, "mortgage")


def test_a_complaint_ticket_at_the_kiosk_opens_a_case(
    db: Database,
    settings: Settings,
    clock: FakeClock,
    catalogue_data: dict[str, Any],
    manager: StaffMember,
) -> None:
    catalogue_data["services"].append(_service("complaint", "K"))
    start = catalogue_data["questionnaire"]["questions"][0]
    start["options"].append({"id": "complain", "label": t("Complaint"), "service": "complaint"})
    with db.session() as session:
        save_catalogue(session, parse_catalogue(catalogue_data))
    reception = Reception(db, settings, clock)
    ticket = reception.take_ticket(VisitInput("zh_Hant", clock.now, (), "complaint"))
    reception.take_ticket(VisitInput("en", clock.now, (), "lost_card"))  # no case for others
    cases = ComplaintBook(db, settings, clock).cases(manager)
    assert [(c.source, c.ticket_code, c.opened_at) for c in cases] == [
        (CaseSource.KIOSK, ticket.code, clock.now)
    ]
