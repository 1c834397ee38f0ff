"""What the serving view reads from the database in one worker job."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.board import EventCursor
from kiosk.catalogue.model import Catalogue
from kiosk.desk import DeskError, DeskTicket
from kiosk.ticket import TicketStatus
from ui.common.queue_backend import QueueBackend


@dataclass(frozen=True)
class CounterSnapshot:
    catalogue: Catalogue
    waiting: list[DeskTicket]
    current: DeskTicket | None
    held: list[DeskTicket]
    generation: int


def read_snapshot(
    backend: QueueBackend,
    cursor: EventCursor,
    counter_id: str,
    current_id: int | None,
    held_ids: tuple[int, ...],
    generation: int,
    force: bool,
) -> CounterSnapshot | None:
    """The counter's queue and tickets, or None when nothing changed (runs on the worker).

    ``cursor`` is only touched by one job at a time (the page waits for an answer
    before it asks again)."""
    events = backend.board.new_events(cursor)
    changed = backend.refresh()
    if not force and not events and not changed:
        return None
    catalogue = backend.catalogue()
    desk = backend.desk()

    def fetch(ticket_id: int) -> DeskTicket | None:
        try:
            return desk.ticket(ticket_id)
        except DeskError:
            return None

    here = desk.at_counter(counter_id)
    if current_id is not None:
        current = fetch(current_id)
    else:  # after a sign-in or a restart: the customer still at this counter
        current = next((t for t in here if t.status != TicketStatus.HELD), None)
    held = {t.ticket_id: t for t in (fetch(i) for i in held_ids) if t is not None}
    held.update({t.ticket_id: t for t in here if t.status == TicketStatus.HELD})
    return CounterSnapshot(
        catalogue, desk.waiting(counter_id), current, list(held.values()), generation
    )
