"""What the staff screens ask of the domain and the printer, as plain blocking calls.

Each function runs on the worker (:mod:`ui.common.worker`): PIN checks (argon2id plus
the database), the lock state, a reprint with its audit entry. None of them
touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from printing.outcome import print_status

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.audit import AuditLog
    from kiosk.reception import Reception
    from kiosk.staff import StaffDirectory
    from printing.job import TicketPrinter
    from printing.outcome import PrintOutcome

PAD = "pad"
ACCOUNT = "account"


@dataclass(frozen=True)
class Lock:
    until: datetime
    scope: str
    """``pad`` (too many wrong PINs on this pad) or ``account`` (on this staff number)."""


@dataclass(frozen=True)
class PadOpening:
    needs_first_manager: bool
    lock: Lock | None


@dataclass(frozen=True)
class SignInAnswer:
    member: StaffMember | None
    lock: Lock | None = None
    attempts_left: int = 0


def current_lock(staff: StaffDirectory, number: str | None = None) -> Lock | None:
    """The pad's lock first (it stops everyone), then the account's."""
    pad = staff.locked_until()
    if pad is not None:
        return Lock(pad, PAD)
    if number is not None:
        account = staff.locked_until(number)
        if account is not None:
            return Lock(account, ACCOUNT)
    return None


def open_pad(staff: StaffDirectory) -> PadOpening:
    return PadOpening(staff.needs_first_manager(), current_lock(staff))


def sign_in(staff: StaffDirectory, number: str, pin: str, confirming: str = "") -> SignInAnswer:
    """``confirming``: the PIN confirms a manager-only action (``kiosk.exit``): anyone else
    is refused by the domain, and that is audited."""
    result = staff.sign_in(pin, number=number)
    if result.staff is not None:
        if confirming:
            staff.confirm_manager(result.staff, confirming)
        return SignInAnswer(result.staff)
    if result.locked_until is not None:
        lock = current_lock(staff, number) or Lock(result.locked_until, ACCOUNT)
        return SignInAnswer(None, lock)
    return SignInAnswer(None, None, result.attempts_left)


@dataclass(frozen=True)
class Reprinted:
    code: str
    outcome: PrintOutcome


def reprint(
    reception: Reception,
    printer: TicketPrinter,
    audit: AuditLog,
    member: StaffMember,
    ticket_id: int,
) -> Reprinted:
    """Count the reprint, print it once, store what happened, and audit it."""
    ticket = reception.reprint(ticket_id)
    outcome = printer.print_ticket(ticket)
    status, problem = print_status(outcome)
    reception.set_print_status(ticket_id, status, problem)
    audit.record(
        member.actor,
        "ticket.reprint",
        f"ticket:{ticket.code}",
        {"ticket_id": ticket_id, "printed": outcome.printed, "problem": problem},
    )
    return Reprinted(ticket.code, outcome)
