"""The counter's side of the queue: call, recall, start, finish, no-show, transfer,
hold and resume.

Order: priority classes first, but a counter calls at most ``priority_ratio``
priority tickets in a row while normal tickets wait, so nobody is starved; within
a class, the counter's services in the manager's order of preference, and within
a service, arrival order (``issued_at``, which a transfer keeps). A counter that
lists "cash" before "enquiries" takes enquiries when no cash customer waits; give
a service first place at some counter so that it is never left for last
everywhere. Each action is one
transaction that also appends a :class:`~kiosk.db.models.QueueEvent`. On
PostgreSQL the next ticket is taken with ``FOR UPDATE SKIP LOCKED``, so two
counters pressing "call next" together never get the same customer; SQLite's
``BEGIN IMMEDIATE`` serialises them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from kiosk import events, outbox
from kiosk.branch_service import CatalogueService
from kiosk.counters import default_names
from kiosk.db.models import CounterRow, Ticket, Visit
from kiosk.i18n import N_
from kiosk.reports import sessions
from kiosk.ticket import Priority, TicketStatus


class DeskError(Exception):
    """An action that does not fit the ticket's state; ``message`` is a msgid for ``loc.tr``."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class DeskTicket:
    """What a counter console shows of a ticket: what serving needs, nothing personal."""

    ticket_id: int
    code: str
    service_slug: str
    status: TicketStatus
    priority: Priority
    issued_at: datetime
    called_at: datetime | None
    counter: str | None
    recall_count: int
    answers: tuple[str, ...]
    materials_missing: tuple[str, ...]
    transferred_from: str | None


@dataclass(frozen=True)
class CounterInfo:
    id: str
    services: tuple[str, ...]
    open: bool
    """Someone is signed in at it (``staff_id``)."""
    staff_id: int | None
    name: dict[str, str] = field(default_factory=dict)
    in_service: bool = True
    """False: a manager closed it; it cannot be opened and takes no calls."""


FINISH_OUTCOMES = ("served", "referred", "customer_left", "could_not_serve")


