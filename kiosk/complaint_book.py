"""Reading complaint cases: the managers' filtered list, one case with its history, and
the overdue cases the staff home and the console highlight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from kiosk.access import ROLE_MANAGER, StaffMember, require_manager, require_signed_in
from kiosk.branch_service import BranchService
from kiosk.clock import business_day_bounds
from kiosk.complaint_rules import CaseSource, CaseState, overdue
from kiosk.complaints import case_row
from kiosk.db.models import Staff
from kiosk.db.models_feedback import ComplaintCase, ComplaintChange, VisitRating


@dataclass(frozen=True)
class CaseSummary:
    id: int
    opened_at: datetime
    source: CaseSource
    category: str
    summary: str
    state: CaseState
    ticket_code: str | None
    manager_id: int | None
    manager_name: str
    acknowledge_due: datetime
    resolve_due: datetime
    overdue: str | None
    """:data:`~kiosk.complaint_rules.ACKNOWLEDGE` or ``RESOLVE``: the target missed."""


@dataclass(frozen=True)
class CaseChangeView:
    at: datetime
    actor_name: str
    kind: str
    from_state: CaseState | None
    to_state: CaseState | None
    note: str
    manager_name: str = ""


@dataclass(frozen=True)
class CaseDetail:
    case: CaseSummary
    changes: tuple[CaseChangeView, ...]
    staff_name: str
    """The staff member involved, if any."""
    resolution: str | None
    rating: tuple[int, tuple[str, ...]] | None = None
    """Score and reasons of the kiosk rating that opened the case."""


@dataclass(frozen=True)
class CaseFilter:
    state: CaseState | None = None
    category: str | None = None
    overdue_only: bool = False
    opened_from: date | None = None
    """Business days, inclusive, in the branch's zone."""
    opened_to: date | None = None


class ComplaintBook(BranchService):
    def cases(self, actor: StaffMember, where: CaseFilter | None = None) -> list[CaseSummary]:
        """Cases newest first, filtered (managers)."""
        where = where or CaseFilter()
        now = self._clock()
        business = self._settings.business
        with self._db.session() as session:
            require_manager(actor, session)
            query = select(ComplaintCase).order_by(col(ComplaintCase.id).desc())
            if where.state is not None:
                query = query.where(ComplaintCase.state == where.state)
            if where.category:
                query = query.where(ComplaintCase.category == where.category)
            if where.opened_from is not None:
                start, _ = business_day_bounds(
                    where.opened_from, business.zone, business.day_reset_hour
                )
                query = query.where(col(ComplaintCase.opened_at) >= start)
            if where.opened_to is not None:
                _, end = business_day_bounds(
                    where.opened_to, business.zone, business.day_reset_hour
                )
                query = query.where(col(ComplaintCase.opened_at) < end)
            if where.overdue_only:
                query = query.where(self._overdue_clause(now))
            names = _names(session)
            return [_summary(row, now, names) for row in session.exec(query)]

    @staticmethod
    def _overdue_clause(now: datetime) -> ColumnElement[bool]:
        open_states = [CaseState.OPEN, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS]
        return and_(
            col(ComplaintCase.state).in_(open_states),
            or_(
                col(ComplaintCase.resolve_due) < now,
                and_(
                    col(ComplaintCase.state) == CaseState.OPEN,
                    col(ComplaintCase.acknowledge_due) < now,
                ),
            ),
        )

    def overdue_cases(self) -> list[int]:
        """Ids of the cases past a target now, oldest first: what the staff home and the
        console highlight (ids only, so any signed-in screen may show them)."""
        with self._db.session() as session:
            query = (
                select(ComplaintCase.id)
                .where(self._overdue_clause(self._clock()))
                .order_by(col(ComplaintCase.id))
            )
            return [int(i) for i in session.exec(query) if i is not None]

    def case(self, actor: StaffMember, case_id: int) -> CaseDetail:
        """One case with its history (any signed-in staff member: to add a note)."""
        with self._db.session() as session:
            require_signed_in(actor, session)
            row = case_row(session, case_id)
            names = _names(session)
            changes = session.exec(
                select(ComplaintChange)
                .where(ComplaintChange.case_id == case_id)
                .order_by(col(ComplaintChange.id))
            ).all()
            rating = session.exec(select(VisitRating).where(VisitRating.case_id == case_id)).first()
            return CaseDetail(
                case=_summary(row, self._clock(), names),
                changes=tuple(
                    CaseChangeView(
                        at=c.at,
                        actor_name=c.actor_name,
                        kind=c.kind,
                        from_state=CaseState(c.from_state) if c.from_state else None,
                        to_state=CaseState(c.to_state) if c.to_state else None,
                        note=c.note,
                        manager_name=names.get(c.manager_id, "") if c.manager_id else "",
                    )
                    for c in changes
                ),
                staff_name=names.get(row.staff_id, "") if row.staff_id else "",
                resolution=row.resolution,
                rating=(rating.score, tuple(rating.reasons)) if rating else None,
            )

    def managers(self) -> list[tuple[int, str]]:
        """Active managers, who can be made responsible for a case."""
        with self._db.session() as session:
            rows = session.exec(
                select(Staff)
                .where(Staff.role == ROLE_MANAGER, col(Staff.active))
                .order_by(col(Staff.name))
            )
            return [(r.id or 0, r.name) for r in rows]


def _names(session: Session) -> dict[int | None, str]:
    return {r.id: r.name for r in session.exec(select(Staff))}


def _summary(row: ComplaintCase, now: datetime, names: dict[int | None, str]) -> CaseSummary:
    state = CaseState(row.state)
    return CaseSummary(
        id=row.id or 0,
        opened_at=row.opened_at,
        source=CaseSource(row.source),
        category=row.category,
        summary=row.summary,
        state=state,
        ticket_code=row.ticket_code,
        manager_id=row.manager_id,
        manager_name=names.get(row.manager_id, "") if row.manager_id else "",
        acknowledge_due=row.acknowledge_due,
        resolve_due=row.resolve_due,
        overdue=overdue(state, row.acknowledge_due, row.resolve_due, now),
    )
