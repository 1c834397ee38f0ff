"""The serving logic of one counter, off the widgets: the ticket at the counter, held
tickets, the waiting list, and every desk action as a worker job.

The queue is read every ``poll_ms`` (new events, catalogue changes) and after each
action. A read that started before an action ended is dropped (``generation``),
so a slow read can never undo what the action just showed.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.access import StaffMember
from kiosk.board import EventCursor
from kiosk.catalogue.model import Catalogue
from kiosk.clock import Clock
from kiosk.desk import Desk, DeskTicket
from kiosk.i18n import N_
from kiosk.ticket import TicketStatus
from ui.common.connection import ConnectionMonitor
from ui.common.errors import error_lines
from ui.common.language import Language
from ui.common.poller import Poller
from ui.common.queue_backend import QueueBackend
from ui.common.worker import Worker
from ui.console.snapshot import CounterSnapshot, read_snapshot
from ui.console.texts import service_name

log = logging.getLogger(__name__)


class DeskChange(enum.StrEnum):
    """What a counter can do to the ticket in front of it (besides calling, finishing,
    no-show and transfer), by the name of its button."""

    RECALL = "recall"
    START = "start"
    HOLD = "hold"
    RESUME = "resume"


CHANGES: dict[DeskChange, Callable[[Desk, int], Any]] = {
    DeskChange.RECALL: Desk.recall,
    DeskChange.START: Desk.start,
    DeskChange.HOLD: Desk.hold,
    DeskChange.RESUME: Desk.resume,
}
DID_NOT_WORK = N_("That did not work. Please try again.")
AT_COUNTER = (TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD)
Action = Callable[[Desk], Any]
Done = Callable[[Any], str]


class CounterDesk(QObject):
    state_did_change = Signal()
    message_did_change = Signal(str, bool)
    """Text (translated) and whether it is a warning."""
    action_did_finish = Signal()
    overdue_did_change = Signal(int)
    """How many complaint cases are past a target (the console highlights them)."""

    def __init__(
        self,
        backend: QueueBackend,
        worker: Worker,
        monitor: ConnectionMonitor,
        language: Language,
        poll_ms: int = 1000,
    ) -> None:
        super().__init__()
        self._backend, self._worker, self._monitor = backend, worker, monitor
        self._language = language
        self.counter_id = ""
        self.counter_name: dict[str, str] = {}
        """The counter's name in each language, as a manager set it."""
        self.staff: StaffMember | None = None
        self.catalogue: Catalogue | None = None
        self.current: DeskTicket | None = None
        self.held: dict[int, DeskTicket] = {}
        self.waiting: list[DeskTicket] = []
        self.last_finished: DeskTicket | None = None
        """The visit just finished here, until "anything else?" is answered."""
        self.overdue = 0
        self.acting = 0
        self._cursor: EventCursor | None = None
        self._generation = 0
        self._force = False
        self.poller = Poller(
            worker,
            poll_ms,
            self._make_read,
            self._polled,
            self._poll_failed,
            paused=lambda: monitor.lost,
            parent=self,
        )

    @property
    def clock(self) -> Clock:
        return self._backend.clock

    @property
    def busy(self) -> bool:
        return self.acting > 0 or self._monitor.lost

    def start(
        self,
        counter_id: str,
        staff: StaffMember,
        catalogue: Catalogue | None,
        counter_name: dict[str, str] | None = None,
    ) -> None:
        self.counter_id, self.staff, self.catalogue = counter_id, staff, catalogue
        self.counter_name = dict(counter_name or {})
        self.current, self.held, self.waiting = None, {}, []
        self.last_finished = None
        self.poller.start()
        self.refresh(force=True)

    def stop(self) -> None:
        self.poller.stop()
        self._generation += 1

    # -- reading the queue -----------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Read the queue now (``force``: the whole snapshot, also while the connection
        is lost)."""
        if not self.poller.running or (self._monitor.lost and not force):
            return  # not serving a counter, or the monitor is probing
        self._force = self._force or force
        self.poller.check()

    def _make_read(self) -> Callable[[], tuple[EventCursor, CounterSnapshot | None]]:
        backend, cursor, counter = self._backend, self._cursor, self.counter_id
        current = self.current.ticket_id if self.current else None
        held, generation = tuple(self.held), self._generation
        force, self._force = self._force, False

        def read() -> tuple[EventCursor, CounterSnapshot | None]:
            c = cursor or EventCursor(backend.board.newest_event_id())
            return c, read_snapshot(backend, c, counter, current, held, generation, force)

        return read

    def _polled(self, result: Any) -> None:
        self._monitor.succeeded()
        self._cursor, snapshot = result
        if snapshot is not None and snapshot.generation == self._generation and not self.acting:
            self.catalogue, self.waiting = snapshot.catalogue, snapshot.waiting
            current = snapshot.current
            self.current = current if current and current.status in AT_COUNTER else None
            self.held = {t.ticket_id: t for t in snapshot.held if t.status == TicketStatus.HELD}
            self.state_did_change.emit()
        elif snapshot is not None and not self.acting:
            self.refresh(force=True)  # an action ended meanwhile: read again

    def _poll_failed(self, error: BaseException) -> None:
        if not self._monitor.failed(error):
            log.error("reading the queue failed", exc_info=error)
        self.state_did_change.emit()

    # -- running actions -------------------------------------------------------------------
    def _act(self, action: Action, done: Done) -> None:
        self._generation += 1
        self.acting += 1
        self.state_did_change.emit()
        backend = self._backend
        self._worker.run(
            lambda: action(backend.desk()),
            lambda result: self._acted(result, done),
            self._act_failed,
        )

    def _acted(self, result: Any, done: Done) -> None:
        self.acting -= 1
        self._generation += 1
        self._monitor.succeeded()
        self.message_did_change.emit(done(result), False)
        self._after_action()

    def _act_failed(self, error: BaseException) -> None:
        self.acting -= 1
        self._generation += 1
        if self._monitor.failed(error):
            self.message_did_change.emit("", False)  # the banner says the database is lost
        else:
            lines = error_lines(
                error, self._language.loc, context="a desk action", unexpected=DID_NOT_WORK
            )
            self.message_did_change.emit("\n".join(lines), True)
        self._after_action()

    def _after_action(self) -> None:
        self.state_did_change.emit()
        self.action_did_finish.emit()
        self.refresh(force=True)

    # -- what each action does to the view -------------------------------------------------
    def _arrived(self, ticket: DeskTicket | None) -> str:
        loc = self._language.loc
        if ticket is None:
            return loc.tr("Nobody is waiting for this counter.")
        if self.current is not None and self.current.status == TicketStatus.HELD:
            self.held[self.current.ticket_id] = self.current
        self.current = ticket
        return loc.tr("{code} called.").format(code=ticket.code)

    def _updated(self, ticket: DeskTicket | None) -> str:
        if ticket is None:
            return ""
        self.held.pop(ticket.ticket_id, None)
        self.current = ticket
        if ticket.status == TicketStatus.HELD:
            return self._language.loc.tr("{code} is on hold.").format(code=ticket.code)
        return ""

    def _ended(self, message: str) -> Done:
        def done(ticket: DeskTicket | None) -> str:
            self.current = None
            return message.replace("{code}", ticket.code if ticket else "")

        return done

    # -- actions ---------------------------------------------------------------------------
    def call_next(self) -> None:
        self.last_finished = None  # the next customer: no more "anything else?"
        counter, staff = self.counter_id, self.staff.id if self.staff else None
        self._act(lambda d: d.call_next(counter, staff), self._arrived)

    def call(self, ticket_id: int) -> None:
        self.last_finished = None
        counter, staff = self.counter_id, self.staff.id if self.staff else None
        self._act(lambda d: d.call(counter, ticket_id, staff), self._arrived)

    def change(self, change: DeskChange) -> None:
        """Recall, start, hold or resume the ticket at the counter."""
        if self.current is not None:
            ticket_id = self.current.ticket_id
            method = CHANGES[DeskChange(change)]  # a name that is none of them raises
            self._act(lambda d: method(d, ticket_id), self._updated)

    def no_show(self) -> None:
        if self.current is not None:
            ticket_id = self.current.ticket_id
            message = self._language.loc.tr("{code} marked as a no-show.")
            self._act(lambda d: d.no_show(ticket_id), self._ended(message))

    def finish(self, outcome: str, note: str) -> None:
        if self.current is not None:
            ticket_id, message = self.current.ticket_id, self._language.loc.tr("{code} finished.")
            ended = self._ended(message)

            def done(ticket: DeskTicket | None) -> str:
                # "anything else?" is asked next of a customer who was served
                self.last_finished = ticket if outcome == "served" else None
                return ended(ticket)

            self._act(lambda d: d.finish(ticket_id, outcome, note or None), done)

    def nothing_else(self) -> None:
        self.last_finished = None

    def follow_on(self, slug: str) -> None:
        """A follow-on ticket for the customer just served, keeping their place."""
        finished, backend = self.last_finished, self._backend
        if finished is None:
            return
        staff, loc = self.staff.id if self.staff else None, self._language.loc
        service = service_name(self.catalogue, slug, loc)

        def done(result: tuple[int, str]) -> str:
            self.last_finished = None
            return loc.tr("{new} issued: the customer keeps their place for {service}.").format(
                new=result[1], service=service
            )

        self._act(lambda _d: backend.follow_ons().issue(finished.ticket_id, slug, staff), done)

    def log_complaint(self, category: str, summary: str) -> None:
        """A complaint the customer makes here, about the ticket at the counter (or the
        visit just finished)."""
        if self.staff is None:
            return
        ticket = self.current or self.last_finished
        ticket_id, staff, backend = ticket.ticket_id if ticket else None, self.staff, self._backend
        loc = self._language.loc

        def done(case_id: int) -> str:
            self.check_overdue()
            return loc.tr("Complaint logged as case {id}; a manager will follow it up.").format(
                id=case_id
            )

        self._act(
            lambda _d: backend.complaints.log_at_counter(staff, category, summary, ticket_id), done
        )

    def check_overdue(self) -> None:
        """Count the complaint cases past a target (on the worker); tells when it changes."""
        book = self._backend.complaint_book
        self._worker.run(book.overdue_cases, self._overdue_read, self._overdue_failed)

    def _overdue_read(self, ids: list[int]) -> None:
        if len(ids) != self.overdue:
            self.overdue = len(ids)
            self.overdue_did_change.emit(self.overdue)

    def _overdue_failed(self, error: BaseException) -> None:
        if not self._monitor.failed(error):
            log.error("reading the overdue complaints failed", exc_info=error)

    def transfer(self, slug: str) -> None:
        if self.current is not None:
            ticket_id, loc = self.current.ticket_id, self._language.loc
            message = loc.tr("{code} transferred to {service}.")
            message = message.replace("{service}", service_name(self.catalogue, slug, loc))
            self._act(lambda d: d.transfer(ticket_id, slug), self._ended(message))

    def pause(self, slug: str, reason: Any, alternative: Any) -> None:
        """Pause a service (``reason`` given) or resume it (``reason`` None)."""
        from kiosk.pause import pause_service

        if self.staff is None:
            return
        backend, staff, loc = self._backend, self.staff, self._language.loc

        def pause(_desk: Desk) -> Catalogue:
            pause_service(
                backend.db,
                staff,
                slug,
                reason,
                alternative,
                kiosk_id=backend.settings.kiosk.id,
                clock=backend.clock,
            )
            backend.refresh()
            return backend.catalogue()

        name = service_name(self.catalogue, slug, loc)
        if reason is not None:
            text = loc.tr("{service} is paused.").replace("{service}", name)
        else:
            text = loc.tr("{service} is taking tickets again.").replace("{service}", name)

        def done(catalogue: Catalogue) -> str:
            self.catalogue = catalogue
            return text

        self._act(pause, done)

    def select_held(self, ticket_id: int) -> None:
        """Bring a held ticket back to the counter view (to resume or transfer it)."""
        if ticket_id not in self.held:
            return
        if self.current is not None and self.current.status != TicketStatus.HELD:
            return
        if self.current is not None:
            self.held[self.current.ticket_id] = self.current
        self.current = self.held.pop(ticket_id)
        self.state_did_change.emit()
