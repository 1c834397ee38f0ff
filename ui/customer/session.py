"""What one customer has entered so far, in one place, so it can be wiped in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.clock import Clock, utc_now

if TYPE_CHECKING:
    from kiosk.catalogue.engine import Journey
    from kiosk.catalogue.model import Service
    from kiosk.reception import VisitInput

NORMAL = "normal"
"""``Priority.NORMAL`` (kiosk.ticket is not imported before the first paint)."""


@dataclass
class CustomerSession:
    clock: Clock = utc_now
    started_at: datetime | None = None
    """Set when the customer starts (questionnaire or service list)."""
    journey: Journey | None = None
    service_slug: str | None = None
    via_questionnaire: bool = False
    """Whether the service was reached by answering (``nav.back`` then undoes an answer)."""
    materials_have: set[str] = field(default_factory=set)
    priority: str = NORMAL
    """A :class:`~kiosk.ticket.Priority` value (``elderly``…); ``normal`` unless asked for."""
    finished: bool = False
    """A ticket was issued or the list printed: nothing left to record as abandoned."""
    returning_list: str | None = None
    """The return code of the bring-list the customer came back with (linked to the
    visit when it is stored)."""

    def start(self) -> None:
        if self.started_at is None:
            self.started_at = self.clock()

    @property
    def started(self) -> bool:
        return self.started_at is not None

    def choose_service(self, slug: str, via_questionnaire: bool) -> None:
        if slug != self.service_slug:
            self.materials_have.clear()
        self.service_slug = slug
        self.via_questionnaire = via_questionnaire

    def missing(self, service: Service) -> tuple[str, ...]:
        return tuple(m.id for m in service.materials if m.id not in self.materials_have)

    def missing_required(self, service: Service) -> tuple[str, ...]:
        return tuple(
            m.id for m in service.materials if m.required and m.id not in self.materials_have
        )

    def visit_input(self, locale: str, service: Service | None) -> VisitInput:
        from kiosk.reception import VisitInput  # sqlmodel: only once the customer acts
        from kiosk.ticket import Priority

        have = (
            tuple(m.id for m in service.materials if m.id in self.materials_have) if service else ()
        )
        return VisitInput(
            locale=locale,
            started_at=self.started_at or self.clock(),
            answers=self.journey.answers if self.journey else (),
            service_slug=service.slug if service else None,
            materials_have=have,
            materials_missing=self.missing(service) if service else (),
            priority=Priority(self.priority),
            returning_list=self.returning_list,
        )

    def wipe(self) -> None:
        """Forget everything the customer entered."""
        self.started_at = None
        self.journey = None
        self.service_slug = None
        self.via_questionnaire = False
        self.materials_have = set()
        self.priority = NORMAL
        self.finished = False
        self.returning_list = None
