"""The demo day's queue: counters of each pool take their pool's customers in
arrival order when they are free, so waits grow over the lunch peak and clear in
the afternoon. Rows are plain dicts for the ``ticket`` and ``queue_event`` tables,
with the ids the caller hands out (:class:`Ids`); see :mod:`kiosk.demo_traffic`.
"""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.catalogue.model import GENERAL_ENQUIRY, Service
from kiosk.demo_staffing import Staffing
from kiosk.numbering import display_code
from kiosk.ticket import PrintStatus, Priority, TicketStatus

TRANSFER_RATE = 0.03
HOLD_RATE = 0.02
RECALL_RATE = 0.08
LAST_CALL = timedelta(minutes=30)
"""Counters go on calling after closing time, for those already inside, this long."""
LEAVE_RATE = 0.02
"""Customers who leave whatever the wait (a no-show when called)."""
PATIENCE_MINUTES = (15.0, 60.0)
"""A customer waits at least the first, then gives up at a rate of one in the second
(minutes): waiting 40 minutes loses about a third of them, 17 minutes almost none."""


@dataclass
class Ids:
    """The next id of each table (the caller reads them from the database)."""

    visit: int
    ticket: int
    event: int

    def take(self, table: str) -> int:
        value = getattr(self, table)
        setattr(self, table, value + 1)
        return int(value)


@dataclass
class DayRows:
    day: date
    visits: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Waiting:
    ticket: dict[str, Any]
    service: Service
    missing: bool


