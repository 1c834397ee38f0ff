"""What a report covers: a range of business days in the branch's zone, and how to
slice it (by day, hour, weekday, service, counter or staff member)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from kiosk.clock import business_day_bounds
from kiosk.i18n import N_

if TYPE_CHECKING:
    from kiosk.settings import Settings

BAD_DATE = N_("Dates are written YYYY-MM-DD, e.g. 2026-11-30.")
PACK_WRITTEN = N_("Review pack written to {path}.")

#: The longest range a report covers (three years and a day for a leap year).
MAX_DAYS = 3 * 366


class ReportError(ValueError):
    """A report that cannot be made as asked; ``message`` is a msgid for ``loc.tr``."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class Slice(enum.StrEnum):
    TOTAL = "total"
    """One row for the whole range (its key is ``None``)."""
    DAY = "day"
    """Business day (a ``date``); a day with no traffic is still a row."""
    HOUR = "hour"
    """Local hour of arrival at the kiosk, 0–23."""
    WEEKDAY = "weekday"
    """Weekday of the business day, Monday 0 … Sunday 6."""
    SERVICE = "service"
    """The service that served the ticket (a transfer moves the ticket to its new service)."""
    COUNTER = "counter"
    """The counter that called the ticket last (``None``: never called)."""
    STAFF = "staff"
    """The staff member who called the ticket last (a staff id; ``None``: never called)."""


@dataclass(frozen=True)
class Segment:
    """Consecutive business days with one UTC offset (no daylight-saving change inside)."""

    first: date
    last: date
    offset_seconds: int


@dataclass(frozen=True)
class Window:
    first: date
    last: date
    zone: tzinfo
    reset_hour: int

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ReportError(N_("The end of the range is before its start."))
        if (self.last - self.first).days + 1 > MAX_DAYS:
            raise ReportError(N_("A report covers at most three years."))

    @classmethod
    def of(cls, settings: Settings, first: date, last: date) -> Window:
        business = settings.business
        return cls(first, last, business.zone, business.day_reset_hour)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC start (inclusive) of the first day and end (exclusive) of the last."""
        start, _ = business_day_bounds(self.first, self.zone, self.reset_hour)
        _, end = business_day_bounds(self.last, self.zone, self.reset_hour)
        return start, end

    def offset_at(self, day: date) -> int:
        start, _ = business_day_bounds(day, self.zone, self.reset_hour)
        offset = start.astimezone(self.zone).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def segments(self) -> list[Segment]:
        """The range cut where the zone's offset changes (a daylight-saving change is
        taken to happen at the start of the business day it falls in)."""
        segments: list[Segment] = []
        for day in self.days():
            offset = self.offset_at(day)
            if segments and segments[-1].offset_seconds == offset:
                segments[-1] = Segment(segments[-1].first, day, offset)
            else:
                segments.append(Segment(day, day, offset))
        return segments


def weekday_keys() -> list[int]:
    return list(range(7))


def hour_keys() -> list[int]:
    return list(range(24))