class Desk(CatalogueService):
    # -- counters --------------------------------------------------------------------------
    def set_counter(self, counter_id: str, services: Sequence[str]) -> None:
        """Create or change a counter and the services it serves, without a manager or
        an audit entry (set-up and tests; managers use :mod:`kiosk.counters`)."""
        unknown = [s for s in services if s not in {x.slug for x in self._catalogue.services}]
        if unknown:
            raise DeskError(N_("This counter names a service that does not exist."))
        with self._db.session() as session:
            row = session.get(CounterRow, counter_id) or CounterRow(
                id=counter_id, name=default_names(counter_id)
            )
            row.services = list(services)
            session.add(row)

    def counters(self) -> list[CounterInfo]:
        with self._db.session() as session:
            rows = session.exec(
                select(CounterRow).order_by(col(CounterRow.position), col(CounterRow.id))
            )
            return [
                CounterInfo(
                    r.id, tuple(r.services), r.open, r.staff_id, dict(r.name or {}), r.in_service
                )
                for r in rows
            ]

    def open_counter(self, counter_id: str, staff_id: int | None) -> None:
        """Sign in at a counter; the sign-in is kept (a session) for the staff reports."""
        with self._db.session() as session:
            row = self._counter(session, counter_id, serving=True)
            row.open, row.staff_id, row.priority_streak = True, staff_id, 0
            session.add(row)
            sessions.sign_in(session, counter_id, staff_id, self._clock())

    def close_counter(self, counter_id: str) -> None:
        with self._db.session() as session:
            row = self._counter(session, counter_id)
            row.open, row.staff_id = False, None
            session.add(row)
            sessions.sign_out(session, counter_id, self._clock())

    @staticmethod
    def _counter(session: Session, counter_id: str, serving: bool = False) -> CounterRow:
        """The counter; with ``serving``, refused when a manager has closed it."""
        row = session.get(CounterRow, counter_id)
        if row is None:
            raise DeskError(N_("There is no such counter."))
        if serving and not row.in_service:
            raise DeskError(N_("This counter is closed for service. Ask a manager to open it."))
        return row

    # -- reading ---------------------------------------------------------------------------
    def waiting(self, counter_id: str) -> list[DeskTicket]:
        """Tickets this counter can call, in the order "call next" would take them."""
        with self._db.session() as session:
            counter = self._counter(session, counter_id)
            rows = session.exec(self._waiting_query(counter.services)).all()
            ordered = self._ordered(rows, counter.priority_streak, counter.services)
            return [self._view(session, t) for t in ordered]

    def _waiting_query(self, services: Sequence[str]):  # type: ignore[no-untyped-def]  # a Select
        return (
            select(Ticket)
            .where(
                Ticket.business_day == self._today(),
                col(Ticket.service_slug).in_(list(services)),
                Ticket.status == TicketStatus.WAITING,
            )
            .order_by(col(Ticket.issued_at), col(Ticket.id))
        )

    def _ordered(
        self, rows: Sequence[Ticket], streak: int, services: Sequence[str]
    ) -> list[Ticket]:
        preference = {slug: index for index, slug in enumerate(services)}
        rows = sorted(rows, key=lambda t: preference.get(t.service_slug, len(preference)))
        priority = [t for t in rows if t.priority != Priority.NORMAL]  # sorted(): stable, so
        normal = [t for t in rows if t.priority == Priority.NORMAL]  # arrival order stays
        ordered: list[Ticket] = []
        ratio = self._settings.queue.priority_ratio
        while priority or normal:
            if priority and (streak < ratio or not normal):
                ordered.append(priority.pop(0))
                streak += 1
            else:
                ordered.append(normal.pop(0))
                streak = 0
        return ordered

    @staticmethod
    def _view(session: Session, ticket: Ticket) -> DeskTicket:
        visit = session.get(Visit, ticket.visit_id)
        return DeskTicket(
            ticket_id=ticket.id or 0,
            code=ticket.code,
            service_slug=ticket.service_slug,
            status=TicketStatus(ticket.status),
            priority=Priority(ticket.priority),
            issued_at=ticket.issued_at,
            called_at=ticket.called_at,
            counter=ticket.counter,
            recall_count=ticket.recall_count,
            answers=tuple(visit.answers) if visit else (),
            materials_missing=tuple(visit.materials_missing) if visit else (),
            transferred_from=ticket.transferred_from,
        )

    def at_counter(self, counter_id: str) -> list[DeskTicket]:
        """Today's tickets called, being served or on hold at this counter (so a console
        that signs in again, or restarts, picks up where it was)."""
        with self._db.session() as session:
            rows = session.exec(
                select(Ticket)
                .where(
                    Ticket.business_day == self._today(),
                    Ticket.counter == counter_id,
                    col(Ticket.status).in_(
                        [TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD]
                    ),
                )
                .order_by(col(Ticket.called_at), col(Ticket.id))
            ).all()
            return [self._view(session, t) for t in rows]

    def ticket(self, ticket_id: int) -> DeskTicket:
        with self._db.session() as session:
            return self._view(session, self._ticket(session, ticket_id))

    @staticmethod
    def _ticket(session: Session, ticket_id: int, lock: bool = False) -> Ticket:
        """The ticket; with ``lock``, held until commit (``FOR UPDATE`` on PostgreSQL;
        SQLite's ``BEGIN IMMEDIATE`` already serialises writers)."""
        ticket = session.get(Ticket, ticket_id, with_for_update=lock)
        if ticket is None:
            raise DeskError(N_("There is no such ticket."))
        return ticket

    # -- actions ---------------------------------------------------------------------------
    def call_next(self, counter_id: str, staff_id: int | None = None) -> DeskTicket | None:
        """Call the next ticket for this counter, or None when nobody is waiting."""
        with self._db.session() as session:
            counter = self._counter(session, counter_id, serving=True)
            query = self._waiting_query(counter.services).with_for_update(skip_locked=True)
            rows = session.exec(query).all()
            ordered = self._ordered(rows, counter.priority_streak, counter.services)
            if not ordered:
                return None
            ticket = ordered[0]
            counter.priority_streak = (
                counter.priority_streak + 1 if ticket.priority != Priority.NORMAL else 0
            )
            session.add(counter)
            return self._call(session, ticket, counter_id, staff_id)

    def call(self, counter_id: str, ticket_id: int, staff_id: int | None = None) -> DeskTicket:
        """Call one particular waiting ticket (e.g. an appointment that just arrived)."""
        with self._db.session() as session:
            self._counter(session, counter_id, serving=True)
            ticket = self._ticket(session, ticket_id)
            self._require(ticket, (TicketStatus.WAITING,), N_("This ticket is no longer waiting."))
            return self._call(session, ticket, counter_id, staff_id)

    def _call(
        self, session: Session, ticket: Ticket, counter_id: str, staff_id: int | None
    ) -> DeskTicket:
        now = self._clock()
        ticket.status = TicketStatus.CALLED
        ticket.called_at = now
        ticket.counter = counter_id
        ticket.staff_id = staff_id
        session.add(ticket)
        session.flush()
        events.record(session, ticket, "called", now)
        outbox.on_queue_event(session, ticket, "called", now, self._settings)
        return self._view(session, ticket)

    @staticmethod
    def _require(ticket: Ticket, states: Sequence[TicketStatus], message: str) -> None:
        if ticket.status not in states:
            raise DeskError(message)

    def _change(
        self,
        ticket_id: int,
        allowed: Sequence[TicketStatus],
        message: str,
        kind: str,
        new_status: TicketStatus | None,
        check: Callable[[Ticket], None] | None = None,
        **fields: object,
    ) -> DeskTicket:
        """Check and change the ticket in one transaction. A field's value may be
        :data:`_NOW` or a :class:`_FromTicket` computed from the ticket as read here."""
        now = self._clock()
        with self._db.session() as session:
            ticket = self._ticket(session, ticket_id, lock=True)
            if check is not None:
                check(ticket)
            self._require(ticket, allowed, message)
            if (
                kind == "no_show"
                and ticket.recall_count < self._settings.queue.no_show_after_recalls
            ):
                raise DeskError(N_("Recall the customer before marking a no-show."))
            if new_status is not None:
                ticket.status = new_status
            values = {
                name: now
                if value is _NOW
                else value.compute(ticket)
                if isinstance(value, _FromTicket)
                else value
                for name, value in fields.items()
            }
            for name, value in values.items():
                setattr(ticket, name, value)
            session.add(ticket)
            session.flush()
            events.record(session, ticket, kind, now)
            outbox.on_queue_event(session, ticket, kind, now, self._settings)
            return self._view(session, ticket)

    def recall(self, ticket_id: int) -> DeskTicket:
        """Announce the ticket again; counts towards the no-show allowance."""
        return self._change(
            ticket_id,
            (TicketStatus.CALLED,),
            N_("Only a called ticket can be recalled."),
            "recalled",
            None,
            recall_count=_FromTicket(lambda t: t.recall_count + 1),
        )

    def start(self, ticket_id: int) -> DeskTicket:
        return self._change(
            ticket_id,
            (TicketStatus.CALLED,),
            N_("Call the ticket before starting."),
            "started",
            TicketStatus.SERVING,
            started_at=_NOW,
        )

    def finish(self, ticket_id: int, outcome: str, note: str | None = None) -> DeskTicket:
        if outcome not in FINISH_OUTCOMES:
            raise DeskError(N_("Choose how the visit ended."))
        return self._change(
            ticket_id,
            (TicketStatus.SERVING, TicketStatus.CALLED),
            N_("This ticket is not being served."),
            "finished",
            TicketStatus.DONE,
            finished_at=_NOW,
            outcome=outcome,
            note=(note or "").strip()[:500] or None,
        )

    def no_show(self, ticket_id: int) -> DeskTicket:
        return self._change(
            ticket_id,
            (TicketStatus.CALLED,),
            N_("Only a called ticket can be a no-show."),
            "no_show",
            TicketStatus.NO_SHOW,
            finished_at=_NOW,
        )

    def hold(self, ticket_id: int) -> DeskTicket:
        return self._change(
            ticket_id,
            (TicketStatus.SERVING, TicketStatus.CALLED),
            N_("This ticket is not being served."),
            "held",
            TicketStatus.HELD,
        )

    def resume(self, ticket_id: int) -> DeskTicket:
        return self._change(
            ticket_id,
            (TicketStatus.HELD,),
            N_("This ticket is not on hold."),
            "resumed",
            TicketStatus.SERVING,
        )

    def transfer(self, ticket_id: int, service_slug: str) -> DeskTicket:
        """Send the customer to another service's queue, keeping their arrival time."""
        if service_slug not in {s.slug for s in self._catalogue.services}:
            raise DeskError(N_("There is no such service."))

        def not_there_yet(ticket: Ticket) -> None:
            if ticket.service_slug == service_slug:
                raise DeskError(N_("The ticket is already in that queue."))

        return self._change(
            ticket_id,
            (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD),
            N_("Only a ticket at a counter can be transferred."),
            "transferred",
            TicketStatus.WAITING,
            not_there_yet,
            transferred_from=_FromTicket(lambda t: t.service_slug),
            service_slug=service_slug,
            counter=None,
            called_at=None,
            started_at=None,
            recall_count=0,
        )


class _Now:
    """Marker: set this field to the action's time."""


_NOW = _Now()


class _FromTicket:
    """Marker: set this field to a value computed from the ticket inside the action."""

    def __init__(self, compute: Callable[[Ticket], object]) -> None:
        self.compute = compute
