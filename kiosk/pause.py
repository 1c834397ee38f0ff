"""Pausing a service for the whole branch (with a reason and an alternative in every
language), and resuming it. Staff and managers may; it is audited, and every kiosk
sees it at its next catalogue check."""

from __future__ import annotations

from kiosk import audit, events
from kiosk.access import StaffMember, require_signed_in
from kiosk.catalogue.model import LocalizedText, as_dict
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import ServiceRow
from kiosk.desk import DeskError
from kiosk.i18n import N_


def pause_service(
    db: Database,
    actor: StaffMember,
    slug: str,
    reason: LocalizedText | None,
    alternative: LocalizedText | None = None,
    *,
    kiosk_id: str,
    clock: Clock = utc_now,
) -> None:
    """Pause a service (``reason`` given) or resume it (``reason`` None); every kiosk sees
    it at its next catalogue check. Staff and managers may do this; it is audited."""
    with db.session() as session:
        require_signed_in(actor, session)
        row = session.get(ServiceRow, slug)
        if row is None:
            raise DeskError(N_("There is no such service."))
        if reason is not None and not all(str(v).strip() for v in reason.values()):
            raise DeskError(N_("Give the reason in every language."))
        row.paused = reason is not None
        row.pause_reason = as_dict(reason) if reason else None
        row.pause_alternative = as_dict(alternative) if alternative else None
        session.add(row)
        events.bump(session, events.PAUSE_VERSION)
        audit.append(
            session,
            at=clock(),
            kiosk_id=kiosk_id,
            actor=actor.actor,
            action="service.pause" if reason else "service.resume",
            target=f"service:{slug}",
            detail={"reason": row.pause_reason, "alternative": row.pause_alternative},
        )
