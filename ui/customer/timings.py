"""Every timer of the customer kiosk, in one place (tests shorten them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.settings import DisplaySection


@dataclass(frozen=True)
class Timings:
    """Every timer of the kiosk, in ms (tests shorten them)."""

    idle_ms: int = 60_000
    countdown_s: int = 30
    idle_tick_ms: int = 1000
    ticket_return_ms: int = 30_000
    ticket_tick_ms: int = 1000
    """One second of the ticket screen's countdown back to the start."""
    print_fallback_ms: int = 3000
    pin_tick_ms: int = 1000
    catalogue_check_ms: int = 5000
    database_retry_ms: int = 3000
    printer_check_ms: int = 10_000
    audit_check_ms: int = 86_400_000
    """The audit trail is checked once a day…"""
    audit_first_check_ms: int = 60_000
    """…the first time a minute after start (not while the first customers are served)."""
    long_press_ms: int = 2000
    scan_interval_ms: int = 250
    """At most one camera frame is read for a QR code this often (the rest are dropped)."""
    admin_idle_ms: int | None = None
    """``None``: the branch's ``admin_idle_seconds``."""
    follow_settings: bool = False
    """Idle timings follow what a manager saves while the kiosk runs (not in tests that
    chose their own)."""

    @classmethod
    def from_settings(cls, display: DisplaySection) -> Timings:
        return cls(
            idle_ms=display.idle_seconds * 1000,
            countdown_s=display.idle_countdown_seconds,
            ticket_return_ms=display.ticket_return_seconds * 1000,
            follow_settings=True,
        )
