"""Visit records for staff: search, a visit's timeline, CSV export, and retention.

Nothing here holds personal data: a visit is a language, answers, a service, the
checklist and its ticket's timeline. Exports and purges are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TextIO

from sqlmodel import Session, col, delete, select

from kiosk import audit
from kiosk.access import Actor, StaffMember, require_manager
from kiosk.archive_guard import ArchiveMissing, months_before, unarchived
from kiosk.branch_service import BranchService
from kiosk.clock import business_day_bounds
from kiosk.db.models import QueueEvent, Ticket, Visit
from kiosk.i18n import N_


@dataclass(frozen=True)
class VisitFilter:
    since: date | None = None
    """First business day, inclusive."""
    until: date | None = None
    """Last business day, inclusive."""
    service: str | None = None
    status: str | None = None
    """A ticket status, or ``no_ticket`` for visits that ended without one."""
    code: str | None = None


@dataclass(frozen=True)
class VisitRecord:
    visit_id: int
    kiosk_id: str
    locale: str
    arrived_at: datetime
    left_kiosk_at: datetime
    outcome: str
    answers: tuple[str, ...]
    service_slug: str | None
    materials_missing: tuple[str, ...]
    ticket_id: int | None = None
    code: str | None = None
    status: str | None = None
    print_status: str | None = None
    reprint_count: int = 0
    called_at: datetime | None = None
    served_at: datetime | None = None
    finished_at: datetime | None = None
    counter: str | None = None

    def timeline(self) -> list[tuple[str, datetime]]:
        """(msgid, moment) pairs in order: arrived, ticket, called, served, finished."""
        steps: list[tuple[str, datetime | None]] = [
            (N_("Arrived at the kiosk"), self.arrived_at),
            (N_("Ticket issued") if self.code else N_("Left the kiosk"), self.left_kiosk_at),
            (N_("Called"), self.called_at),
            (N_("Service started"), self.served_at),
            (N_("Finished"), self.finished_at),
        ]
        return [(label, moment) for label, moment in steps if moment is not None]


CSV_COLUMNS = (
    "visit_id",
    "kiosk_id",
    "locale",
    "arrived_at",
    "outcome",
    "service",
    "answers",
    "materials_missing",
    "ticket",
    "status",
    "print_status",
    "reprints",
    "called_at",
    "served_at",
    "finished_at",
    "counter",
)


class Records(BranchService):
    def find(self, where: VisitFilter, limit: int = 500) -> list[VisitRecord]:
        with self._db.session() as session:
            return self._find(session, where, limit)

    def _find(self, session: Session, where: VisitFilter, limit: int) -> list[VisitRecord]:
        business = self._settings.business
        query = select(Visit, Ticket).join(
            Ticket, col(Ticket.visit_id) == col(Visit.id), isouter=True
        )
        if where.since is not None:
            start, _ = business_day_bounds(where.since, business.zone, business.day_reset_hour)
            query = query.where(col(Visit.started_at) >= start)
        if where.until is not None:
            _, end = business_day_bounds(where.until, business.zone, business.day_reset_hour)
            query = query.where(col(Visit.started_at) < end)
        if where.service:
            query = query.where(Visit.service_slug == where.service)
        if where.status == "no_ticket":
            query = query.where(col(Ticket.id).is_(None))
        elif where.status:
            query = query.where(Ticket.status == where.status)
        if where.code:
            query = query.where(col(Ticket.code) == where.code.strip().upper())
        query = query.order_by(col(Visit.started_at).desc(), col(Visit.id).desc()).limit(limit)
        return [self._record(v, t) for v, t in session.exec(query).all()]

    @staticmethod
    def _record(visit: Visit, ticket: Ticket | None) -> VisitRecord:
        record = VisitRecord(
            visit_id=visit.id or 0,
            kiosk_id=visit.kiosk_id,
            locale=visit.locale,
            arrived_at=visit.started_at,
            left_kiosk_at=visit.finished_at,
            outcome=visit.outcome,
            answers=tuple(visit.answers),
            service_slug=visit.service_slug,
            materials_missing=tuple(visit.materials_missing),
        )
        if ticket is None:
            return record
        return VisitRecord(
            **{
                **record.__dict__,
                "ticket_id": ticket.id,
                "code": ticket.code,
                "status": str(ticket.status),
                "print_status": str(ticket.print_status),
                "reprint_count": ticket.reprint_count,
                "called_at": ticket.called_at,
                "served_at": ticket.started_at,
                "finished_at": ticket.finished_at,
                "counter": ticket.counter,
                "service_slug": ticket.service_slug,
            }
        )

    def export_csv(self, actor: StaffMember, where: VisitFilter, out: TextIO) -> int:
        """Write matching visits as CSV; returns the row count. Times are ISO 8601 in the
        branch's time zone with its offset (``2026-11-30T10:00:00+08:00``), the clock the
        screens show, and still one exact moment for a spreadsheet or a script."""
        zone = self._settings.business.zone
        with self._db.session() as session:
            require_manager(actor, session)
            rows = self._find(session, where, limit=1_000_000)
            lines = [
                [
                    r.visit_id,
                    r.kiosk_id,
                    r.locale,
                    r.arrived_at.astimezone(zone).isoformat(),
                    r.outcome,
                    r.service_slug or "",
                    " ".join(r.answers),
                    " ".join(r.materials_missing),
                    r.code or "",
                    r.status or "",
                    r.print_status or "",
                    r.reprint_count,
                    *(
                        m.astimezone(zone).isoformat() if m else ""
                        for m in (r.called_at, r.served_at, r.finished_at)
                    ),
                    r.counter or "",
                ]
                for r in rows
            ]
            filters = {k: str(v) for k, v in where.__dict__.items() if v}
            return self._export_csv(
                session,
                actor,
                out,
                CSV_COLUMNS,
                lines,
                action="visits.export",
                target="visits",
                detail={"filter": filters},
            )

    def purge(self, actor: Actor, retention_days: int, without_archive: bool = False) -> int:
        """Delete visits, tickets and queue events older than the retention period.

        Raises :class:`~kiosk.archive_guard.ArchiveMissing` when a month it would
        delete from has no verified archive, unless ``without_archive`` (audited as such).
        """
        cutoff = self._clock() - timedelta(days=retention_days)
        with self._db.session() as session:
            months = months_before(session, self._settings, cutoff)
            missing = unarchived(session, self._settings, months)
            if missing and not without_archive:
                raise ArchiveMissing(missing)
            old_visits = select(Visit.id).where(col(Visit.finished_at) < cutoff)
            old_tickets = select(Ticket.id).where(col(Ticket.visit_id).in_(old_visits))
            session.execute(delete(QueueEvent).where(col(QueueEvent.ticket_id).in_(old_tickets)))
            session.execute(delete(Ticket).where(col(Ticket.visit_id).in_(old_visits)))
            count = len(session.exec(old_visits).all())
            session.execute(delete(Visit).where(col(Visit.finished_at) < cutoff))
            detail: dict[str, object] = {"older_than_days": retention_days, "visits": count}
            if missing:
                detail["months_without_archive"] = [str(m) for m in missing]
            audit.append(
                session,
                at=self._clock(),
                kiosk_id=self._settings.kiosk.id,
                actor=actor,
                action="retention.purge_without_archive" if missing else "retention.purge",
                target="visits",
                detail=detail,
            )
        return count
