"""Staff accounts: roles, per-account locks, the hourly cap, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from kiosk.access import PermissionDenied, StaffError, StaffMember
from kiosk.audit import AuditLog
from kiosk.db.database import Database
from kiosk.db.models import Staff
from kiosk.pins import HOURLY_FAILURE_CAP, register_failure
from kiosk.staff import PinRejected, StaffDirectory
from tests.helpers.clock import START, FakeClock

MANAGER_PIN = "409217"


@pytest.fixture
def audit(db: Database, clock: FakeClock) -> AuditLog:
    return AuditLog(db, "kiosk-1", clock)


def test_manager_adds_staff_who_sign_in_with_number_and_pin(
    staff: StaffDirectory, manager: StaffMember
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom Lee", role="staff", pin="582046")
    result = staff.sign_in("582046", number="2001")
    assert result.staff == clerk
    assert staff.sign_in(MANAGER_PIN, number="2001").staff is None  # another person's PIN
    assert [m.number for m in staff.members(manager)] == ["1", "2001"]


def test_staff_cannot_manage(staff: StaffDirectory, manager: StaffMember) -> None:
    clerk = staff.add(manager, number="2001", name="Tom Lee", role="staff", pin="582046")
    with pytest.raises(PermissionDenied):
        staff.add(clerk, number="2002", name="X", role="staff", pin="582047")
    with pytest.raises(PermissionDenied):
        staff.set_role(clerk, clerk.id, "manager")
    with pytest.raises(PermissionDenied):
        staff.reset_pin(clerk, manager.id, "670213")
    staff.reset_pin(clerk, clerk.id, "670213")  # their own PIN is fine
    assert staff.sign_in("670213", "2001").staff is not None


@pytest.mark.parametrize(
    ("number", "name", "role", "message"),
    [
        ("20a1", "Tom", "staff", "A staff number has 1 to 8 digits."),
        ("2001", " ", "staff", "Enter the staff member's name."),
        ("2001", "Tom", "admin", "Choose a role: staff or manager."),
        ("1", "Tom", "staff", "That staff number is already in use."),
    ],
)
def test_add_validation(
    staff: StaffDirectory, manager: StaffMember, number: str, name: str, role: str, message: str
) -> None:
    with pytest.raises(StaffError) as caught:
        staff.add(manager, number=number, name=name, role=role, pin="582046")
    assert caught.value.message == message


def test_the_last_manager_stays(staff: StaffDirectory, manager: StaffMember) -> None:
    with pytest.raises(StaffError, match="last manager"):
        staff.set_active(manager, manager.id, False)
    with pytest.raises(StaffError, match="last manager"):
        staff.set_role(manager, manager.id, "staff")
    second = staff.add(manager, number="3001", name="Ann", role="manager", pin="582046")
    staff.set_active(manager, second.id, False)
    assert staff.sign_in("582046", "3001").staff is None  # deactivated
    staff.set_active(manager, second.id, True)
    staff.set_role(manager, manager.id, "staff")


def test_reset_refuses_current_and_previous_pin(
    staff: StaffDirectory, manager: StaffMember
) -> None:
    with pytest.raises(PinRejected, match="not used before"):
        staff.reset_pin(manager, manager.id, MANAGER_PIN)
    staff.reset_pin(manager, manager.id, "670213")
    with pytest.raises(PinRejected, match="not used before"):
        staff.reset_pin(manager, manager.id, MANAGER_PIN)
    with pytest.raises(PinRejected):
        staff.reset_pin(manager, manager.id, "000000")


def test_five_failures_lock_that_account_even_after_restart(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    staff.add(manager, number="2001", name="Tom", role="staff", pin="582046")
    for _ in range(5):
        result = staff.sign_in("111112", "2001")
    assert result.locked_until == clock.now + timedelta(seconds=30)
    restarted = StaffDirectory(db, clock, pad_key="other-pad")
    assert restarted.locked_until("2001") == clock.now + timedelta(seconds=30)
    assert restarted.sign_in("582046", "2001").staff is None
    clock.advance(seconds=31)
    assert restarted.sign_in("582046", "2001").staff is not None


def test_unknown_numbers_still_count_against_the_pad(
    staff: StaffDirectory, manager: StaffMember, clock: FakeClock
) -> None:
    for number in ("7", "8", "9", "10", "11"):
        result = staff.sign_in("111112", number)
    assert result.locked_until == clock.now + timedelta(seconds=30)
    assert staff.sign_in(MANAGER_PIN, "1").staff is None  # the pad is locked for everyone


def test_hourly_cap() -> None:
    record = Staff(number="1", name="x", role="staff", pin_hash="", created_at=START)
    now = START
    locked = None
    for _ in range(HOURLY_FAILURE_CAP):
        locked = register_failure(record, now)
        record.locked_until = None  # pretend every lock was waited out instantly
        now += timedelta(seconds=1)
    assert locked == START + timedelta(hours=1)


def test_everything_is_audited(
    staff: StaffDirectory, manager: StaffMember, audit: AuditLog
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom", role="staff", pin="582046")
    staff.sign_in("582046", "2001")
    for _ in range(5):
        staff.sign_in("999990", "2001")
    staff.set_role(manager, clerk.id, "manager")
    staff.reset_pin(manager, clerk.id, "670213")
    staff.set_active(manager, clerk.id, False)
    actions = [e.action for e in reversed(audit.entries())]
    assert actions == [
        "staff.create_first_manager",
        "staff.add",
        "auth.sign_in",
        "auth.failed",  # the first wrong PIN at once…
        "auth.failed",  # …the other four in one entry with their count, at the lock
        "auth.locked",
        "staff.role",
        "staff.reset_pin",
        "staff.deactivate",
    ]
    role_change = audit.entries(action="staff.role")[0]
    assert (role_change.actor_name, role_change.detail) == (
        "Mei Chan",
        {"old": "staff", "new": "manager"},
    )
    assert "582046" not in str([e.detail for e in audit.entries()])
    assert audit.verify() == []


def test_the_audit_trail_cannot_be_changed(
    db: Database, staff: StaffDirectory, manager: StaffMember, audit: AuditLog
) -> None:
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(text("UPDATE audit_event SET actor_name = 'nobody'"))
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(text("DELETE FROM audit_event"))
    assert len(audit.entries()) == 1


def test_tampering_behind_the_triggers_is_detected(
    db: Database, staff: StaffDirectory, manager: StaffMember, audit: AuditLog
) -> None:
    staff.add(manager, number="2001", name="Tom", role="staff", pin="582046")
    with db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        session.execute(
            text("UPDATE audit_event SET target = 'staff:9' WHERE action = 'staff.add'")
        )
    assert len(audit.verify()) == 1


def test_reading_the_audit_trail_needs_a_current_manager(
    staff: StaffDirectory, manager: StaffMember, audit: AuditLog
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom", role="staff", pin="582046")
    assert audit.browse(manager, action="staff.")
    assert audit.check_as(manager).intact
    with pytest.raises(PermissionDenied):
        audit.browse(clerk)
    second = staff.add(manager, number="3001", name="Ann", role="manager", pin="670213")
    staff.set_role(manager, second.id, "staff")
    with pytest.raises(PermissionDenied):
        audit.browse(second)  # the object still says manager; the database does not