class DayQueue:
    """One day's counters and the tickets they call, serve, transfer or lose."""

    def __init__(
        self,
        staffing: Staffing,
        day: date,
        opens: datetime,
        closes: datetime,
        rng: random.Random,
        rows: DayRows,
        ids: Ids,
    ) -> None:
        self._staffing, self._day, self._rng, self._rows, self._ids = staffing, day, rng, rows, ids
        self._closes = closes
        self._free = {
            pool: [(opens, index) for index in range(len(counters))]
            for pool, counters in staffing.pools.items()
        }
        for heap in self._free.values():
            heapq.heapify(heap)
        self._waiting: list[_Waiting] = []

    def issue(
        self, service: Service, number: int, priority: Priority, at: datetime, visit_id: int
    ) -> None:
        code = display_code(service.prefix, number)
        ticket: dict[str, Any] = {
            "id": self._ids.take("ticket"),
            "visit_id": visit_id,
            "business_day": self._day,
            "service_slug": service.slug,
            "prefix": service.prefix,
            "number": number,
            "code": code,
            "reference": f"{self._day:%Y%m%d}-{code}-{self._rng.getrandbits(32):08x}",
            "status": TicketStatus.WAITING,
            "priority": priority,
            "issued_at": at,
            "called_at": None,
            "started_at": None,
            "finished_at": None,
            "counter": None,
            "staff_id": None,
            "recall_count": 0,
            "outcome": None,
            "note": None,
            "transferred_from": None,
            **self._printing(),
        }
        self._rows.tickets.append(ticket)
        self._event(ticket, "issued", at)
        missing = bool(self._rows.visits[-1]["materials_missing"])
        self._waiting.append(_Waiting(ticket, service, missing))

    def _printing(self) -> dict[str, Any]:
        roll = self._rng.random()
        if roll < 0.01:
            return {
                "print_status": PrintStatus.FAILED,
                "print_problem": "paper_out",
                "reprint_count": 0,
            }
        if roll < 0.02:
            return {"print_status": PrintStatus.PRINTED, "print_problem": None, "reprint_count": 1}
        return {"print_status": PrintStatus.PRINTED, "print_problem": None, "reprint_count": 0}

    def _event(self, ticket: dict[str, Any], kind: str, at: datetime) -> None:
        self._rows.events.append(
            {
                "id": self._ids.take("event"),
                "at": at,
                "kind": kind,
                "ticket_id": ticket["id"],
                "code": ticket["code"],
                "service_slug": ticket["service_slug"],
                "counter": ticket["counter"],
            }
        )

    def run(self, services: dict[str, Service], slugs: list[str], weights: list[int]) -> None:
        for waiting in self._waiting:
            leg_end = self._serve(waiting, waiting.ticket["issued_at"], may_transfer=True)
            if leg_end is None:
                continue
            others = [
                (s, w) for s, w in zip(slugs, weights, strict=True) if s != waiting.service.slug
            ]
            target = services[self._rng.choices([s for s, _ in others], [w for _, w in others])[0]]
            ticket = waiting.ticket
            ticket.update(
                status=TicketStatus.WAITING,
                transferred_from=ticket["service_slug"],
                service_slug=target.slug,
                counter=None,
                called_at=None,
                started_at=None,
                finished_at=None,
                outcome=None,
                recall_count=0,
            )
            self._event(ticket, "transferred", leg_end)
            self._serve(_Waiting(ticket, target, waiting.missing), leg_end, may_transfer=False)

    def _serve(self, waiting: _Waiting, ready: datetime, may_transfer: bool) -> datetime | None:
        """Call, serve and finish one ticket; returns when it is to be transferred (its
        counter let it go then), else None (finished, a no-show, or never called)."""
        rng, ticket = self._rng, waiting.ticket
        pool = self._staffing.pool_of(waiting.service.slug)
        heap = self._free[pool]
        free, index = heapq.heappop(heap)
        called = max(ready, free) + timedelta(seconds=rng.uniform(5, 30))
        if called >= self._closes + LAST_CALL:
            heapq.heappush(heap, (free, index))
            return None  # still waiting when the day closed: a walk-away
        counter = self._staffing.pools[pool][index]
        ticket.update(
            status=TicketStatus.CALLED,
            called_at=called,
            counter=counter,
            staff_id=self._staffing.staff_at(counter, self._day),
        )
        self._event(ticket, "called", called)
        moment = called
        least, rate = PATIENCE_MINUTES
        patience = least + rng.expovariate(1 / rate)
        waited = (called - ticket["issued_at"]).total_seconds() / 60
        gave_up = waited > patience or rng.random() < LEAVE_RATE
        recalls = (
            self._staffing.recalls_before_no_show if gave_up else int(rng.random() < RECALL_RATE)
        )
        for _ in range(recalls):
            moment += timedelta(seconds=rng.uniform(40, 80))
            ticket["recall_count"] += 1
            self._event(ticket, "recalled", moment)
        if gave_up:
            moment += timedelta(seconds=rng.uniform(30, 90))
            ticket.update(status=TicketStatus.NO_SHOW, finished_at=moment)
            self._event(ticket, "no_show", moment)
            heapq.heappush(heap, (moment, index))
            return None
        started = moment + timedelta(seconds=rng.uniform(20, 90))
        ticket.update(status=TicketStatus.SERVING, started_at=started)
        self._event(ticket, "started", started)
        minutes = self._service_minutes(waiting.service, counter)
        if rng.random() < HOLD_RATE:
            held = started + timedelta(minutes=minutes * 0.4)
            self._event(ticket, "held", held)
            self._event(ticket, "resumed", held + timedelta(minutes=rng.uniform(3, 8)))
            minutes += rng.uniform(3, 8)
        finished = started + timedelta(minutes=minutes)
        transfer = may_transfer and rng.random() < TRANSFER_RATE
        if not transfer:
            ticket.update(
                status=TicketStatus.DONE, finished_at=finished, outcome=self._outcome(waiting)
            )
            self._event(ticket, "finished", finished)
        heapq.heappush(heap, (finished + timedelta(seconds=rng.uniform(10, 40)), index))
        return finished if transfer else None

    def _service_minutes(self, service: Service, counter: str) -> float:
        median = service.average_minutes * 0.9 * self._staffing.speed(counter, self._day)
        return min(
            max(self._rng.lognormvariate(math.log(median), 0.45), 1.0), service.average_minutes * 4
        )

    def _outcome(self, waiting: _Waiting) -> str:
        roll = self._rng.random()
        if waiting.missing and roll < 0.25:
            return "could_not_serve"
        if roll < 0.03 or (waiting.service.slug == GENERAL_ENQUIRY and roll < 0.15):
            return "referred"
        return "customer_left" if roll > 0.99 else "served"
