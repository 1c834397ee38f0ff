"""The audit trail: who did what, when, with old → new values.

Rows are only ever appended. Each row's ``chain`` is an HMAC-SHA-256, under the
key of :mod:`kiosk.audit_seal` (a file outside the database), over the previous
row's chain and its own content; each machine also notes the heads it wrote
outside the database. So an edit behind the app's back, even with the later
chains recomputed, and a deleted tail show up in :meth:`AuditLog.check` (the
database also refuses UPDATE, DELETE and INSERT OR REPLACE through triggers).
Trails from before the seal start with unkeyed SHA-256 rows; those are accepted
only before the first keyed one, and counted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from kiosk.access import Actor, StaffMember, require_manager
from kiosk.audit_seal import KEYED, AuditSeal
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import AuditEvent
from kiosk.i18n import N_

#: Every action the code base writes, with what a person reads for it (a msgid for
#: ``loc.tr``). ``tests/kiosk/test_audit_labels.py`` fails on an action written without one.
ACTION_LABELS: dict[str, str] = {
    "auth.sign_in": N_("Signed in"),
    "auth.sign_out": N_("Signed out"),
    "auth.failed": N_("Wrong PIN"),
    "auth.locked": N_("Locked out after wrong PINs"),
    "auth.refused_locked": N_("Sign-in refused: locked out"),
    "access.refused": N_("Manager action refused"),
    "staff.create_first_manager": N_("First manager created"),
    "staff.add": N_("Staff member added"),
    "staff.activate": N_("Staff member reactivated"),
    "staff.deactivate": N_("Staff member deactivated"),
    "staff.role": N_("Role changed"),
    "staff.reset_pin": N_("PIN reset"),
    "staff.unlock": N_("PIN lock lifted on the machine"),
    "counter.add": N_("Counter added"),
    "counter.edit": N_("Counter changed"),
    "counter.remove": N_("Counter removed"),
    "catalogue.edit": N_("Catalogue edited"),
    "catalogue.import": N_("Catalogue imported"),
    "catalogue.export": N_("Catalogue exported"),
    "settings.change": N_("Branch settings changed"),
    "service.pause": N_("Service paused"),
    "service.resume": N_("Service resumed"),
    "visits.export": N_("Visits exported"),
    "retention.purge": N_("Old records removed"),
    "retention.purge_without_archive": N_("Old records removed without an archive"),
    "archive.write": N_("Month archived"),
    "archive.verify": N_("Archive checked"),
    "demo.fill": N_("Demo traffic generated"),
    "ticket.reprint": N_("Ticket reprinted"),
    "kiosk.exit": N_("Kiosk mode left"),
    "contact.reveal": N_("Phone number shown in full"),
    "contact.withdraw": N_("Customer asked not to be contacted"),
    "survey.call": N_("Phone survey call recorded"),
    "survey.export": N_("Phone survey list exported"),
    "complaint.open": N_("Complaint case opened"),
    "complaint.state": N_("Complaint case moved on"),
    "complaint.assign": N_("Complaint case assigned"),
    "complaint.note": N_("Note added to a complaint case"),
    "assessment.note": N_("Assessment note kept"),
    "report.export_pdf": N_("Review pack exported (PDF)"),
    "report.export_csv": N_("Report tables exported (CSV)"),
    "report.export_xlsx": N_("Report tables exported (XLSX)"),
}


def action_label(action: str) -> str:
    """The msgid naming ``action``; an action this version does not know shows as its code."""
    return ACTION_LABELS.get(action, action)


#: PostgreSQL advisory lock that serialises appends so the chain never forks.
_CHAIN_LOCK = 0x4B494F534B  # "KIOSK"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    kiosk_id: str
    actor_id: int | None
    actor_name: str
    action: str
    target: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class TrailCheck:
    """What :meth:`AuditLog.check` found."""

    broken: list[int]
    """Entries whose MAC does not match (edited, forged, or sealed with another key)."""
    lost_after: int | None = None
    """The trail ends before entry ids this machine once wrote: the tail was deleted."""
    unkeyed: int = 0
    """Entries from before the seal (unkeyed SHA-256), at the start of the trail."""
    sealed: bool = True
    """False when no key was at hand: only the unkeyed digests could be checked."""

    @property
    def intact(self) -> bool:
        return not self.broken and self.lost_after is None


def _content(row: AuditEvent) -> str:
    return json.dumps(
        [
            row.at.isoformat(),
            row.kiosk_id,
            row.actor_id,
            row.actor_name,
            row.action,
            row.target,
            row.detail,
        ],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )


def _digest(previous: str, row: AuditEvent) -> str:
    """The unkeyed SHA-256 of trails from before the seal."""
    return hashlib.sha256(f"{previous}\n{_content(row)}".encode()).hexdigest()


def seal_of(session: Session) -> AuditSeal | None:
    seal = session.info.get(SEAL)
    return seal if isinstance(seal, AuditSeal) else None


SEAL = "audit_seal"
HEAD = "audit_head"
"""``session.info`` keys: the seal the database was opened with, and the head written
in this transaction (noted outside the database once it commits)."""


def append(
    session: Session,
    *,
    at: datetime,
    kiosk_id: str,
    actor: Actor,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Add an entry inside the caller's transaction (so it commits with the change)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    previous = session.exec(
        select(AuditEvent.chain).order_by(col(AuditEvent.id).desc()).limit(1)
    ).first()
    row = AuditEvent(
        at=at,
        kiosk_id=kiosk_id,
        actor_id=actor.id,
        actor_name=actor.name,
        action=action,
        target=target,
        detail=json.loads(json.dumps(detail or {}, default=str)),
        chain="",
    )
    seal = seal_of(session)
    row.chain = seal.mac(previous or "", _content(row)) if seal else _digest(previous or "", row)
    session.add(row)
    session.flush()
    session.info[HEAD] = (row.id, row.chain)


class AuditLog:
    def __init__(self, db: Database, kiosk_id: str, clock: Clock = utc_now) -> None:
        self._db = db
        self._kiosk_id = kiosk_id
        self._clock = clock

    def record(
        self, actor: Actor, action: str, target: str = "", detail: dict[str, Any] | None = None
    ) -> None:
        with self._db.session() as session:
            append(
                session,
                at=self._clock(),
                kiosk_id=self._kiosk_id,
                actor=actor,
                action=action,
                target=target,
                detail=detail,
            )

    def entries(self, **filters: Any) -> list[AuditEntry]:
        """Newest first, filtered (``since``, ``until``, ``action`` prefix, ``actor_id``,
        ``limit``: see :func:`_entries`)."""
        with self._db.session() as session:
            return _entries(session, **filters)

    def browse(self, actor: StaffMember, **filters: Any) -> list[AuditEntry]:
        """:meth:`entries` for a person: managers only (checked in the same transaction)."""
        with self._db.session() as session:
            require_manager(actor, session)
            return _entries(session, **filters)

    def check_as(self, actor: StaffMember) -> TrailCheck:
        with self._db.reading() as session:  # a snapshot: kiosks keep writing meanwhile
            require_manager(actor, session)
            return _check(session)

    def check(self) -> TrailCheck:
        with self._db.reading() as session:
            return _check(session)

    def verify(self) -> list[int]:
        """Ids of entries whose chain does not match (empty when the trail is intact)."""
        return self.check().broken


def _entries(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    action: str | None = None,
    actor_id: int | None = None,
    limit: int = 1000,
) -> list[AuditEntry]:
    query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
    if since is not None:
        query = query.where(col(AuditEvent.at) >= since)
    if until is not None:
        query = query.where(col(AuditEvent.at) < until)
    if action:
        query = query.where(col(AuditEvent.action).startswith(action))
    if actor_id is not None:
        query = query.where(AuditEvent.actor_id == actor_id)
    return [
        AuditEntry(
            r.id or 0, r.at, r.kiosk_id, r.actor_id, r.actor_name, r.action, r.target, r.detail
        )
        for r in session.exec(query)
    ]


def _check(session: Session) -> TrailCheck:
    seal = seal_of(session)
    broken: list[int] = []
    previous, keyed_seen, unkeyed = "", False, 0
    chains: dict[int, str] = {}
    for row in session.exec(select(AuditEvent).order_by(col(AuditEvent.id))):
        if row.chain.startswith(KEYED):
            keyed_seen = True
            ok = seal is not None and hmac.compare_digest(
                seal.mac(previous, _content(row)), row.chain
            )
        else:  # unkeyed: only as the start of a trail from before the seal
            ok = not keyed_seen and _digest(previous, row) == row.chain
            unkeyed += ok
        if not ok:
            broken.append(row.id or 0)
        chains[row.id or 0] = row.chain
        previous = row.chain
    lost_after = None
    if seal is not None:
        for entry_id, chain in sorted(seal.heads().items()):
            if chains.get(entry_id) != chain:
                lost_after = max(chains, default=0)
                if entry_id in chains:
                    broken.append(entry_id)
                break
    return TrailCheck(sorted(set(broken)), lost_after, unkeyed, seal is not None)
