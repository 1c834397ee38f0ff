"""Access control: who acts, the roles, and the checks that an action is allowed.

The checks take the caller's session: the rights are read in the same transaction
as the action they guard, so a manager demoted or deactivated on another machine
cannot slip one last change in between. Messages are msgids for ``loc.tr``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import NoReturn

from sqlmodel import Session

from kiosk.db.database import REFUSAL
from kiosk.db.models import Staff
from kiosk.i18n import N_

ROLE_STAFF = "staff"
ROLE_MANAGER = "manager"
ROLES = (ROLE_STAFF, ROLE_MANAGER)
ROLE_LABELS = {ROLE_STAFF: N_("Staff"), ROLE_MANAGER: N_("Manager")}


@dataclass(frozen=True)
class Actor:
    """Who acts: a signed-in staff member, or the system / command line."""

    id: int | None
    name: str


SYSTEM = Actor(None, "system")


class StaffError(ValueError):
    """A staff action that cannot be done; ``message`` is a msgid."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class PermissionDenied(StaffError):
    pass


@dataclass(frozen=True)
class StaffMember:
    """A signed-in person as they were when they signed in (re-checked by the checks)."""

    id: int
    name: str
    role: str
    number: str = ""
    active: bool = True

    @property
    def is_manager(self) -> bool:
        return self.role == ROLE_MANAGER

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.name)


def require_manager(actor: StaffMember, session: Session | None, what: str = "") -> None:
    """Refuse a non-manager. With the caller's ``session``, the role is read again from
    the database inside the action's transaction (``None``: the role at sign-in only,
    for a command that signs in and acts at once; such a refusal is not audited).
    ``what`` names the action for the audit entry of a refusal (default: the caller)."""
    if not actor.is_manager:
        _refuse(actor, session, N_("Only a manager can do this."), what)
    if session is not None:
        require_signed_in(actor, session, role=ROLE_MANAGER, what=what)


def require_signed_in(
    actor: StaffMember, session: Session, role: str | None = None, what: str = ""
) -> None:
    """Refuse an account deactivated (or re-roled) since it signed in."""
    row = session.get(Staff, actor.id)
    if row is None or not row.active or (role is not None and row.role != role):
        _refuse(actor, session, N_("Your rights have changed. Please sign in again."), what)


def _refuse(actor: StaffMember, session: Session | None, message: str, what: str) -> NoReturn:
    """Refuse, and tell the session who tried what (``what``, or the domain call that
    asked): its transaction rolls back, and the database's refusal hook
    (:mod:`kiosk.refusals`) audits the attempt in a new one."""
    if session is not None:
        session.info[REFUSAL] = (actor, what or _refused_call())
    raise PermissionDenied(message)


def _refused_call() -> str:
    """The domain call that asked for the check (``StaffDirectory.add``)."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return frame.f_code.co_qualname
