"""Demo traffic, made up but shaped like a branch's: how many customers come on each
weekday and at each hour, what they come for, what they forget, how long they
wait and are served, and what goes wrong (walking away, no-shows, transfers).

Pure computation: :meth:`DayTraffic.build` turns one business day into rows for the
``visit``, ``ticket`` and ``queue_event`` tables (plain dicts, ids given by the
caller), from a random generator seeded per day, so the same seed gives the same
traffic however the days are batched. :mod:`kiosk.demo_data` stores them.

The queue is simulated, not drawn: each counter takes the next customer of its
pool when it is free, so waits grow over the lunch peak and on Fridays and
clear in the afternoon, the way the reports should show.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from kiosk.catalogue.model import Catalogue, Questionnaire, Service
from kiosk.demo_queue import DayQueue, DayRows, Ids
from kiosk.demo_staffing import Staffing
from kiosk.ticket import Priority

#: Opening hours by weekday (Monday 0): local (open, close) hours; Sunday closed.
OPENING_HOURS: dict[int, tuple[int, int]] = dict.fromkeys(range(5), (9, 17)) | {5: (9, 13)}
#: Customers each weekday relative to the average day (the seven add up to 7).
WEEKDAY_WEIGHTS = (1.35, 1.15, 1.1, 1.15, 1.5, 0.75, 0.0)
#: Arrivals in each opening hour, relative: a lunch-time peak.
HOUR_WEIGHTS = {9: 0.8, 10: 1.2, 11: 1.3, 12: 1.7, 13: 1.5, 14: 1.0, 15: 1.0, 16: 1.1}
#: What customers come for (share of visits); a service not named here weighs 2.
SERVICE_MIX = {
    "deposit_withdrawal": 30,
    "transfer_remittance": 12,
    "general_enquiry": 11,
    "card_services": 9,
    "update_details": 8,
    "open_account": 7,
    "foreign_exchange": 7,
    "lost_card": 5,
    "loan_enquiry": 4,
    "wealth_management": 4,
    "complaint": 2,
}
#: How often a material is forgotten; others: 4 % if required, 25 % if optional.
MISSING_RATES = {"proof_of_address": 0.22, "id_document": 0.03, "payee_details": 0.08}
LOCALES = (("zh_Hant", 0.5), ("en", 0.3), ("zh_Hans", 0.2))
PRIORITIES = (
    (Priority.ELDERLY, 0.05),
    (Priority.DISABLED, 0.01),
    (Priority.PREGNANT, 0.01),
    (Priority.APPOINTMENT, 0.02),
)
ABANDON_RATE = 0.04
DEMO_KIOSKS = ("demo-kiosk-1", "demo-kiosk-2")


def paths_to(questionnaire: Questionnaire) -> dict[str, list[tuple[str, ...]]]:
    """Every answer path from the first question, by the service it ends at."""
    found: dict[str, list[tuple[str, ...]]] = {}

    def walk(question_id: str, path: tuple[str, ...], seen: frozenset[str]) -> None:
        for option in questionnaire.question(question_id).options:
            if option.service is not None:
                found.setdefault(option.service, []).append((*path, option.id))
            elif option.next is not None and option.next not in seen:
                walk(option.next, (*path, option.id), seen | {option.next})

    walk(questionnaire.start, (), frozenset({questionnaire.start}))
    return found


def opening(day: date, zone: tzinfo) -> tuple[datetime, datetime] | None:
    """The day's opening and closing moments (UTC), or None when closed."""
    hours = OPENING_HOURS.get(day.weekday())
    if hours is None:
        return None
    local = [datetime(day.year, day.month, day.day, h, tzinfo=zone) for h in hours]
    return local[0].astimezone(UTC), local[1].astimezone(UTC)


def visits_on(day: date, per_day: int, rng: random.Random) -> int:
    mean = per_day * WEEKDAY_WEIGHTS[day.weekday()]
    return max(0, round(rng.gauss(mean, mean * 0.08))) if mean else 0


def _pick(rng: random.Random, weighted: tuple[tuple[Any, float], ...]) -> Any:
    roll = rng.random()
    for value, weight in weighted:
        if roll < weight:
            return value
        roll -= weight
    return None


