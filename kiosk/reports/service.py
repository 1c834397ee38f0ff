"""What the dashboard, the staff pages and the review pack ask for: one call each, in
one transaction, with the caller's rights read again inside it. Managers see the whole
branch and every staff member; a staff member sees only their own figures and notes.
Assessment notes and exports are audited."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from kiosk.access import (
    SYSTEM,
    PermissionDenied,
    StaffMember,
    require_manager,
    require_signed_in,
)
from kiosk.branch_service import BranchService
from kiosk.db.database import DatabaseUnavailable
from kiosk.db.models import ServiceRow, Staff
from kiosk.db.models_reports import AssessmentNote
from kiosk.i18n import N_
from kiosk.reports import rollup
from kiosk.reports.feedback import ComplaintFigures, CsatFigures, complaints, csat, csat_of
from kiosk.reports.kiosk_figures import (
    FailurePath,
    KioskFigures,
    MaterialMiss,
)
from kiosk.reports.queue_figures import (
    QueueFigures,
    queue_figures,
    with_empty_keys,
)
from kiosk.reports.satisfaction import complaint_rows, satisfaction
from kiosk.reports.sql import column
from kiosk.reports.staff_figures import BranchMedians, StaffFigures, branch_medians, staff_figures
from kiosk.reports.window import ReportError, Slice, Window

log = logging.getLogger(__name__)
NOTE_LENGTH = 2000
#: The audit action of each kind of export.
EXPORT_ACTIONS = {
    "pdf": "report.export_pdf",
    "csv": "report.export_csv",
    "xlsx": "report.export_xlsx",
}


@dataclass(frozen=True)
class ServiceInfo:
    slug: str
    name: dict[str, str]
    sla_minutes: int


@dataclass(frozen=True)
class Dashboard:
    window: Window
    total: QueueFigures
    by_service: dict[Any, QueueFigures]
    by_day: dict[Any, QueueFigures]
    heat_map: dict[tuple[int, int], int]
    kiosk: KioskFigures
    missing: list[MaterialMiss]
    failure_paths: list[FailurePath]
    abandoned: dict[str, int]
    services: dict[str, ServiceInfo] = field(default_factory=dict)
    csat: CsatFigures = field(default_factory=lambda: csat([]))
    complaints: ComplaintFigures = field(default_factory=lambda: ComplaintFigures(0, 0, 0, None))


@dataclass(frozen=True)
class Note:
    id: int
    staff_id: int
    period_start: date
    period_end: date
    strengths: str
    advice: str
    recognition: str
    author_name: str
    written_at: Any


@dataclass(frozen=True)
class StaffReport:
    window: Window
    figures: StaffFigures | None
    """None: nothing recorded for the person in the range."""
    medians: BranchMedians
    notes: list[Note]
    csat: CsatFigures = field(default_factory=lambda: csat([]))
    """Of the visits this person served."""
    complaints: ComplaintFigures = field(default_factory=lambda: ComplaintFigures(0, 0, 0, None))
    """Cases about visits this person served."""
    branch_csat: CsatFigures = field(default_factory=lambda: csat([]))
    """Everyone's, to compare with."""


def _note(row: AssessmentNote) -> Note:
    return Note(
        row.id or 0,
        row.staff_id,
        row.period_start,
        row.period_end,
        row.strengths,
        row.advice,
        row.recognition,
        row.author_name,
        row.written_at,
    )


