"""Staff and their PINs: rules for a new PIN, argon2id hashes, and a PIN pad that
locks for a growing delay after repeated wrong PINs.

The lock lives in the database (``pin_guard``), so restarting the kiosk does not
reset it. Messages are English msgids marked with ``N_``; the UI shows them with
``loc.tr(message)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import Session, select

from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import PinGuardState, Staff
from kiosk.i18n import N_

PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 12
FAILURES_BEFORE_LOCK = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=1)

ROLE_STAFF = "staff"
ROLE_MANAGER = "manager"

#: OWASP's argon2id floor: m=19 MiB, t=2, p=1.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

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


def lock_duration(locks: int) -> timedelta:
    """The n-th lock (1-based) lasts 30 s, 60 s, 120 s … at most one hour."""
    return min(FIRST_LOCK * (1 << min(max(locks - 1, 0), 16)), LONGEST_LOCK)


class PinRejected(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class SignInResult:
    staff: StaffMember | None
    locked_until: datetime | None = None
    attempts_left: int = FAILURES_BEFORE_LOCK


def _member(row: Staff) -> StaffMember:
    return StaffMember(id=row.id or 0, name=row.name, role=row.role)


def _verifies(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class StaffDirectory:
    def __init__(self, db: Database, clock: Clock = utc_now, pad_key: str = "pad") -> None:
        self._db = db
        self._clock = clock
        self._pad_key = pad_key

    def needs_first_manager(self) -> bool:
        with self._db.session() as session:
            query = select(Staff.id).where(Staff.role == ROLE_MANAGER, Staff.active == True)  # noqa: E712
            return session.exec(query.limit(1)).first() is None

    def create_first_manager(self, pin: str, name: str = "Manager") -> StaffMember:
        """The first sign-in on a new kiosk sets the manager PIN; there is no default."""
        problems = pin_problems(pin)
        if problems:
            raise PinRejected(problems)
        with self._db.session() as session:
            if session.exec(select(Staff.id).where(Staff.role == ROLE_MANAGER).limit(1)).first():
                raise PermissionError("a manager already exists")
            row = Staff(
                name=name, role=ROLE_MANAGER, pin_hash=_HASHER.hash(pin), created_at=self._clock()
            )
            session.add(row)
            session.flush()
            return _member(row)

    def _guard(self, session: Session) -> PinGuardState:
        guard = session.get(PinGuardState, self._pad_key)
        if guard is None:
            guard = PinGuardState(key=self._pad_key)
            session.add(guard)
        return guard

    def locked_until(self) -> datetime | None:
        with self._db.session() as session:
            guard = session.get(PinGuardState, self._pad_key)
            if guard is None or guard.locked_until is None:
                return None
            return guard.locked_until if guard.locked_until > self._clock() else None

    def sign_in(self, pin: str) -> SignInResult:
        """Check a PIN against every active account; count failures against the pad."""
        now = self._clock()
        with self._db.session() as session:
            guard = self._guard(session)
            if guard.locked_until is not None and guard.locked_until > now:
                return SignInResult(None, guard.locked_until, 0)
            accounts = session.exec(select(Staff).where(Staff.active == True)).all()  # noqa: E712
            match = next((row for row in accounts if _verifies(row.pin_hash, pin)), None)
            if match is not None:
                guard.failures = 0
                guard.locks = 0
                guard.locked_until = None
                return SignInResult(_member(match))
            guard.failures += 1
            if guard.failures >= FAILURES_BEFORE_LOCK:
                guard.failures = 0
                guard.locks += 1
                guard.locked_until = now + lock_duration(guard.locks)
                return SignInResult(None, guard.locked_until, 0)
            return SignInResult(None, None, FAILURES_BEFORE_LOCK - guard.failures)