class DayTraffic:
    """Builds one day's rows: the customers, then the queue they go through."""

    def __init__(self, catalogue: Catalogue, staffing: Staffing, zone: tzinfo) -> None:
        self._services = {s.slug: s for s in catalogue.active_services}
        self._paths = paths_to(catalogue.questionnaire)
        slugs = [s for s in self._services if s in self._paths]
        self._slugs = slugs
        self._weights = [SERVICE_MIX.get(s, 2) for s in slugs]
        self._staffing = staffing
        self._zone = zone

    def build(
        self, day: date, per_day: int, seed: int, ids: Ids, used: dict[str, int] | None = None
    ) -> DayRows:
        """The day's rows; ticket numbers continue after ``used`` (prefix → last number)."""
        rng = random.Random(f"{seed}:{day.isoformat()}")
        rows = DayRows(day)
        hours = opening(day, self._zone)
        if hours is None or not self._slugs:
            return rows
        opens, closes = hours
        arrivals = self._arrivals(opens, closes, visits_on(day, per_day, rng), rng)
        queue = DayQueue(self._staffing, day, opens, closes, rng, rows, ids)
        numbers = dict(used or {})
        for arrived in arrivals:
            ticket = self._visit(arrived, rng, rows, ids)
            if ticket is None:
                continue
            service, priority = ticket
            numbers[service.prefix] = numbers.get(service.prefix, 0) + 1
            queue.issue(service, numbers[service.prefix], priority, arrived, rows.visits[-1]["id"])
        queue.run(self._services, self._slugs, self._weights)
        return rows

    def _arrivals(
        self, opens: datetime, closes: datetime, count: int, rng: random.Random
    ) -> list[datetime]:
        """Arrival moments in order, each hour weighted by :data:`HOUR_WEIGHTS`."""
        first = opens.astimezone(self._zone).hour
        hours = list(range(int((closes - opens).total_seconds() // 3600)))
        weights = [HOUR_WEIGHTS.get(first + h, 1.0) for h in hours]
        chosen = rng.choices(hours, weights, k=count)
        return sorted(opens + timedelta(hours=h, seconds=rng.uniform(0, 3600)) for h in chosen)

    def _visit(
        self, arrived: datetime, rng: random.Random, rows: DayRows, ids: Ids
    ) -> tuple[Service, Priority] | None:
        slug = rng.choices(self._slugs, self._weights)[0]
        service = self._services[slug]
        path = rng.choice(self._paths[slug])
        started = arrived - timedelta(seconds=rng.uniform(25, 150))
        have: list[str] = []
        missing: list[str] = []
        for material in service.materials:
            rate = MISSING_RATES.get(material.id, 0.04 if material.required else 0.25)
            (missing if rng.random() < rate else have).append(material.id)
        required_missing = any(service.material(m).required for m in missing)
        outcome, finished = "ticket", arrived
        if rng.random() < ABANDON_RATE:
            cut = rng.randrange(len(path) + 1)
            path, outcome = path[:cut], "abandoned"
            finished = started + timedelta(seconds=rng.uniform(15, 90))
        elif required_missing and (not service.allow_without_required or rng.random() < 0.3):
            outcome = "list_printed"
        rows.visits.append(
            {
                "id": ids.take("visit"),
                "kiosk_id": DEMO_KIOSKS[len(rows.visits) % len(DEMO_KIOSKS)],
                "locale": _pick(rng, LOCALES) or "en",
                "started_at": started,
                "finished_at": finished,
                "answers": list(path),
                "service_slug": slug if outcome != "abandoned" or len(path) else None,
                "materials_have": have if outcome != "abandoned" else [],
                "materials_missing": missing if outcome != "abandoned" else [],
                "outcome": outcome,
            }
        )
        if outcome != "ticket":
            return None
        return service, _pick(rng, PRIORITIES) or Priority.NORMAL


def days_back(until: date, days: int) -> Iterator[date]:
    """``days`` days ending with ``until``, oldest first."""
    for offset in range(days - 1, -1, -1):
        yield until - timedelta(days=offset)
