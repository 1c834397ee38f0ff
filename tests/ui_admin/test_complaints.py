"""The Complaints page: managers list and filter cases, open one, move it on with a
note, make a manager responsible; staff do not see the page; in each language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton

from kiosk.access import StaffMember
from kiosk.complaint_rules import CaseState
from kiosk.complaints import Complaints
from kiosk.db.database import Database
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock
from ui.admin.common import LongTextEdit
from ui.admin.complaints_page import ComplaintsPage

from .conftest import Admin


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def complaints(db: Database, settings: Settings, clock: FakeClock) -> Complaints:
    return Complaints(db, settings, clock)


def _page(admin: Admin) -> ComplaintsPage:
    admin.touch("admin.nav.complaints")
    page = admin.panel.page("complaints")
    assert isinstance(page, ComplaintsPage)
    return page


def _listed(page: ComplaintsPage) -> list[int]:
    return [case.id for case in page.cases]


def test_manager_filters_opens_and_resolves_a_case(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    clerk: StaffMember,
    complaints: Complaints,
    clock: FakeClock,
) -> None:
    late = complaints.log_at_counter(clerk, "wait", "Waited an hour for a form")
    clock.advance(days=2)
    fresh = complaints.open_at_kiosk("fees", "Charged twice")
    admin = make_admin(manager, clock=clock)
    page = _page(admin)
    assert _listed(page) == [fresh, late]
    late_button = admin.find(f"complaint.{late}", QPushButton)
    assert "Not acknowledged in time" in late_button.text()
    assert late_button.accessibleName() == late_button.text()
    assert late_button.property("overdue") == "true"  # marked in the warning colours
    assert admin.find(f"complaint.{fresh}", QPushButton).property("overdue") == "false"

    admin.find("admin.complaints.overdue", QCheckBox).setChecked(True)
    admin.touch("admin.complaints.search")
    assert _listed(page) == [late]
    admin.find("admin.complaints.overdue", QCheckBox).setChecked(False)
    category = admin.find("admin.complaints.category", QComboBox)
    category.setCurrentIndex(category.findData("fees"))
    admin.touch("admin.complaints.search")
    assert _listed(page) == [fresh]
    category.setCurrentIndex(0)
    state = admin.find("admin.complaints.state", QComboBox)
    state.setCurrentIndex(state.findData(CaseState.OPEN))
    admin.touch("admin.complaints.search")
    assert set(_listed(page)) == {fresh, late}

    admin.touch(f"complaint.{late}")
    view = page.view

    def state_shown() -> CaseState | None:
        return view.detail.case.state if view.detail is not None else None

    assert view.detail is not None and view.detail.case.id == late
    assert "Waited an hour for a form" in view.facts.text()
    assert "Chris Clerk" in view.history.text()
    assert not admin.find("admin.complaints.move.resolved", QPushButton).isVisible()
    admin.touch("admin.complaints.move.acknowledged")
    assert state_shown() == CaseState.ACKNOWLEDGED
    assert "Mary Manager" in view.facts.text()  # the acknowledging manager took it
    admin.touch("admin.complaints.move.resolved")  # no note: refused, said plainly
    status = admin.find("admin.complaints.case_status", QLabel)
    assert status.isVisible() and status.text() == "Write how it was resolved."
    admin.find("admin.complaints.note", LongTextEdit).setText("Form is online now; apologised")
    admin.touch("admin.complaints.move.resolved")
    assert state_shown() == CaseState.RESOLVED
    assert "Outcome: Form is online now; apologised" in view.facts.text()
    assert not admin.find("admin.complaints.assign", QPushButton).isVisible()
    assert _listed(page) == [fresh]  # the list (still of open cases) refreshed
    state.setCurrentIndex(0)
    admin.touch("admin.complaints.search")
    assert "Resolved" in admin.find(f"complaint.{late}", QPushButton).text()


def test_assign_a_manager_and_add_a_note(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    directory: StaffDirectory,
    complaints: Complaints,
    clock: FakeClock,
) -> None:
    other = directory.add(manager, number="30", name="Olive Other", role="manager", pin="730416")
    case_id = complaints.open_at_kiosk("premises", "Door stuck")
    admin = make_admin(manager, clock=clock)
    _page(admin)
    admin.touch(f"complaint.{case_id}")
    chooser = admin.find("admin.complaints.manager", QComboBox)
    chooser.setCurrentIndex(chooser.findData(other.id))
    admin.touch("admin.complaints.assign")
    page = admin.panel.page("complaints")
    assert page.view.detail.case.manager_name == "Olive Other"
    admin.find("admin.complaints.note", LongTextEdit).setText("Locksmith booked")
    admin.touch("admin.complaints.add_note")
    assert "Locksmith booked" in page.view.history.text()
    assert "Made responsible: Olive Other" in page.view.history.text()


@pytest.mark.parametrize(
    ("locale", "nav", "state", "overdue"),
    [
        ("en", "Complaints", "Open", "Not acknowledged in time"),
        ("zh_Hans", "投诉", "待处理", "未按时受理"),
        ("zh_Hant", "投訴", "待處理", "未按時受理"),
    ],
)
def test_in_each_language(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    complaints: Complaints,
    clock: FakeClock,
    locale: str,
    nav: str,
    state: str,
    overdue: str,
) -> None:
    case_id = complaints.open_at_kiosk("wait", "Queue")
    clock.advance(days=3)
    admin = make_admin(manager, clock=clock)
    admin.panel.language.set_locale(locale)
    page = _page(admin)
    assert admin.find("admin.nav.complaints", QPushButton).text() == nav
    text = admin.find(f"complaint.{case_id}", QPushButton).text()
    assert state in text and overdue in text
    admin.touch(f"complaint.{case_id}")
    assert page.view.detail is not None


def test_staff_do_not_see_the_page(
    make_admin: Callable[..., Admin], clerk: StaffMember, complaints: Complaints
) -> None:
    complaints.open_at_kiosk("wait", "Queue")
    admin = make_admin(clerk)
    assert not admin.find("admin.nav.complaints", QPushButton).isVisible()
    assert admin.panel.show_page("complaints") is False


def test_resolving_tells_the_customer_through_the_given_seam(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    complaints: Complaints,
    clock: FakeClock,
) -> None:
    told: list[tuple[int | None, str]] = []
    case_id = complaints.open_at_kiosk("wait", "Queue")
    complaints.move(manager, case_id, CaseState.ACKNOWLEDGED)
    admin = make_admin(
        manager, clock=clock, notify_resolution=lambda _s, case: told.append((case.id, case.state))
    )
    _page(admin)
    admin.touch(f"complaint.{case_id}")
    admin.find("admin.complaints.note", LongTextEdit).setText("Apologised; new queue screen")
    admin.touch("admin.complaints.move.resolved")
    assert told == [(case_id, CaseState.RESOLVED)]
