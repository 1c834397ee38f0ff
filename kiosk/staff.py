"""Staff accounts: sign-in and the manager's account management.

Each person has a staff number and a PIN. Wrong PINs count against the account
typed (five in a row lock it for a growing delay, at most 100 an hour) and
against the PIN pad as a whole (so trying many numbers is no faster). Every
sign-in, lock and change is in the audit trail; wrong PINs and sign-ins refused
while locked are too, as one entry per burst with a count (:mod:`kiosk.refusals`).
Messages are msgids for ``loc.tr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kiosk import audit, refusals
from kiosk.access import (
    ROLE_MANAGER,
    ROLES,
    SYSTEM,
    Actor,
    PermissionDenied,
    StaffError,
    StaffMember,
    require_manager,
    require_signed_in,
)
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import PinGuardState, Staff
from kiosk.i18n import N_
from kiosk.pins import (
    FAILURES_BEFORE_LOCK,
    active_lock,
    attempts_left,
    hash_pin,
    lock_duration,
    needs_rehash,
    pin_problems,
    register_failure,
    register_success,
    verify_pin,
)

__all__ = [
    "FAILURES_BEFORE_LOCK",
    "PinRejected",
    "SignInResult",
    "StaffDirectory",
    "lock_duration",
    "pin_problems",
]

FIRST_MANAGER_NUMBER = "1"


class PinRejected(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class SignInResult:
    staff: StaffMember | None
    locked_until: datetime | None = None
    attempts_left: int = FAILURES_BEFORE_LOCK


def _member(row: Staff) -> StaffMember:
    return StaffMember(
        id=row.id or 0, name=row.name, role=row.role, number=row.number, active=row.active
    )


class StaffDirectory:
    def __init__(
        self, db: Database, clock: Clock = utc_now, pad_key: str = "pad", kiosk_id: str = "kiosk"
    ) -> None:
        self._db = db
        self._clock = clock
        self._pad_key = pad_key
        self._kiosk_id = kiosk_id

    @property
    def pad_key(self) -> str:
        """The PIN pad (and the place refusals are counted for): a kiosk, a console, a machine's command line."""
        return self._pad_key

    def _audit(
        self, session: Session, actor: Actor, action: str, target: str = "", **detail: object
    ) -> None:
        audit.append(
            session,
            at=self._clock(),
            kiosk_id=self._kiosk_id,
            actor=actor,
            action=action,
            target=target,
            detail=dict(detail),
        )

    def _refused(self, session: Session, action: str, target: str) -> None:
        refusals.note(
            session,
            pad=self._pad_key,
            at=self._clock(),
            kiosk_id=self._kiosk_id,
            action=action,
            target=target,
        )

    def _end_refusals(self, session: Session, *actions: str) -> None:
        refusals.close(
            session, at=self._clock(), kiosk_id=self._kiosk_id, pad=self._pad_key, actions=actions
        )

    # -- first run -------------------------------------------------------------------------
    def needs_first_manager(self) -> bool:
        with self._db.session() as session:
            query = select(Staff.id).where(Staff.role == ROLE_MANAGER, col(Staff.active))
            return session.exec(query.limit(1)).first() is None

    def create_first_manager(
        self, pin: str, name: str = "Manager", number: str | None = None, via: str = "screen"
    ) -> StaffMember:
        """The first manager of a new branch, with their own PIN (there is no default).

        Only whoever installs the kiosk gets here (:mod:`kiosk.first_run`): ``via`` says
        how, ``screen`` (with the one-time setup code) or ``command line``."""
        problems = pin_problems(pin)
        if problems:
            raise PinRejected(problems)
        name = _checked_name(name)
        if number is not None:
            number = _checked_number(number)
        with self._db.session() as session:
            if session.exec(select(Staff.id).where(Staff.role == ROLE_MANAGER).limit(1)).first():
                raise PermissionDenied(N_("A manager already exists."))
            if number is None:
                number = FIRST_MANAGER_NUMBER
                while session.exec(select(Staff.id).where(Staff.number == number)).first():
                    number = str(int(number) + 1)
            elif session.exec(select(Staff.id).where(Staff.number == number)).first():
                raise StaffError(N_("That staff number is already in use."))
            row = Staff(
                number=number,
                name=name,
                role=ROLE_MANAGER,
                pin_hash=hash_pin(pin),
                created_at=self._clock(),
            )
            session.add(row)
            session.flush()
            member = _member(row)
            self._audit(
                session,
                member.actor,
                "staff.create_first_manager",
                f"staff:{member.number}",
                via=via,
            )
            return member

    # -- signing in ------------------------------------------------------------------------
    def _guard(self, session: Session) -> PinGuardState:
        guard = session.get(PinGuardState, self._pad_key)
        if guard is None:
            guard = PinGuardState(key=self._pad_key)
            session.add(guard)
        return guard

    def locked_until(self, number: str | None = None) -> datetime | None:
        """When the pad (or, with ``number``, that account) opens again; None if open."""
        now = self._clock()
        with self._db.session() as session:
            guard = session.get(PinGuardState, self._pad_key)
            pad = active_lock(guard, now) if guard else None
            account = None
            if number is not None:
                row = session.exec(select(Staff).where(Staff.number == number)).first()
                account = active_lock(row, now) if row else None
            locks = [t for t in (pad, account) if t is not None]
            return max(locks) if locks else None

    def sign_in(self, pin: str, number: str | None = None) -> SignInResult:
        """Check a PIN: against the account with ``number``, or (no number) against every
        active account. Failures count against the pad and the account."""
        now = self._clock()
        with self._db.session() as session:
            refusals.lock_pad(session, self._pad_key)  # kiosks of a branch share the pad
            guard = self._guard(session)
            row: Staff | None = None
            if number is not None:
                row = session.exec(
                    select(Staff).where(Staff.number == number, col(Staff.active))
                ).first()
            locked = [
                t for t in (active_lock(guard, now), active_lock(row, now) if row else None) if t
            ]
            if locked:
                self._refused(session, "auth.refused_locked", f"staff:{number or '?'}")
                return SignInResult(None, max(locked), 0)
            self._end_refusals(session, "auth.refused_locked")  # the lock is over
            if number is not None:
                match = row if row is not None and verify_pin(row.pin_hash, pin) else None
                if row is None:
                    verify_pin(None, pin)  # same cost as a real check
            else:
                accounts = session.exec(select(Staff).where(col(Staff.active))).all()
                match = next((a for a in accounts if verify_pin(a.pin_hash, pin)), None)
            if match is not None:
                register_success(guard)
                register_success(match)
                if needs_rehash(match.pin_hash):
                    match.pin_hash = hash_pin(pin)
                session.add(match)
                member = _member(match)
                # the wrong PINs before, and other people's refused actions, are over
                refusals.close(
                    session,
                    at=self._clock(),
                    kiosk_id=self._kiosk_id,
                    pad=self._pad_key,
                    but_of=member.id,
                )
                self._audit(session, member.actor, "auth.sign_in", f"staff:{member.number}")
                return SignInResult(member)
            pad_lock = register_failure(guard, now)
            account_lock = register_failure(row, now) if row is not None else None
            if row is not None:
                session.add(row)
            target = f"staff:{number}" if number else "pad"
            self._refused(session, "auth.failed", target)
            lock = max((t for t in (pad_lock, account_lock) if t), default=None)
            if lock is not None:
                self._end_refusals(session, "auth.failed")
                self._audit(session, SYSTEM, "auth.locked", target, until=lock.isoformat())
                return SignInResult(None, lock, 0)
            left = min(attempts_left(guard), attempts_left(row) if row else FAILURES_BEFORE_LOCK)
            return SignInResult(None, None, left)

    def unlock(self, number: str, os_user: str) -> None:
        """Lift the PIN locks on staff ``number`` and on every pad, from the machine's
        command line: a manager locked out at the pad (by anyone typing wrong PINs)
        gets back in without waiting. Needs access to the machine; audited."""
        with self._db.session() as session:
            row = session.exec(select(Staff).where(Staff.number == number)).first()
            if row is None:
                raise StaffError(N_("There is no such staff member."))
            register_success(row)
            session.add(row)
            for guard in session.exec(select(PinGuardState)).all():
                register_success(guard)
                session.add(guard)
            refusals.close(session, at=self._clock(), kiosk_id=self._kiosk_id)
            self._audit(
                session, SYSTEM, "staff.unlock", f"staff:{number}", via="command line", user=os_user
            )

    def confirm_manager(self, member: StaffMember, what: str) -> bool:
        """Is ``member`` (just signed in) a manager now, to confirm ``what`` (leaving kiosk
        mode)? Anyone else is refused, and the refusal audited."""
        try:
            with self._db.session() as session:
                require_manager(member, session, what=what)
        except PermissionDenied:
            return False
        return True

    # -- management (managers only) --------------------------------------------------------
    def members(self, actor: StaffMember, include_inactive: bool = True) -> list[StaffMember]:
        with self._db.session() as session:
            require_manager(actor, session)
            query = select(Staff).order_by(col(Staff.number))
            if not include_inactive:
                query = query.where(col(Staff.active))
            return [_member(r) for r in session.exec(query)]

    def member_by_number(self, number: str) -> StaffMember | None:
        """One account by its staff number (to act on it; listing needs a manager)."""
        with self._db.session() as session:
            row = session.exec(select(Staff).where(Staff.number == number)).first()
            return _member(row) if row is not None else None

    def _row(self, session: Session, staff_id: int) -> Staff:
        row = session.get(Staff, staff_id)
        if row is None:
            raise StaffError(N_("There is no such staff member."))
        return row

    def add(
        self, actor: StaffMember, *, number: str, name: str, role: str, pin: str
    ) -> StaffMember:
        with self._db.session() as session:
            require_manager(actor, session)
            number, name = _checked_number(number), _checked_name(name)
            if role not in ROLES:
                raise StaffError(N_("Choose a role: staff or manager."))
            problems = pin_problems(pin)
            if problems:
                raise PinRejected(problems)
            if session.exec(select(Staff.id).where(Staff.number == number)).first() is not None:
                raise StaffError(N_("That staff number is already in use."))
            row = Staff(
                number=number,
                name=name,
                role=role,
                pin_hash=hash_pin(pin),
                created_at=self._clock(),
            )
            session.add(row)
            session.flush()
            self._audit(session, actor.actor, "staff.add", f"staff:{number}", name=name, role=role)
            return _member(row)

    def _managers_left(self, session: Session, without: int) -> int:
        rows = session.exec(
            select(Staff.id).where(
                Staff.role == ROLE_MANAGER, col(Staff.active), Staff.id != without
            )
        ).all()
        return len(rows)

    def set_active(self, actor: StaffMember, staff_id: int, active: bool) -> StaffMember:
        with self._db.session() as session:
            require_manager(actor, session)
            row = self._row(session, staff_id)
            if (
                not active
                and row.role == ROLE_MANAGER
                and self._managers_left(session, staff_id) == 0
            ):
                raise StaffError(N_("The last manager cannot be deactivated."))
            old = row.active
            row.active = active
            session.add(row)
            self._audit(
                session,
                actor.actor,
                "staff.activate" if active else "staff.deactivate",
                f"staff:{row.number}",
                old=old,
                new=active,
            )
            return _member(row)

    def set_role(self, actor: StaffMember, staff_id: int, role: str) -> StaffMember:
        with self._db.session() as session:
            require_manager(actor, session)
            if role not in ROLES:
                raise StaffError(N_("Choose a role: staff or manager."))
            row = self._row(session, staff_id)
            if (
                row.role == ROLE_MANAGER
                and role != ROLE_MANAGER
                and self._managers_left(session, staff_id) == 0
            ):
                raise StaffError(N_("The last manager cannot lose the manager role."))
            old, row.role = row.role, role
            session.add(row)
            self._audit(
                session, actor.actor, "staff.role", f"staff:{row.number}", old=old, new=role
            )
            return _member(row)

    def reset_pin(self, actor: StaffMember, staff_id: int, pin: str) -> None:
        """A manager sets anyone's PIN; a staff member may change only their own."""
        with self._db.session() as session:
            if actor.id != staff_id:
                require_manager(actor, session)
            else:
                require_signed_in(actor, session)
            problems = pin_problems(pin)
            row = self._row(session, staff_id)
            if verify_pin(row.pin_hash, pin) or (
                row.previous_pin_hash is not None and verify_pin(row.previous_pin_hash, pin)
            ):
                problems.append(N_("Choose a PIN you have not used before."))
            if problems:
                raise PinRejected(problems)
            row.previous_pin_hash, row.pin_hash = row.pin_hash, hash_pin(pin)
            register_success(row)
            session.add(row)
            self._audit(session, actor.actor, "staff.reset_pin", f"staff:{row.number}")


def _checked_number(number: str) -> str:
    number = number.strip()
    if not number.isdigit() or not 1 <= len(number) <= 8:
        raise StaffError(N_("A staff number has 1 to 8 digits."))
    return number


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise StaffError(N_("Enter the staff member's name."))
    return name
