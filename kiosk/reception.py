"""What the kiosk's customer screens ask of the domain: the catalogue, wait
estimates, issuing a ticket, recording a visit, and the print outcome.

The UI calls these plain methods (from worker threads where they may be slow)
and never holds a database session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, select

from kiosk import bring_lists, events
from kiosk.branch_service import BranchService
from kiosk.catalogue.model import Catalogue, Service
from kiosk.clock import Clock, business_today, utc_now
from kiosk.complaint_rules import COMPLAINT_SERVICE, CaseSource
from kiosk.complaints import open_case
from kiosk.db.catalogue_store import load_stored_catalogue
from kiosk.db.database import Database
from kiosk.db.models import DailyCounter, Ticket, Visit
from kiosk.db.models_reports import VisitExit
from kiosk.estimates import (
    average_service_minutes,
    open_counters_for,
    wait_minutes,
    waiting_count,
)
from kiosk.numbering import display_code, next_number, ticket_reference
from kiosk.settings import Settings
from kiosk.ticket import PrintStatus, Priority, TicketData, TicketStatus


class ServiceUnavailable(Exception):
    """The chosen service cannot take a ticket now; ``reason`` says why."""

    INACTIVE = "inactive"
    PAUSED = "paused"
    FULL = "full"
    """Today's daily cap is reached."""

    def __init__(self, slug: str, reason: str) -> None:
        self.slug = slug
        self.reason = reason
        super().__init__(f"{slug}: {reason}")


@dataclass(frozen=True)
class VisitInput:
    """What one customer chose at the kiosk. Holds no personal data."""

    locale: str
    started_at: datetime
    answers: tuple[str, ...] = ()
    service_slug: str | None = None
    materials_have: tuple[str, ...] = ()
    materials_missing: tuple[str, ...] = ()
    priority: Priority = Priority.NORMAL
    returning_list: str | None = None
    """The return code of the bring-list the customer came back with."""


@dataclass(frozen=True)
class WaitEstimate:
    people_ahead: int
    minutes: int
    open_counters: int = 0
    tickets_left: int | None = None
    """Tickets still available today under the daily cap (None: no cap)."""


@dataclass(frozen=True)
class TicketSummary:
    """One line of the staff's list of today's tickets."""

    ticket_id: int
    code: str
    service_slug: str
    status: TicketStatus
    print_status: PrintStatus
    print_problem: str | None
    issued_at: datetime
    materials_missing: tuple[str, ...] = field(default_factory=tuple)


#: What a kiosk's catalogue depends on: the catalogue itself and the services' pauses.
_CATALOGUE_KEYS = (events.CATALOGUE_VERSION, events.PAUSE_VERSION)


