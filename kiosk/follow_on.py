""" "Anything else?": after finishing at a counter, a follow-on ticket for the same
customer's next need, in another service's queue.

The follow-on keeps the customer's place: it takes the original ticket's issue time
(as a transfer does), so the counters serving the new service call it before everyone
who arrived after the customer, and it keeps the original's priority class. It gets a
number of its own in that service (the console shows it to the customer; nothing is
printed) and shares the original's visit record. It is one transaction: the number, the
ticket, the link to the original and the queue event.
"""

from __future__ import annotations

from sqlmodel import select

from kiosk import events
from kiosk.branch_service import CatalogueService
from kiosk.clock import business_today
from kiosk.db.models import Ticket
from kiosk.db.models_feedback import TicketFollowOn
from kiosk.desk import DeskError
from kiosk.i18n import N_
from kiosk.numbering import display_code, next_number, ticket_reference
from kiosk.ticket import PrintStatus, TicketStatus


class FollowOns(CatalogueService):
    def issue(
        self, ticket_id: int, service_slug: str, staff_id: int | None = None
    ) -> tuple[int, str]:
        """A follow-on of the finished ticket ``ticket_id``: its id and code."""
        services = {s.slug: s for s in self._catalogue.services}
        service = services.get(service_slug)
        if service is None:
            raise DeskError(N_("There is no such service."))
        if not service.active or service.pause is not None:
            raise DeskError(N_("This service is not taking customers just now."))
        now = self._clock()
        day = business_today(self._settings, lambda: now)
        with self._db.session() as session:
            original = session.get(Ticket, ticket_id, with_for_update=True)
            if original is None:
                raise DeskError(N_("There is no such ticket."))
            if original.status != TicketStatus.DONE or original.business_day != day:
                raise DeskError(N_("Only a ticket finished today can have a follow-on."))
            if original.service_slug == service_slug:
                raise DeskError(N_("Choose another service than the one just served."))
            waiting = session.exec(
                select(Ticket.id)
                .join(TicketFollowOn, TicketFollowOn.ticket_id == Ticket.id)  # type: ignore[arg-type]
                .where(
                    TicketFollowOn.follow_on_of == ticket_id,
                    Ticket.service_slug == service_slug,
                    Ticket.status == TicketStatus.WAITING,
                )
            ).first()
            if waiting is not None:
                raise DeskError(N_("The customer already waits for that service."))
            number = next_number(session, day, service.prefix)
            code = display_code(service.prefix, number)
            ticket = Ticket(
                visit_id=original.visit_id,
                business_day=day,
                service_slug=service_slug,
                prefix=service.prefix,
                number=number,
                code=code,
                reference=ticket_reference(day, code),
                issued_at=original.issued_at,
                priority=original.priority,
                print_status=PrintStatus.NONE,
            )
            session.add(ticket)
            session.flush()
            session.add(
                TicketFollowOn(
                    ticket_id=ticket.id or 0,
                    follow_on_of=ticket_id,
                    counter=original.counter or "",
                    issued_by_id=staff_id,
                )
            )
            events.record(session, ticket, "issued", now)
            return ticket.id or 0, code
