"""The queue ticket as plain data: what the kiosk shows and the printer prints.

Built by the domain when a ticket is issued (after the visit is committed) and
handed to ``printing/`` and the ticket screen. It holds no personal data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.catalogue.model import LocalizedText


class PrintStatus(enum.StrEnum):
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"
    NONE = "none"
    """Not printed on purpose (e.g. the kiosk is in number-on-screen mode)."""


class Priority(enum.StrEnum):
    """Priority classes are called before normal tickets, within a ratio (see the desk)."""

    NORMAL = "normal"
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    APPOINTMENT = "appointment"


class TicketStatus(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"
    """The customer stepped away (e.g. to fill in a form); resumed at the same counter."""
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    TRANSFERRED = "transferred"


@dataclass(frozen=True)
class TicketData:
    ticket_id: int
    code: str
    """Display code, prefix + three digits: ``A023``."""
    reference: str
    """Opaque, unique reference encoded in the QR code (no personal data)."""
    locale: str
    """The customer's language; the ticket prints in it."""
    branch_name: str
    service_slug: str
    service_name: LocalizedText
    issued_at: datetime
    """Timezone-aware."""
    business_day: date
    people_ahead: int
    estimated_wait_minutes: int
    materials_to_prepare: tuple[LocalizedText, ...] = ()
    """Required or optional items the customer said they do not have."""
    follow_up_hint: LocalizedText | None = None
    extra: dict[str, str] = field(default_factory=dict)
    """Room for later sections (footer, opening hours) without changing the shape."""