class Reception(BranchService):
    def __init__(self, db: Database, settings: Settings, clock: Clock = utc_now) -> None:
        super().__init__(db, settings, clock)
        self._catalogue: Catalogue | None = None
        self._catalogue_version: tuple[int, ...] = ()

    # -- catalogue -------------------------------------------------------------------------
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self.reload_catalogue()
        assert self._catalogue is not None
        return self._catalogue

    def reload_catalogue(self) -> Catalogue:
        with self._db.session() as session:
            self._catalogue_version = events.versions(session, *_CATALOGUE_KEYS)
            self._catalogue = load_stored_catalogue(session)
        return self._catalogue

    def refresh_if_changed(self) -> bool:
        """Reload the catalogue when a manager edited it or a service was paused or
        resumed (on any machine of the branch). Two primary-key reads; call it on a timer (off the UI thread)."""
        with self._db.session() as session:
            current = events.versions(session, *_CATALOGUE_KEYS)
        if self._catalogue is not None and current == self._catalogue_version:
            return False
        self.reload_catalogue()
        return True

    # -- queue -----------------------------------------------------------------------------
    def today(self) -> date:
        return self._today()

    def _wait(self, session: Session, service: Service, ahead: int) -> tuple[int, int]:
        average = average_service_minutes(
            session, service.slug, service.average_minutes, self._settings.queue.average_samples
        )
        counters = open_counters_for(session, service.slug)
        return wait_minutes(ahead, average, counters), counters

    def estimate(self, slug: str) -> WaitEstimate:
        """People waiting now for a service, and roughly how long a new ticket waits."""
        service = self.catalogue().service(slug)
        day = self.today()
        with self._db.session() as session:
            ahead = waiting_count(session, day, slug)
            minutes, counters = self._wait(session, service, ahead)
            left = None
            if service.daily_cap is not None:
                counter = session.get(DailyCounter, (day, service.prefix))
                left = max(service.daily_cap - (counter.last_number if counter else 0), 0)
        return WaitEstimate(ahead, minutes, counters, left)

    @staticmethod
    def check_available(service: Service) -> None:
        if not service.active:
            raise ServiceUnavailable(service.slug, ServiceUnavailable.INACTIVE)
        if service.pause is not None:
            raise ServiceUnavailable(service.slug, ServiceUnavailable.PAUSED)

    def take_ticket(self, visit: VisitInput) -> TicketData:
        """Store the visit and issue its ticket in one transaction; returns what to print."""
        if visit.service_slug is None:
            raise ValueError("a ticket needs a service")
        service = self.catalogue().service(visit.service_slug)
        self.check_available(service)
        now = self._clock()
        day = business_today(self._settings, lambda: now)
        with self._db.session() as session:
            row = self._store_visit(session, visit, now, "ticket")
            number = next_number(session, day, service.prefix)
            if service.daily_cap is not None and number > service.daily_cap:
                # rolls back the visit and the counter bump with it: no gap, no ticket
                raise ServiceUnavailable(service.slug, ServiceUnavailable.FULL)
            ticket = Ticket(
                visit_id=row.id or 0,
                business_day=day,
                service_slug=service.slug,
                prefix=service.prefix,
                number=number,
                code=display_code(service.prefix, number),
                reference=ticket_reference(day, display_code(service.prefix, number)),
                issued_at=now,
                priority=visit.priority,
            )
            session.add(ticket)
            session.flush()
            events.record(session, ticket, "issued", now)
            if service.slug == COMPLAINT_SERVICE:
                self._open_complaint(session, ticket, now)
            ahead = waiting_count(session, day, service.slug, ahead_of=ticket)
            minutes, _ = self._wait(session, service, ahead)
            ticket_id = ticket.id or 0
        return self._ticket_data(ticket_id, ticket, service, visit, ahead, minutes)

    def _open_complaint(self, session: Session, ticket: Ticket, now: datetime) -> None:
        """A complaint ticket from the kiosk opens its case at once, so the targets run
        from the customer's arrival; staff who hear them add what happened."""
        open_case(
            session,
            source=CaseSource.KIOSK,
            category="other",
            summary=f"Complaint ticket {ticket.code} taken at the kiosk; to be heard at a counter.",
            ticket_id=ticket.id,
            now=now,
            kiosk_id=self._settings.kiosk.id,
            zone=self._settings.business.zone,
        )

    def _ticket_data(
        self,
        ticket_id: int,
        ticket: Ticket,
        service: Service,
        visit: VisitInput,
        ahead: int,
        minutes: int,
    ) -> TicketData:
        missing = set(visit.materials_missing)
        return TicketData(
            ticket_id=ticket_id,
            code=ticket.code,
            reference=ticket.reference,
            locale=visit.locale,
            branch_name=self._settings.kiosk.branch_name,
            service_slug=service.slug,
            service_name=service.name,
            issued_at=ticket.issued_at,
            business_day=ticket.business_day,
            people_ahead=ahead,
            estimated_wait_minutes=minutes,
            materials_to_prepare=tuple(m.text for m in service.materials if m.id in missing),
            follow_up_hint=service.follow_up[0] if service.follow_up else None,
        )

    def record_visit(self, visit: VisitInput, outcome: str, screen: str | None = None) -> None:
        """Store a visit that ended without a ticket (walked away, took the list); for a
        walk-away, ``screen`` is the screen it was left on (the reports count them)."""
        with self._db.session() as session:
            row = self._store_visit(session, visit, self._clock(), outcome)
            if screen:
                session.add(VisitExit(visit_id=row.id or 0, screen=screen[:32]))

    def record_list_printed(self, visit: VisitInput) -> str:
        """Store a visit that takes the list of what to bring, with the list's return
        code (in one transaction); returns the code to print."""
        now = self._clock()
        with self._db.session() as session:
            row = self._store_visit(session, visit, now, "list_printed")
            assert row.id is not None  # flushed by _store_visit
            return bring_lists.issue(session, row.id, now)

    def _store_visit(
        self, session: Session, visit: VisitInput, now: datetime, outcome: str
    ) -> Visit:
        row = Visit(
            kiosk_id=self._settings.kiosk.id,
            locale=visit.locale,
            started_at=visit.started_at,
            finished_at=now,
            answers=list(visit.answers),
            service_slug=visit.service_slug,
            materials_have=list(visit.materials_have),
            materials_missing=list(visit.materials_missing),
            outcome=outcome,
        )
        session.add(row)
        session.flush()
        if visit.returning_list is not None:
            assert row.id is not None  # flushed
            bring_lists.link_return(session, visit.returning_list, row.id, now)
        return row

    # -- printing --------------------------------------------------------------------------
    def set_print_status(
        self, ticket_id: int, status: PrintStatus, problem: str | None = None
    ) -> None:
        with self._db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise KeyError(ticket_id)
            ticket.print_status = status
            ticket.print_problem = problem
            session.add(ticket)

    def reprint(self, ticket_id: int) -> TicketData:
        """Count a staff reprint and return the ticket as it stands now (people ahead updated)."""
        with self._db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise KeyError(ticket_id)
            visit_row = session.get(Visit, ticket.visit_id)
            assert visit_row is not None  # a ticket always has its visit (foreign key)
            ticket.reprint_count += 1
            ticket.print_status = PrintStatus.PENDING
            session.add(ticket)
            ahead = waiting_count(session, ticket.business_day, ticket.service_slug, ticket)
            service = self.catalogue().service(ticket.service_slug)
            minutes, _ = self._wait(session, service, ahead)
            visit = VisitInput(
                locale=visit_row.locale,
                started_at=visit_row.started_at,
                answers=tuple(visit_row.answers),
                service_slug=visit_row.service_slug,
                materials_have=tuple(visit_row.materials_have),
                materials_missing=tuple(visit_row.materials_missing),
            )
        return self._ticket_data(ticket_id, ticket, service, visit, ahead, minutes)

    # -- staff view ------------------------------------------------------------------------
    def todays_tickets(self) -> list[TicketSummary]:
        with self._db.session() as session:
            rows = session.exec(
                select(Ticket, Visit)
                .join(Visit, col(Visit.id) == col(Ticket.visit_id))
                .where(Ticket.business_day == self.today())
                .order_by(col(Ticket.id))
            ).all()
        return [
            TicketSummary(
                ticket_id=t.id or 0,
                code=t.code,
                service_slug=t.service_slug,
                status=TicketStatus(t.status),
                print_status=PrintStatus(t.print_status),
                print_problem=t.print_problem,
                issued_at=t.issued_at,
                materials_missing=tuple(v.materials_missing),
            )
            for t, v in rows
        ]
