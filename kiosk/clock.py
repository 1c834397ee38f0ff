"""Time: an injectable clock and the branch's business day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.settings import Settings

#: Returns the current time, timezone-aware. Tests pass their own.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def business_day(moment: datetime, zone: tzinfo, reset_hour: int) -> date:
    """The business day a moment belongs to: local date, starting at ``reset_hour``.

    With a reset hour of 4, 03:59 local time still belongs to the previous day.
    """
    if moment.tzinfo is None:
        raise ValueError("business_day needs a timezone-aware moment")
    local = moment.astimezone(zone)
    return (local - timedelta(hours=reset_hour)).date()


def business_today(settings: Settings, clock: Clock) -> date:
    """Today's business day for the branch: ``clock``'s time in the branch's zone and
    with its reset hour. Pass ``lambda: moment`` to place a moment already taken."""
    business = settings.business
    return business_day(clock(), business.zone, business.day_reset_hour)


def business_day_bounds(day: date, zone: tzinfo, reset_hour: int) -> tuple[datetime, datetime]:
    """UTC start (inclusive) and end (exclusive) of a business day."""
    start = datetime(day.year, day.month, day.day, reset_hour, tzinfo=zone)
    end = start + timedelta(days=1)
    # Re-anchor the end in the zone so a daylight-saving change keeps the local reset hour.
    end = datetime(end.year, end.month, end.day, reset_hour, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)
