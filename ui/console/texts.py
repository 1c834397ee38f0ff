"""What the console shows of a ticket, in the staff member's language.

Message ids are marked with ``N_`` here and translated with ``loc.tr`` when shown.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.catalogue.model import Catalogue, Service
from kiosk.desk import DeskTicket
from kiosk.i18n import N_, Localizer
from kiosk.ticket import Priority, TicketStatus

PRIORITY_LABELS: dict[Priority, str] = {
    Priority.NORMAL: N_("Normal"),
    Priority.ELDERLY: N_("Elderly customer"),
    Priority.DISABLED: N_("Customer with a disability"),
    Priority.PREGNANT: N_("Pregnant customer"),
    Priority.APPOINTMENT: N_("Appointment"),
}

OUTCOME_LABELS: dict[str, str] = {
    "served": N_("Served"),
    "referred": N_("Referred elsewhere"),
    "customer_left": N_("Customer left"),
    "could_not_serve": N_("Could not serve"),
}

STATUS_LABELS: dict[TicketStatus, str] = {
    TicketStatus.WAITING: N_("Waiting"),
    TicketStatus.CALLED: N_("Called"),
    TicketStatus.SERVING: N_("Serving"),
    TicketStatus.HELD: N_("On hold"),
    TicketStatus.DONE: N_("Done"),
    TicketStatus.NO_SHOW: N_("No-show"),
    TicketStatus.CANCELLED: N_("Cancelled"),
    TicketStatus.TRANSFERRED: N_("Transferred"),
}


def service_name(catalogue: Catalogue | None, slug: str, loc: Localizer) -> str:
    if catalogue is None:
        return slug
    try:
        return loc.text(catalogue.service(slug).name)
    except KeyError:
        return slug


def waited_minutes(ticket: DeskTicket, now: datetime) -> int:
    return max(0, int((now - ticket.issued_at).total_seconds() // 60))


def over_target(catalogue: Catalogue | None, ticket: DeskTicket, now: datetime) -> bool:
    """Waiting longer than the service's target (``sla_minutes``)."""
    if catalogue is None:
        return False
    try:
        target = catalogue.service(ticket.service_slug).sla_minutes
    except KeyError:
        return False
    return waited_minutes(ticket, now) >= target


def missing_materials(
    catalogue: Catalogue | None, ticket: DeskTicket, loc: Localizer
) -> tuple[list[str], list[str]]:
    """What the customer did not tick, as their checklist named it: the required items,
    then the optional ones (an optional item left unticked is not "missing").

    The visit's service is the ticket's service or, after a transfer, the one it
    came from; any other service naming the item is the last resort."""
    if catalogue is None:
        return list(ticket.materials_missing), []
    order = [ticket.service_slug, ticket.transferred_from or ""]
    services: list[Service] = [s for slug in order for s in catalogue.services if s.slug == slug]
    services += [s for s in catalogue.services if s not in services]
    required: list[str] = []
    optional: list[str] = []
    for material_id in ticket.materials_missing:
        name, needed = material_id, True
        for service in services:
            try:
                material = service.material(material_id)
            except KeyError:
                continue
            name, needed = loc.text(material.text), material.required
            break
        (required if needed else optional).append(name)
    return required, optional


def answer_labels(catalogue: Catalogue | None, ticket: DeskTicket, loc: Localizer) -> list[str]:
    """The questionnaire answers as the option labels the customer touched."""
    if catalogue is None:
        return list(ticket.answers)
    labels = {
        option.id: loc.text(option.label)
        for question in catalogue.questionnaire.questions
        for option in question.options
    }
    return [labels.get(answer, answer) for answer in ticket.answers]
