from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.access import PermissionDenied
from kiosk.db.database import Database
from kiosk.staff import (
    FAILURES_BEFORE_LOCK,
    PinRejected,
    StaffDirectory,
    lock_duration,
    pin_problems,
)
from tests.helpers.clock import FakeClock

GOOD_PIN = "409217"


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("12345", "A PIN needs at least 6 digits."),
        ("12a456", "A PIN has digits only."),
        ("777777", "A PIN cannot be one digit repeated."),
        ("123456", "A PIN cannot be a run of digits such as 123456."),
        ("987654", "A PIN cannot be a run of digits such as 123456."),
        ("4567890", "A PIN cannot be a run of digits such as 123456."),
        ("1234567890123", "A PIN has at most 12 digits."),
    ],
)
def test_weak_pins_are_refused(pin: str, problem: str) -> None:
    assert problem in pin_problems(pin)


def test_a_good_pin_passes() -> None:
    assert pin_problems(GOOD_PIN) == []


def test_lock_grows_and_is_capped() -> None:
    assert [lock_duration(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert lock_duration(50) == timedelta(hours=1)


def test_first_entry_creates_the_manager(db: Database, clock: FakeClock) -> None:
    staff = StaffDirectory(db, clock)
    assert staff.needs_first_manager()
    with pytest.raises(PinRejected) as caught:
        staff.create_first_manager("111111")
    assert caught.value.problems == ["A PIN cannot be one digit repeated."]
    manager = staff.create_first_manager(GOOD_PIN)
    assert manager.role == "manager"
    assert not staff.needs_first_manager()
    with pytest.raises(PermissionDenied):
        staff.create_first_manager("502938")


def test_the_pin_is_stored_as_argon2id(db: Database, clock: FakeClock) -> None:
    from sqlmodel import select

    from kiosk.db.models import Staff

    StaffDirectory(db, clock).create_first_manager(GOOD_PIN)
    with db.session() as session:
        row = session.exec(select(Staff)).one()
    assert row.pin_hash.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in row.pin_hash
    assert GOOD_PIN not in row.pin_hash


def test_sign_in(db: Database, clock: FakeClock) -> None:
    staff = StaffDirectory(db, clock)
    staff.create_first_manager(GOOD_PIN)
    result = staff.sign_in(GOOD_PIN)
    assert result.staff is not None and result.staff.role == "manager"
    wrong = staff.sign_in("000001")
    assert wrong.staff is None
    assert wrong.attempts_left == FAILURES_BEFORE_LOCK - 1


def test_five_wrong_pins_lock_the_pad_for_a_growing_delay(db: Database, clock: FakeClock) -> None:
    staff = StaffDirectory(db, clock)
    staff.create_first_manager(GOOD_PIN)
    for _ in range(FAILURES_BEFORE_LOCK - 1):
        assert staff.sign_in("000001").locked_until is None
    locked = staff.sign_in("000001")
    assert locked.locked_until == clock.now + timedelta(seconds=30)
    # even the right PIN is refused while locked
    assert staff.sign_in(GOOD_PIN).staff is None
    clock.advance(seconds=31)
    assert staff.locked_until() is None
    for _ in range(FAILURES_BEFORE_LOCK):
        result = staff.sign_in("000002")
    assert result.locked_until == clock.now + timedelta(seconds=60)
    clock.advance(seconds=61)
    assert staff.sign_in(GOOD_PIN).staff is not None
    # a success resets the growth
    for _ in range(FAILURES_BEFORE_LOCK):
        result = staff.sign_in("000003")
    assert result.locked_until == clock.now + timedelta(seconds=30)


def test_the_lock_survives_a_restart(db: Database, clock: FakeClock) -> None:
    StaffDirectory(db, clock).create_first_manager(GOOD_PIN)
    for _ in range(FAILURES_BEFORE_LOCK):
        StaffDirectory(db, clock).sign_in("000001")
    restarted = StaffDirectory(db, clock)
    assert restarted.locked_until() == clock.now + timedelta(seconds=30)
    assert restarted.sign_in(GOOD_PIN).staff is None


def test_guessing_takes_impractically_long(db: Database, clock: FakeClock) -> None:
    """A stranger trying PINs for a whole day gets only a few hundred tries out of 10**6."""
    staff = StaffDirectory(db, clock)
    staff.create_first_manager(GOOD_PIN)
    end = clock.now + timedelta(days=1)
    tries = 0
    while clock.now < end:
        result = staff.sign_in(f"{tries:06d}x")
        tries += 1
        if result.locked_until is not None:
            clock.now = result.locked_until
    assert tries < 200


def test_a_setup_code_opens_once_and_not_to_guessing() -> None:
    from kiosk.first_run import MAX_TRIES, SetupCode, setup_instructions

    code = SetupCode("48392011")
    assert code.shown == "4839 2011"
    assert "4839 2011" in setup_instructions(code)
    assert "kiosk staff add --first-manager" in setup_instructions(code)
    assert not code.check("48392012")
    assert code.tries_left == MAX_TRIES - 1
    assert code.check("4839 2011")
    code.use()
    assert code.withdrawn and not code.check("48392011")

    guessed = SetupCode("48392011")
    for _ in range(MAX_TRIES):
        assert not guessed.check("00000000")
    assert guessed.withdrawn and not guessed.check("48392011")
    assert len(SetupCode().shown.replace(" ", "")) == 8


def test_a_weak_pin_hash_is_made_strong_at_the_next_sign_in(db: Database) -> None:
    from argon2 import PasswordHasher
    from sqlmodel import select

    from kiosk.db.models import Staff
    from kiosk.pins import needs_rehash

    directory = StaffDirectory(db)
    directory.create_first_manager("409217")
    with db.session() as session:
        row = session.exec(select(Staff)).one()
        row.pin_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("409217")
        session.add(row)
    assert directory.sign_in("409217", number="1").staff is not None
    with db.session() as session:
        stored = session.exec(select(Staff.pin_hash)).one()
    assert stored is not None and not needs_rehash(stored)
    assert "m=19456,t=2,p=1" in stored
    assert directory.sign_in("409217", number="1").staff is not None
