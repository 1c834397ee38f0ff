"""Staff assessment: managers see everyone beside the branch median and keep notes
(audited); a staff member sees only their own page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QFrame

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from ui.admin.assessment_page import AssessmentPage

from .conftest import Admin, cell


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shift(db: Database, settings: Settings, clock: FakeClock, clerk: StaffMember) -> None:
    """Chris signs in at counter 3 for an hour and serves one customer for 12 minutes."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("3", ["open_account", "lost_card"])
    desk.open_counter("3", clerk.id)
    ticket = reception.take_ticket(VisitInput("en", clock.now, ("card_lost",), "lost_card"))
    clock.advance(minutes=6)
    desk.call("3", ticket.ticket_id, clerk.id)
    desk.start(ticket.ticket_id)
    clock.advance(minutes=12)
    desk.finish(ticket.ticket_id, "served")
    clock.advance(minutes=42)
    desk.close_counter("3")


def _page(admin: Admin) -> AssessmentPage:
    admin.touch("admin.nav.assessment")
    page = admin.panel.page("assessment")
    assert isinstance(page, AssessmentPage)
    return page


def test_a_manager_sees_everyone_and_keeps_a_note(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    clerk: StaffMember,
    shift: None,
    clock: FakeClock,
    db: Database,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _page(admin)
    assert page.table.rowCount() == 2  # Chris, then the branch median
    assert [cell(page.table, 0, c) for c in range(7)] == [
        "Chris Clerk", "1", "12.0 (of 1)", "1.0", "0.8", "0", "0 (of 1)",
    ]  # fmt: skip
    assert cell(page.table, 1, 0) == "Branch median (1 person)"
    page.table.selectRow(0)
    admin.settle()
    person = admin.find(f"staff_report.{clerk.id}", QFrame)
    assert person.isVisible()
    assert "Served: 1 · branch median 1" in page.person_lines.text()
    admin.find("staff_report.note.strengths").setText("Explains each step calmly")
    admin.touch("staff_report.save_note")
    assert page.status.text() == "The note is kept."
    assert "Explains each step calmly" in page.notes.text()
    entries = AuditLog(db, "kiosk-7").entries(action="assessment.")
    assert [e.target for e in entries] == ["staff:20"]


def test_a_note_needs_words(
    make_admin: Callable[..., Admin], manager: StaffMember, shift: None, clock: FakeClock
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _page(admin)
    page.table.selectRow(0)
    admin.settle()
    admin.touch("staff_report.save_note")
    assert "at least one" in page.status.text()


def test_staff_see_only_their_own_page(
    make_admin: Callable[..., Admin], clerk: StaffMember, shift: None, clock: FakeClock
) -> None:
    admin = make_admin(clerk, clock=clock)
    page = _page(admin)
    assert page.table.isHidden()
    assert admin.find(f"staff_report.{clerk.id}", QFrame).isVisible()
    assert "Served: 1" in page.person_lines.text()
    assert page.save_button.isHidden()


@pytest.mark.parametrize(
    ("locale", "title", "served"),
    [("en", "Assessment", "Served: 1"), ("zh_Hans", "考核", "已办理：1"),
     ("zh_Hant", "考核", "已完成服務：1")],
)  # fmt: skip
def test_each_language(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    shift: None,
    clock: FakeClock,
    locale: str,
    title: str,
    served: str,
) -> None:
    admin = make_admin(clerk, clock=clock)
    page = _page(admin)
    admin.panel.language.set_locale(locale)
    admin.settle()
    assert page.heading.text() == title
    assert served in page.person_lines.text()
