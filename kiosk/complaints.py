"""Complaint cases tracked to resolution: opened from the kiosk, a low rating or survey
score, or a counter; acknowledged, worked on and resolved (or rejected with the
explanation given) by a manager, against the branch's targets.

Rights: any signed-in staff member may open a case and add a note; only a manager
acknowledges, assigns, starts, resolves or rejects, with the role read again inside
the change's transaction. Every change is one transaction that writes the case, a
:class:`~kiosk.db.models_feedback.ComplaintChange` (who, when, note) and an audit entry.
Messages are msgids for ``loc.tr``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from sqlmodel import Session

from kiosk import audit
from kiosk.access import (
    ROLE_MANAGER,
    SYSTEM,
    Actor,
    StaffMember,
    require_manager,
    require_signed_in,
)
from kiosk.branch_service import BranchService
from kiosk.branch_settings import stored_or_default
from kiosk.complaint_rules import (
    CATEGORIES,
    MOVES,
    NOTE_REQUIRED,
    CaseSource,
    CaseState,
    due_dates,
)
from kiosk.db.models import Staff, Ticket
from kiosk.db.models_feedback import ComplaintCase, ComplaintChange
from kiosk.i18n import N_
from kiosk.settings import BusinessSection

TEXT_LENGTH = 1000

#: Called inside the resolving transaction (e.g. to queue the customer's text).
NotifyResolution = Callable[[Session, ComplaintCase], None]


class ComplaintError(ValueError):
    """A case change that cannot be made; ``message`` is a msgid."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def case_row(session: Session, case_id: int, lock: bool = False) -> ComplaintCase:
    case = session.get(ComplaintCase, case_id, with_for_update=lock)
    if case is None:
        raise ComplaintError(N_("There is no such case."))
    return case


def _clean(text: str) -> str:
    return " ".join(text.split())[:TEXT_LENGTH]


def _change(
    session: Session,
    case: ComplaintCase,
    *,
    at: datetime,
    actor: Actor,
    kind: str,
    kiosk_id: str,
    from_state: str | None = None,
    note: str = "",
    manager_id: int | None = None,
) -> None:
    session.add(
        ComplaintChange(
            case_id=case.id or 0,
            at=at,
            actor_id=actor.id,
            actor_name=actor.name,
            kind=kind,
            from_state=from_state,
            to_state=case.state,
            manager_id=manager_id,
            note=note,
        )
    )
    detail: dict[str, object] = {"state": case.state}
    if from_state is not None:
        detail["from"] = from_state
    if manager_id is not None:
        detail["manager_id"] = manager_id
    if note:
        detail["note"] = note
    audit.append(
        session,
        at=at,
        kiosk_id=kiosk_id,
        actor=actor,
        action=f"complaint.{kind}",
        target=f"complaint:{case.id}",
        detail=detail,
    )


def open_case(
    session: Session,
    *,
    source: str,
    category: str,
    summary: str,
    ticket_id: int | None = None,
    staff_id: int | None = None,
    now: datetime,
    actor: Actor = SYSTEM,
    kiosk_id: str = "",
    zone: tzinfo | None = None,
) -> ComplaintCase:
    """Open a case inside the caller's transaction (a low survey score, a rating, a
    counter, the kiosk). The targets are the branch's settings now in force; ``zone``
    (the branch's, default the settings' default zone) places the business days."""
    if category not in CATEGORIES:
        raise ComplaintError(N_("Choose what the complaint is about."))
    text = _clean(summary)
    if not text:
        raise ComplaintError(N_("Say briefly what happened."))
    acknowledge_due, resolve_due = due_dates(
        now,
        int(stored_or_default(session, "complaint_acknowledge_business_days")),
        int(stored_or_default(session, "complaint_resolve_days")),
        zone or BusinessSection().zone,
    )
    ticket = session.get(Ticket, ticket_id) if ticket_id is not None else None
    case = ComplaintCase(
        opened_at=now,
        source=CaseSource(source),
        category=category,
        summary=text,
        ticket_id=ticket.id if ticket else None,
        ticket_code=ticket.code if ticket else None,
        staff_id=staff_id if staff_id is not None else (ticket.staff_id if ticket else None),
        opened_by_id=actor.id,
        state=CaseState.OPEN,
        acknowledge_due=acknowledge_due,
        resolve_due=resolve_due,
    )
    session.add(case)
    session.flush()
    _change(session, case, at=now, actor=actor, kind="open", kiosk_id=kiosk_id, note=text)
    return case


