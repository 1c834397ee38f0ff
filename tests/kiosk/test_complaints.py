"""Complaint cases: the lifecycle against the targets with an injected clock, rights
(staff vs manager), the change history and the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import ACTION_LABELS, AuditLog
from kiosk.branch_settings import BranchSettingsStore
from kiosk.complaint_book import CaseFilter, ComplaintBook
from kiosk.complaint_rules import (
    ACKNOWLEDGE,
    RESOLVE,
    CaseSource,
    CaseState,
    add_business_days,
)
from kiosk.complaints import ComplaintError, Complaints, open_case
from kiosk.db.database import Database
from kiosk.db.models_feedback import ComplaintCase
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock

HK = ZoneInfo("Asia/Hong_Kong")


@pytest.fixture
def clerk(staff: StaffDirectory, manager: StaffMember) -> StaffMember:
    return staff.add(manager, number="2001", name="Tom Lee", role="staff", pin="582046")


@pytest.fixture
def complaints(db: Database, settings: Settings, clock: FakeClock) -> Complaints:
    return Complaints(db, settings, clock)


@pytest.fixture
def book(db: Database, settings: Settings, clock: FakeClock) -> ComplaintBook:
    return ComplaintBook(db, settings, clock)


def test_business_days_skip_the_weekend() -> None:
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=HK)
    assert add_business_days(friday, 1, HK) == datetime(2026, 12, 7, 15, 0, tzinfo=HK)
    saturday = datetime(2026, 12, 5, 11, 0, tzinfo=HK)
    assert add_business_days(saturday, 1, HK) == datetime(2026, 12, 8, 0, 0, tzinfo=HK)
    monday = datetime(2026, 11, 30, 10, 0, tzinfo=HK)
    assert add_business_days(monday, 3, HK) == datetime(2026, 12, 3, 10, 0, tzinfo=HK)
    assert add_business_days(monday.astimezone(UTC), 1, HK).tzinfo == UTC


def test_lifecycle_with_targets_and_overdue_marking(
    complaints: Complaints,
    book: ComplaintBook,
    clerk: StaffMember,
    manager: StaffMember,
    clock: FakeClock,
) -> None:
    case_id = complaints.log_at_counter(clerk, "wait", "  Waited   an hour\nfor a form ")
    summary = book.cases(manager)[0]
    assert summary.state == CaseState.OPEN and summary.source == CaseSource.COUNTER
    assert summary.summary == "Waited an hour for a form"
    assert summary.acknowledge_due == clock.now + timedelta(days=1)  # Monday → Tuesday
    assert summary.resolve_due == clock.now + timedelta(days=7)
    assert book.overdue_cases() == []
    clock.advance(days=1, minutes=1)
    assert book.overdue_cases() == [case_id]
    assert book.cases(manager, CaseFilter(overdue_only=True))[0].overdue == ACKNOWLEDGE
    complaints.move(manager, case_id, CaseState.ACKNOWLEDGED, "Called the customer")
    assert book.overdue_cases() == []
    complaints.move(manager, case_id, CaseState.IN_PROGRESS)
    clock.advance(days=6)
    assert book.cases(manager, CaseFilter(overdue_only=True))[0].overdue == RESOLVE
    with pytest.raises(ComplaintError, match="how it was resolved"):
        complaints.move(manager, case_id, CaseState.RESOLVED, "  ")
    complaints.move(manager, case_id, CaseState.RESOLVED, "Form now online; apologised")
    detail = book.case(manager, case_id)
    assert detail.case.state == CaseState.RESOLVED and detail.case.overdue is None
    assert detail.case.manager_name == "Mei Chan"  # the acknowledging manager took it
    assert detail.resolution == "Form now online; apologised"
    assert [(c.kind, c.from_state, c.to_state, c.actor_name) for c in detail.changes] == [
        ("open", None, CaseState.OPEN, "Tom Lee"),
        ("state", CaseState.OPEN, CaseState.ACKNOWLEDGED, "Mei Chan"),
        ("state", CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS, "Mei Chan"),
        ("state", CaseState.IN_PROGRESS, CaseState.RESOLVED, "Mei Chan"),
    ]
    with pytest.raises(ComplaintError):
        complaints.move(manager, case_id, CaseState.IN_PROGRESS)


def test_targets_follow_the_branch_settings(
    db: Database,
    settings: Settings,
    complaints: Complaints,
    book: ComplaintBook,
    manager: StaffMember,
    clock: FakeClock,
) -> None:
    BranchSettingsStore(db, settings, clock).update(
        manager, complaint_acknowledge_business_days=3, complaint_resolve_days=14
    )
    clock.now = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)  # Friday 15:00 in Hong Kong
    complaints.open_at_kiosk("staff", "Rude at counter 2")
    case = book.cases(manager)[0]
    assert case.source == CaseSource.KIOSK
    assert case.acknowledge_due == datetime(2026, 12, 9, 7, 0, tzinfo=UTC)  # Wednesday
    assert case.resolve_due == clock.now + timedelta(days=14)


def test_reject_needs_the_explanation(
    complaints: Complaints, book: ComplaintBook, manager: StaffMember
) -> None:
    case_id = complaints.open_at_kiosk("fees", "Charged twice")
    with pytest.raises(ComplaintError, match="explanation"):
        complaints.move(manager, case_id, CaseState.REJECTED)
    complaints.move(manager, case_id, CaseState.REJECTED, "The fee is in the tariff, shown")
    assert book.case(manager, case_id).case.state == CaseState.REJECTED
    with pytest.raises(ComplaintError, match="cannot go"):
        complaints.move(manager, case_id, CaseState.ACKNOWLEDGED)


def test_staff_open_and_add_notes_managers_decide(
    staff: StaffDirectory,
    complaints: Complaints,
    book: ComplaintBook,
    clerk: StaffMember,
    manager: StaffMember,
) -> None:
    case_id = complaints.log_at_counter(clerk, "other", "Door was locked")
    complaints.add_note(clerk, case_id, "Customer came back at 14:00")
    for move in (CaseState.ACKNOWLEDGED, CaseState.REJECTED):
        with pytest.raises(PermissionDenied):
            complaints.move(clerk, case_id, move, "x")
    with pytest.raises(PermissionDenied):
        complaints.assign(clerk, case_id, manager.id)
    with pytest.raises(PermissionDenied):
        book.cases(clerk)
    with pytest.raises(ComplaintError, match="active manager"):
        complaints.assign(manager, case_id, clerk.id)
    other = staff.add(manager, number="1002", name="Ann Wong", role="manager", pin="730416")
    complaints.assign(manager, case_id, other.id, "Ann handles premises")
    detail = book.case(clerk, case_id)  # staff may read the case to add a note
    assert detail.case.manager_name == "Ann Wong"
    assert [c.kind for c in detail.changes] == ["open", "note", "assign"]
    assert detail.changes[-1].manager_name == "Ann Wong"
    staff.set_active(manager, clerk.id, False)
    with pytest.raises(PermissionDenied):
        complaints.add_note(clerk, case_id, "again")


def test_bad_input_is_refused_with_a_message(complaints: Complaints, clerk: StaffMember) -> None:
    with pytest.raises(ComplaintError, match="what happened"):
        complaints.log_at_counter(clerk, "wait", "   ")
    with pytest.raises(ComplaintError, match="about"):
        complaints.log_at_counter(clerk, "weather", "Rain")
    with pytest.raises(ComplaintError, match="note"):
        complaints.add_note(clerk, 1, "")
    with pytest.raises(ComplaintError, match="no such case"):
        complaints.add_note(clerk, 999, "x")


def test_every_change_is_audited(
    db: Database,
    clock: FakeClock,
    complaints: Complaints,
    clerk: StaffMember,
    manager: StaffMember,
) -> None:
    case_id = complaints.log_at_counter(clerk, "wait", "Long wait")
    complaints.add_note(clerk, case_id, "Asked for a call back")
    complaints.move(manager, case_id, CaseState.ACKNOWLEDGED)
    complaints.assign(manager, case_id, manager.id)
    complaints.move(manager, case_id, CaseState.RESOLVED, "Apologised")
    entries = AuditLog(db, "kiosk-1", clock).entries(action="complaint.")
    assert [(e.action, e.actor_name, e.target) for e in reversed(entries)] == [
        ("complaint.open", "Tom Lee", f"complaint:{case_id}"),
        ("complaint.note", "Tom Lee", f"complaint:{case_id}"),
        ("complaint.state", "Mei Chan", f"complaint:{case_id}"),
        ("complaint.assign", "Mei Chan", f"complaint:{case_id}"),
        ("complaint.state", "Mei Chan", f"complaint:{case_id}"),
    ]
    assert entries[0].detail == {"state": "resolved", "from": "acknowledged", "note": "Apologised"}
    assert {e.action for e in entries} <= set(ACTION_LABELS)
    assert AuditLog(db, "kiosk-1", clock).verify() == []


def test_resolution_notifies_inside_the_transaction(
    complaints: Complaints, manager: StaffMember, db: Database
) -> None:
    case_id = complaints.open_at_kiosk("wait", "Queue")
    complaints.move(manager, case_id, CaseState.ACKNOWLEDGED)
    seen: list[tuple[int | None, str]] = []

    def notify(session: Session, case: ComplaintCase) -> None:
        seen.append((case.id, case.state))
        raise RuntimeError("outbox refused")

    with pytest.raises(RuntimeError):
        complaints.move(manager, case_id, CaseState.RESOLVED, "Sorted", notify_resolution=notify)
    assert seen == [(case_id, CaseState.RESOLVED)]
    with db.session() as session:  # the failed notification rolled the resolution back
        assert session.get(ComplaintCase, case_id).state == CaseState.ACKNOWLEDGED  # type: ignore[union-attr]
    complaints.move(
        manager, case_id, CaseState.RESOLVED, "Sorted", notify_resolution=lambda s, c: None
    )


def test_open_case_is_the_seam_for_other_sources(
    db: Database, book: ComplaintBook, manager: StaffMember, clock: FakeClock
) -> None:
    with db.session() as session:
        case = open_case(
            session, source="survey", category="other", summary="Survey reply 1", now=clock.now
        )
        assert session.exec(select(ComplaintCase)).one().id == case.id
    found = book.cases(manager, CaseFilter(state=CaseState.OPEN, category="other"))
    assert [c.source for c in found] == [CaseSource.SURVEY]
    assert book.cases(manager, CaseFilter(category="wait")) == []


def test_filter_by_opening_day(
    complaints: Complaints, book: ComplaintBook, manager: StaffMember, clock: FakeClock
) -> None:
    first = complaints.open_at_kiosk("wait", "Monday")
    clock.advance(days=2)
    second = complaints.open_at_kiosk("wait", "Wednesday")
    monday = clock.now.date() - timedelta(days=2)
    assert [c.id for c in book.cases(manager, CaseFilter(opened_to=monday))] == [first]
    assert [c.id for c in book.cases(manager, CaseFilter(opened_from=clock.now.date()))] == [second]
