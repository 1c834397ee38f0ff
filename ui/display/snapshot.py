"""What the lobby display reads from the database in one worker job."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.board import Event, EventCursor
from kiosk.catalogue.model import Catalogue
from kiosk.reception import WaitEstimate
from ui.common.queue_backend import QueueBackend


@dataclass(frozen=True)
class BoardSnapshot:
    catalogue: Catalogue
    calls: list[Event]
    counts: dict[str, int]
    estimates: dict[str, WaitEstimate]


def read_board(
    backend: QueueBackend, cursor: EventCursor | None, calls_shown: int, force: bool
) -> tuple[EventCursor, list[Event], BoardSnapshot | None]:
    """New events since ``cursor`` and, when anything changed (or ``force``), the board.

    A new cursor starts at the newest event: old calls are shown, not announced."""
    board = backend.board
    if cursor is None:
        cursor, force = EventCursor(board.newest_event_id()), True
    events = board.new_events(cursor)
    changed = backend.refresh()
    if not (force or events or changed):
        return cursor, events, None
    catalogue = backend.catalogue()
    estimates = {s.slug: backend.reception.estimate(s.slug) for s in catalogue.active_services}
    snapshot = BoardSnapshot(
        catalogue, board.latest_calls(calls_shown), board.waiting_counts(), estimates
    )
    return cursor, events, snapshot
