"""Queue events: one row per change, read by displays and consoles by id range."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from kiosk.db.models import BranchState, QueueEvent, Ticket

CATALOGUE_VERSION = "catalogue_version"
#: Bumped by pausing or resuming a service: kiosks reload the catalogue on either
#: version, while only a catalogue edit makes a manager's open editor stale.
PAUSE_VERSION = "pause_version"
SETTINGS_VERSION = "settings_version"


def record(session: Session, ticket: Ticket, kind: str, at: datetime) -> None:
    session.add(
        QueueEvent(
            at=at,
            kind=kind,
            ticket_id=ticket.id or 0,
            code=ticket.code,
            service_slug=ticket.service_slug,
            counter=ticket.counter,
        )
    )


def bump(session: Session, key: str) -> None:
    """Increment a shared version number (e.g. after a catalogue change)."""
    state = session.get(BranchState, key)
    if state is None:
        state = BranchState(key=key, value=0)
    state.value += 1
    session.add(state)


def versions(session: Session, *keys: str) -> tuple[int, ...]:
    return tuple(version(session, key) for key in keys)


def version(session: Session, key: str, lock: bool = False) -> int:
    state = session.get(BranchState, key, with_for_update=lock)
    return 0 if state is None else state.value
