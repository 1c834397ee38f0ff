"""Who works where in the demo traffic: counters grouped in pools after the demo
counters (cash, accounts and cards, advice), as many as the traffic's lunch peak
needs, and staff members for each pool, more than its counters so that people
have days off; each works at their own pace."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date

from kiosk.catalogue.model import GENERAL_ENQUIRY, Catalogue
from kiosk.counters import DEMO_COUNTERS

#: Share of a busy open day's customers arriving in its busiest hour, on an average open day.
PEAK_HOUR_SHARE = 0.177 * 7 / 6
UTILISATION = 1.0
CALL_MINUTES = 1.5
"""Calling, the customer walking up, and the counter getting ready for the next."""
STAFF_PER_COUNTER = 1.25
_SURNAMES = ("Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Ho", "Leung", "Lam", "Tsang", "Yip")
_GIVEN = ("Ka Yan", "Wing Sze", "Chi Ming", "Hoi Ting", "Siu Fung", "Mei Ling", "Tsz Hin")


@dataclass(frozen=True)
class CounterPlan:
    id: str
    pool: int
    services: tuple[str, ...]


@dataclass(frozen=True)
class StaffPlan:
    number: str
    name: str
    pool: int
    speed: float
    """Service time relative to the service's average (0.8: quicker)."""


@dataclass(frozen=True)
class StaffingPlan:
    counters: tuple[CounterPlan, ...]
    staff: tuple[StaffPlan, ...]
    pool_by_service: dict[str, int]


def plan_staffing(
    catalogue: Catalogue, per_day: int, mix: dict[str, int], default_weight: int = 2
) -> StaffingPlan:
    services = {s.slug: s for s in catalogue.active_services}
    templates = [tuple(s for s in t if s in services) for _, t in DEMO_COUNTERS]
    templates = [t for t in templates if t] or [tuple(services)]
    pool_by_service: dict[str, int] = {}
    for slug in services:
        places = [(t.index(slug), p) for p, t in enumerate(templates) if slug in t]
        fallback = next((p for p, t in enumerate(templates) if GENERAL_ENQUIRY in t), 0)
        pool_by_service[slug] = min(places)[1] if places else fallback
    total = sum(mix.get(s, default_weight) for s in services) or 1
    load = [0.0] * len(templates)
    for slug, pool in pool_by_service.items():
        per_hour = per_day * PEAK_HOUR_SHARE * 0.9 * mix.get(slug, default_weight) / total
        load[pool] += per_hour * (services[slug].average_minutes + CALL_MINUTES) / 60
    counters: list[CounterPlan] = []
    staff: list[StaffPlan] = []
    for pool, template in enumerate(templates):
        extra = tuple(s for s, p in pool_by_service.items() if p == pool and s not in template)
        needed = max(1, math.ceil(load[pool] / UTILISATION))
        for _ in range(needed):
            counters.append(CounterPlan(str(len(counters) + 1), pool, template + extra))
        for _ in range(math.ceil(needed * STAFF_PER_COUNTER)):
            n = len(staff) + 1
            pace = random.Random(f"staff:{n}").uniform(0.8, 1.25)
            name = f"{_SURNAMES[n % len(_SURNAMES)]} {_GIVEN[(n // len(_SURNAMES)) % len(_GIVEN)]}"
            staff.append(StaffPlan(f"D{n:03d}", name, pool, round(pace, 3)))
    return StaffingPlan(tuple(counters), tuple(staff), pool_by_service)


@dataclass
class Staffing:
    """The plan with the staff members' database ids, as the queue simulation uses it."""

    plan: StaffingPlan
    staff_ids: dict[str, int]
    """Staff number → id."""
    recalls_before_no_show: int
    pools: dict[int, list[str]] = field(init=False)
    _staff: dict[int, list[StaffPlan]] = field(init=False)
    _position: dict[str, tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.pools, self._staff, self._position = {}, {}, {}
        for counter in self.plan.counters:
            members = self.pools.setdefault(counter.pool, [])
            self._position[counter.id] = (counter.pool, len(members))
            members.append(counter.id)
        for member in self.plan.staff:
            self._staff.setdefault(member.pool, []).append(member)

    def pool_of(self, slug: str) -> int:
        return self.plan.pool_by_service[slug]

    def _member(self, counter: str, day: date) -> StaffPlan:
        pool, index = self._position[counter]
        members = self._staff[pool]
        return members[(index + day.toordinal()) % len(members)]

    def staff_at(self, counter: str, day: date) -> int | None:
        return self.staff_ids.get(self._member(counter, day).number)

    def speed(self, counter: str, day: date) -> float:
        return self._member(counter, day).speed
