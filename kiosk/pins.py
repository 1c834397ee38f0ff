"""PIN rules, argon2id hashing, and the lock that grows after repeated wrong PINs.

The lock logic works on any record with the lock fields (a staff account, or a
PIN pad as a whole), and it is stored in the database, so a restart keeps it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Protocol

from kiosk.i18n import N_

if TYPE_CHECKING:
    from argon2 import PasswordHasher

PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 12
FAILURES_BEFORE_LOCK = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=1)
HOURLY_FAILURE_CAP = 100
"""NIST SP 800-63B: at most 100 consecutive failures; we allow no more per hour."""


@cache
def _hasher() -> PasswordHasher:
    """OWASP's argon2id floor: m=19 MiB, t=2, p=1. Made at the first PIN, not when the
    kiosk starts: an idle kiosk carries neither argon2 nor the 19 MiB of a hash."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@cache
def _dummy_hash() -> str:
    """Verified when an unknown staff number is typed, so timing does not tell it apart."""
    return _hasher().hash("not-a-pin")


_SEQUENCE = "01234567890"


def pin_problems(pin: str) -> list[str]:
    """Why ``pin`` may not be used as a new PIN (empty when it is acceptable)."""
    problems: list[str] = []
    if not pin.isdigit():
        problems.append(N_("A PIN has digits only."))
    if len(pin) < PIN_MIN_LENGTH:
        problems.append(N_("A PIN needs at least 6 digits."))
    if len(pin) > PIN_MAX_LENGTH:
        problems.append(N_("A PIN has at most 12 digits."))
    if pin and len(set(pin)) == 1:
        problems.append(N_("A PIN cannot be one digit repeated."))
    if len(pin) >= 3 and (pin in _SEQUENCE or pin in _SEQUENCE[::-1]):
        problems.append(N_("A PIN cannot be a run of digits such as 123456."))
    return problems


def hash_pin(pin: str) -> str:
    return _hasher().hash(pin)


def needs_rehash(pin_hash: str) -> bool:
    """A hash made with weaker parameters than today's (an older release, an import):
    replaced at the next successful sign-in, when the PIN is at hand."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(pin_hash)
    except InvalidHashError:
        return True


def verify_pin(pin_hash: str | None, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(pin_hash or _dummy_hash(), pin) and pin_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def lock_duration(locks: int) -> timedelta:
    """The n-th lock (1-based) lasts 30 s, 60 s, 120 s … at most one hour."""
    return min(FIRST_LOCK * (1 << min(max(locks - 1, 0), 16)), LONGEST_LOCK)


class Lockable(Protocol):
    failures: int
    locks: int
    locked_until: datetime | None
    window_start: datetime | None
    window_failures: int


def active_lock(record: Lockable, now: datetime) -> datetime | None:
    if record.locked_until is not None and record.locked_until > now:
        return record.locked_until
    return None


def register_failure(record: Lockable, now: datetime) -> datetime | None:
    """Count a wrong PIN; returns the lock's end when this failure locks the record."""
    if record.window_start is None or now - record.window_start >= timedelta(hours=1):
        record.window_start, record.window_failures = now, 0
    record.window_failures += 1
    record.failures += 1
    if record.window_failures >= HOURLY_FAILURE_CAP:
        record.locked_until = record.window_start + timedelta(hours=1)
        record.failures = 0
        return record.locked_until
    if record.failures >= FAILURES_BEFORE_LOCK:
        record.failures = 0
        record.locks += 1
        record.locked_until = now + lock_duration(record.locks)
        return record.locked_until
    return None


def register_success(record: Lockable) -> None:
    record.failures = 0
    record.locks = 0
    record.locked_until = None


def attempts_left(record: Lockable) -> int:
    return FAILURES_BEFORE_LOCK - record.failures
