"""A business month: what the archive writes and the retention purge deletes by.

A visit belongs to the month of the business day it started on (the branch's zone
and reset hour), so a visit at 03:30 on the 1st still belongs to the month before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from kiosk.clock import business_day, business_day_bounds
from kiosk.i18n import N_

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class ArchiveError(Exception):
    """An archive that cannot be written or read; ``message`` is a msgid for
    ``loc.tr``, filled with :attr:`params`."""

    def __init__(self, message: str, **params: object) -> None:
        self.message, self.params = message, params
        super().__init__(message.format(**params) if params else message)


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH.match(text.strip())
        if match is None or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1970:
            raise ArchiveError(
                N_("“{text}” is not a month: give it as YYYY-MM, e.g. 2026-11."), text=text
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, moment: datetime, zone: tzinfo, reset_hour: int) -> Month:
        day = business_day(moment, zone, reset_hour)
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def bounds(self, zone: tzinfo, reset_hour: int) -> tuple[datetime, datetime]:
        """UTC start (inclusive) and end (exclusive) of the month's business days."""
        start, _ = business_day_bounds(self.first_day, zone, reset_hour)
        _, end = business_day_bounds(self.last_day, zone, reset_hour)
        return start, end


def months_between(first: Month, last: Month) -> list[Month]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = month.next()
    return months
