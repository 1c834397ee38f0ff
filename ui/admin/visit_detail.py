"""One visit in words: its timeline in the branch's time zone, the answers, what was
missing and what became of the ticket, in the reader's language."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from kiosk.i18n import N_
from kiosk.ticket import PrintStatus, TicketStatus

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue
    from kiosk.i18n import Localizer
    from kiosk.records import VisitRecord

STATUS_LABELS: dict[str, str] = {
    TicketStatus.WAITING: N_("Waiting"),
    TicketStatus.CALLED: N_("Called"),
    TicketStatus.SERVING: N_("Serving"),
    TicketStatus.HELD: N_("On hold"),
    TicketStatus.DONE: N_("Done"),
    TicketStatus.NO_SHOW: N_("No-show"),
    TicketStatus.CANCELLED: N_("Cancelled"),
    TicketStatus.TRANSFERRED: N_("Transferred"),
    "no_ticket": N_("No ticket"),
}
PRINT_LABELS: dict[str, str] = {
    PrintStatus.PENDING: N_("Printing"),
    PrintStatus.PRINTED: N_("Printed"),
    PrintStatus.FAILED: N_("Not printed"),
    PrintStatus.NONE: N_("Not printed (on screen only)"),
}


def _answers(record: VisitRecord, catalogue: Catalogue | None, loc: Localizer) -> str:
    labels = {}
    if catalogue is not None:
        for question in catalogue.questionnaire.questions:
            for option in question.options:
                labels[option.id] = loc.text(option.label)
    return " → ".join(labels.get(a, a) for a in record.answers)


def _missing(record: VisitRecord, catalogue: Catalogue | None, loc: Localizer) -> str:
    names = []
    for item in record.materials_missing:
        try:
            service = catalogue.service(record.service_slug or "") if catalogue else None
            names.append(loc.text(service.material(item).text) if service else item)
        except KeyError:  # the service or item was removed from the catalogue since
            names.append(item)
    return ", ".join(names)


def detail_lines(
    record: VisitRecord, catalogue: Catalogue | None, loc: Localizer, zone: tzinfo
) -> list[str]:
    lines = [
        f"{loc.datetime(moment, zone)} — {loc.tr(msgid)}" for msgid, moment in record.timeline()
    ]
    lines.append("")
    lines.append(
        loc.tr("Answers: {answers}").format(answers=_answers(record, catalogue, loc) or "–")
    )
    lines.append(
        loc.tr("Still to bring: {items}").format(items=_missing(record, catalogue, loc) or "–")
    )
    printed = loc.tr(PRINT_LABELS.get(record.print_status or "", "–"))
    if record.reprint_count:
        printed += " · " + loc.tr("reprinted {n}×").format(n=loc.number(record.reprint_count))
    lines.append(loc.tr("Ticket printed: {status}").format(status=printed))
    if record.counter:
        lines.append(loc.tr("Counter: {counter}").format(counter=record.counter))
    return lines
