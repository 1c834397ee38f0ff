"""Refused attempts in the audit trail, counted, without one entry per attempt.

Someone at a PIN pad can type wrong PINs all day, and a signed-in clerk can try a
manager's action again and again; one entry per attempt would bury the trail. So
each kind of refusal from one pad (and, for a manager action, one person) is a
*burst*: its first attempt is an entry at once, so the trail shows it while it
happens; the attempts after it are counted in ``audit_burst`` and written as **one
entry with the count** (``detail.count``, ``first``, ``last``, ``targets``) when
the burst ends: a sign-in that works on that pad (of someone else, for a manager
action refused), a lock, ``kiosk staff unlock``, the next refusal an hour after the
burst began, or the kiosk's daily audit check for a burst older than an hour. However many attempts are
made, the trail gains a few entries an hour, and none goes uncounted.

A manager action refused by the domain (:func:`kiosk.access.require_manager`)
rolls its own transaction back; :meth:`RefusalLog.manager_refused` writes the
entry in a new one, from :class:`~kiosk.db.database.Database`'s refusal hook that
each program sets for its own pad (:meth:`RefusalLog.attach`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session, col, select

from kiosk import audit
from kiosk.access import SYSTEM, Actor, StaffMember
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models_hardening import AuditBurst

BURST = timedelta(hours=1)
"""A burst lasts at most this long: then the next refusal writes the count and starts anew."""
MAX_TARGETS = 10
MANAGER_REFUSED = "access.refused"


def lock_pad(session: Session, pad: str) -> None:
    """Until the transaction ends, this pad's refusals (and its PIN lock) are ours: the
    kiosks of a branch share a pad, and two of them must not both start its burst or its
    lock record. SQLite's ``BEGIN IMMEDIATE`` has serialised writers already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": f"pad:{pad}"}
        )


def note(
    session: Session,
    *,
    pad: str,
    at: datetime,
    kiosk_id: str,
    action: str,
    target: str,
    actor: Actor = SYSTEM,
    detail: dict[str, object] | None = None,
) -> None:
    """One refused attempt, inside the caller's transaction."""
    lock_pad(session, pad)
    key = (pad, action, actor.id or 0)
    burst = session.get(AuditBurst, key)
    if burst is not None and at - burst.first_at < BURST:
        burst.count += 1
        burst.last_at = at
        if target not in burst.targets and len(burst.targets) < MAX_TARGETS:
            burst.targets = [*burst.targets, target]
        session.add(burst)
        return
    if burst is not None:
        _summarise(session, burst, kiosk_id, at)
        session.delete(burst)
        session.flush()
    audit.append(
        session,
        at=at,
        kiosk_id=kiosk_id,
        actor=actor,
        action=action,
        target=target,
        detail={**(detail or {}), "pad": pad},
    )
    session.add(
        AuditBurst(
            pad=pad,
            action=action,
            actor_id=actor.id or 0,
            actor_name=actor.name,
            first_at=at,
            last_at=at,
        )
    )


def close(
    session: Session,
    *,
    at: datetime,
    kiosk_id: str,
    pad: str | None = None,
    actions: Iterable[str] | None = None,
    but_of: int | None = None,
    begun_before: datetime | None = None,
) -> None:
    """End the bursts of ``pad`` (every pad: ``None``) of ``actions`` (every kind: ``None``),
    except those of the person ``but_of``, or only those begun before ``begun_before``:
    what each counted since its first entry becomes one entry with the count."""
    query = select(AuditBurst).order_by(col(AuditBurst.first_at))
    if pad is not None:
        query = query.where(AuditBurst.pad == pad)
    if actions is not None:
        query = query.where(col(AuditBurst.action).in_(list(actions)))
    if but_of is not None:
        query = query.where(AuditBurst.actor_id != but_of)
    if begun_before is not None:
        query = query.where(col(AuditBurst.first_at) < begun_before)
    for burst in session.exec(query).all():
        _summarise(session, burst, kiosk_id, at)
        session.delete(burst)


def _summarise(session: Session, burst: AuditBurst, kiosk_id: str, at: datetime) -> None:
    if burst.count == 0:
        return  # the opening entry said it all
    targets = burst.targets
    audit.append(
        session,
        at=at,
        kiosk_id=kiosk_id,
        actor=Actor(burst.actor_id or None, burst.actor_name or SYSTEM.name),
        action=burst.action,
        target=targets[0] if len(targets) == 1 else f"pad:{burst.pad}",
        detail={
            "pad": burst.pad,
            "count": burst.count,
            "first": burst.first_at.isoformat(),
            "last": burst.last_at.isoformat(),
            "targets": targets,
        },
    )


class RefusalLog:
    """The refusals of one program: its pad, its kiosk id, its clock."""

    def __init__(self, db: Database, pad: str, kiosk_id: str, clock: Clock = utc_now) -> None:
        self._db = db
        self.pad = pad
        self._kiosk_id = kiosk_id
        self._clock = clock

    def attach(self) -> RefusalLog:
        """Be the database's refusal hook: every manager action it refuses is noted here."""
        self._db.refusal_hook = self.manager_refused
        return self

    def manager_refused(self, actor: StaffMember, what: str) -> None:
        """``actor`` tried ``what`` (a domain call) and was refused: in its own transaction,
        since the refused one was rolled back."""
        with self._db.session() as session:
            note(
                session,
                pad=self.pad,
                at=self._clock(),
                kiosk_id=self._kiosk_id,
                action=MANAGER_REFUSED,
                target=what,
                actor=actor.actor,
                detail={"staff": actor.number},
            )

    def close_stale(self) -> None:
        """Write the count of every burst (all pads) begun more than :data:`BURST` ago."""
        now = self._clock()
        with self._db.session() as session:
            close(session, at=now, kiosk_id=self._kiosk_id, begun_before=now - BURST)