class Reports(BranchService):
    def today(self) -> date:
        return self._today()

    def window(self, first: date, last: date) -> Window:
        return Window.of(self._settings, first, last)

    # -- the branch ------------------------------------------------------------------------
    def dashboard(self, actor: StaffMember, first: date, last: date) -> Dashboard:
        window = self.window(first, last)
        with self._db.reading() as session:
            require_manager(actor, session)
            dashboard, fresh = self._dashboard(session, window)
        self._keep(fresh)
        return dashboard

    def _dashboard(self, session: Session, window: Window) -> tuple[Dashboard, list[rollup.Fresh]]:
        """The dashboard from the day rollup; also the days worked out again (to keep)."""
        today = self.today()
        services = {
            slug: ServiceInfo(slug, dict(name or {}), int(sla))
            for slug, name, sla in session.execute(
                select(
                    column(ServiceRow.slug), column(ServiceRow.name), column(ServiceRow.sla_minutes)
                ).order_by(column(ServiceRow.position), column(ServiceRow.slug))
            ).all()
        }
        days, fresh = rollup.range_figures(session, window, today)
        targets = {s.slug: s.sla_minutes for s in services.values()}
        figures = rollup.merged(days, window, targets)
        dashboard = Dashboard(
            window=window,
            total=figures.total,
            by_service=with_empty_keys(figures.by_service, list(services)),
            by_day=with_empty_keys(figures.by_day, window.days()),
            heat_map=figures.heat_map,
            kiosk=figures.kiosk,
            missing=figures.missing,
            failure_paths=figures.failure_paths,
            abandoned=figures.abandoned,
            services=services,
            csat=csat_of(*figures.csat),
            complaints=complaints(complaint_rows(session, window), self._clock()),
        )
        return dashboard, fresh

    def _keep(self, fresh: list[rollup.Fresh]) -> None:
        """Keep the days worked out for next time; a database that cannot take them
        (read-only, full, locked) costs only the time to work them out again."""
        if not fresh:
            return
        try:
            with self._db.session() as session:
                rollup.keep(session, fresh, self._clock())
        except (DatabaseUnavailable, SQLAlchemyError) as exc:
            log.warning("report days not kept: %s", exc)

    def keep_days(self, first: date, last: date) -> int:
        """Work out and keep every closed day of the range that is not kept and current
        (after a bulk fill, or at night); how many were worked out."""
        window = self.window(first, last)
        with self._db.reading() as session:
            _, fresh = self._dashboard(session, window)
        self._keep(fresh)
        return len(fresh)

    def sliced(
        self, actor: StaffMember, first: date, last: date, slice_: Slice
    ) -> dict[Any, QueueFigures]:
        window = self.window(first, last)
        with self._db.session() as session:
            require_manager(actor, session)
            return queue_figures(session, window, slice_, self.today())

    # -- staff -----------------------------------------------------------------------------
    def staff_overview(
        self, actor: StaffMember, first: date, last: date
    ) -> tuple[dict[int, StaffFigures], BranchMedians]:
        window = self.window(first, last)
        with self._db.session() as session:
            require_manager(actor, session)
            figures = staff_figures(session, window, self.today(), self._clock())
            return figures, branch_medians(figures)

    def staff_report(
        self, actor: StaffMember, staff_id: int, first: date, last: date
    ) -> StaffReport:
        """One person's page: managers may open anyone's, staff only their own."""
        window = self.window(first, last)
        with self._db.session() as session:
            self._may_see(actor, staff_id, session)
            figures = staff_figures(session, window, self.today(), self._clock())
            now = self._clock()
            satisfied, complained = satisfaction(session, window, now, staff_id)
            branch, _ = satisfaction(session, window, now)
            return StaffReport(
                window,
                figures.get(staff_id),
                branch_medians(figures),
                self._notes(session, staff_id),
                satisfied,
                complained,
                branch,
            )

    @staticmethod
    def _may_see(actor: StaffMember, staff_id: int, session: Session) -> None:
        if actor.is_manager:
            require_manager(actor, session)
        elif actor.id != staff_id:
            raise PermissionDenied(N_("You can see only your own figures."))
        else:
            require_signed_in(actor, session)

    @staticmethod
    def _notes(session: Session, staff_id: int) -> list[Note]:
        rows = session.scalars(
            select(AssessmentNote)
            .where(column(AssessmentNote.staff_id) == staff_id)
            .order_by(column(AssessmentNote.period_start).desc(), column(AssessmentNote.id).desc())
        ).all()
        return [_note(row) for row in rows]

    def write_note(
        self,
        actor: StaffMember,
        staff_id: int,
        first: date,
        last: date,
        *,
        strengths: str = "",
        advice: str = "",
        recognition: str = "",
    ) -> Note:
        """Keep a manager's assessment of one staff member over a period (audited)."""
        self.window(first, last)  # the same checks as a report's range
        texts = [t.strip() for t in (strengths, advice, recognition)]
        if not any(texts):
            raise ReportError(N_("Write at least one of strengths, advice or recognition."))
        if any(len(t) > NOTE_LENGTH for t in texts):
            raise ReportError(N_("Each part of a note has at most 2000 characters."))
        now = self._clock()
        with self._db.session() as session:
            require_manager(actor, session)
            person = session.get(Staff, staff_id)
            if person is None:
                raise ReportError(N_("There is no such staff member."))
            row = AssessmentNote(
                staff_id=staff_id,
                period_start=first,
                period_end=last,
                strengths=texts[0],
                advice=texts[1],
                recognition=texts[2],
                author_id=actor.id,
                author_name=actor.name,
                written_at=now,
            )
            session.add(row)
            session.flush()
            self._audit(
                session,
                actor.actor,
                "assessment.note",
                f"staff:{person.number}",
                {"note": row.id, "from": first.isoformat(), "to": last.isoformat()},
                at=now,
            )
            return _note(row)

    def record_export(
        self, actor: StaffMember, kind: str, first: date, last: date, path: str
    ) -> None:
        """Audit an export of report figures (PDF, CSV, XLSX) by a manager."""
        with self._db.session() as session:
            require_manager(actor, session)
            self._audit(
                session,
                actor.actor,
                EXPORT_ACTIONS[kind],
                "report",
                {"from": first.isoformat(), "to": last.isoformat(), "file": path},
            )

    def review_on_machine(self, first: date, last: date, path: str) -> Dashboard:
        """The figures for a review pack made on the machine itself (a monthly timer, the
        command line), as the retention purge and the backup are: audited as the system."""
        window = self.window(first, last)
        # counted in a read (on SQLite a snapshot: kiosks go on issuing meanwhile, also
        # while a year not kept yet is counted), then the export audited in a short write
        with self._db.reading() as session:
            dashboard, fresh = self._dashboard(session, window)
        self._keep(fresh)
        with self._db.session() as session:
            self._audit(
                session,
                SYSTEM,
                "report.export_pdf",
                "report",
                {
                    "from": first.isoformat(),
                    "to": last.isoformat(),
                    "file": path,
                    "via": "command line",
                },
            )
        return dashboard