class Complaints(BranchService):
    @property
    def _kiosk_id(self) -> str:
        return self._settings.kiosk.id

    # -- opening ---------------------------------------------------------------------------
    def open_at_kiosk(self, category: str, summary: str, ticket_id: int | None = None) -> int:
        """A customer's complaint at the kiosk (no one signed in)."""
        return self._open(SYSTEM, CaseSource.KIOSK, category, summary, ticket_id, None, None)

    def log_at_counter(
        self,
        actor: StaffMember,
        category: str,
        summary: str,
        ticket_id: int | None = None,
        staff_id: int | None = None,
    ) -> int:
        """A complaint a customer makes at the counter, logged by the staff member there."""
        return self._open(
            actor.actor, CaseSource.COUNTER, category, summary, ticket_id, staff_id, actor
        )

    def _open(
        self,
        actor: Actor,
        source: CaseSource,
        category: str,
        summary: str,
        ticket_id: int | None,
        staff_id: int | None,
        member: StaffMember | None,
    ) -> int:
        with self._db.session() as session:
            if member is not None:
                require_signed_in(member, session)
            case = open_case(
                session,
                source=source,
                category=category,
                summary=summary,
                ticket_id=ticket_id,
                staff_id=staff_id,
                now=self._clock(),
                actor=actor,
                kiosk_id=self._kiosk_id,
                zone=self._settings.business.zone,
            )
            return case.id or 0

    # -- changes ---------------------------------------------------------------------------
    def add_note(self, actor: StaffMember, case_id: int, note: str) -> None:
        text = _clean(note)
        if not text:
            raise ComplaintError(N_("Write the note first."))
        with self._db.session() as session:
            require_signed_in(actor, session)
            case = self._case(session, case_id)
            _change(
                session,
                case,
                at=self._clock(),
                actor=actor.actor,
                kind="note",
                kiosk_id=self._kiosk_id,
                note=text,
            )

    def move(
        self,
        actor: StaffMember,
        case_id: int,
        to: CaseState,
        note: str = "",
        notify_resolution: NotifyResolution | None = None,
    ) -> CaseState:
        """Change the case's state (managers). Resolving or rejecting needs a note: how
        it was put right, or the explanation given. ``notify_resolution`` runs in the
        same transaction once the case is resolved."""
        text = _clean(note)
        with self._db.session() as session:
            require_manager(actor, session)
            case = self._case(session, case_id, lock=True)
            before = CaseState(case.state)
            if to not in MOVES[before]:
                raise ComplaintError(N_("The case cannot go to that state from where it is."))
            if to in NOTE_REQUIRED and not text:
                raise ComplaintError(
                    N_("Write how it was resolved.")
                    if to == CaseState.RESOLVED
                    else N_("Write the explanation given to the customer.")
                )
            now = self._clock()
            case.state = to
            if before == CaseState.OPEN:
                case.acknowledged_at = now
                if case.manager_id is None:
                    case.manager_id = actor.id
            if to.closed:
                case.closed_at, case.resolution = now, text
            session.add(case)
            session.flush()
            _change(
                session,
                case,
                at=now,
                actor=actor.actor,
                kind="state",
                kiosk_id=self._kiosk_id,
                from_state=before,
                note=text,
            )
            if to == CaseState.RESOLVED and notify_resolution is not None:
                notify_resolution(session, case)
            return to

    def assign(self, actor: StaffMember, case_id: int, manager_id: int, note: str = "") -> None:
        """Make ``manager_id`` the case's responsible manager (managers)."""
        with self._db.session() as session:
            require_manager(actor, session)
            case = self._case(session, case_id, lock=True)
            if CaseState(case.state).closed:
                raise ComplaintError(N_("This case is closed."))
            manager = session.get(Staff, manager_id)
            if manager is None or not manager.active or manager.role != ROLE_MANAGER:
                raise ComplaintError(N_("Choose an active manager."))
            case.manager_id = manager_id
            session.add(case)
            _change(
                session,
                case,
                at=self._clock(),
                actor=actor.actor,
                kind="assign",
                kiosk_id=self._kiosk_id,
                note=_clean(note),
                manager_id=manager_id,
            )

    _case = staticmethod(case_row)
