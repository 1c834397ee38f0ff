"""A clock the test moves by hand (a real object, not a mock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: 10:00 on a Monday in Hong Kong.
START = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class FakeClock:
    """Call it for the time; ``advance(minutes=5)`` (any ``timedelta`` keyword) moves it."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)
