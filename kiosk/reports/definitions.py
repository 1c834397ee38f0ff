"""The KPIs, each defined once: its name, the sentence that says how it is computed
(formula and unit), and its unit. The dashboard shows the sentence beside the figure
and the review pack prints it; both are msgids for ``loc.tr``.

Whether a customer with a bring-list came back is read from the list's return code
(:mod:`kiosk.bring_lists`): a later visit that typed or scanned it is linked to the
list, and the list counts as back on the day it was printed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.i18n import N_


class Unit(enum.StrEnum):
    TICKETS = "tickets"
    VISITS = "visits"
    MINUTES = "minutes"
    PERCENT = "percent"
    SCORE = "score"
    HOURS = "hours"


UNIT_LABELS = {
    Unit.TICKETS: N_("tickets"),
    Unit.VISITS: N_("visits"),
    Unit.MINUTES: N_("minutes"),
    Unit.PERCENT: N_("%"),
    Unit.SCORE: N_("score 1–5"),
    Unit.HOURS: N_("hours"),
}


@dataclass(frozen=True)
class Kpi:
    key: str
    name: str
    formula: str
    unit: Unit


KPIS: tuple[Kpi, ...] = (
    Kpi("arrivals", N_("Arrivals"),
        N_("Tickets issued on the business day; a transfer is no new arrival."), Unit.TICKETS),
    Kpi("served", N_("Served"),
        N_("Tickets finished at a counter (any outcome)."), Unit.TICKETS),
    Kpi("wait_median", N_("Wait, median"),
        N_("Minutes from issue to the first call; the middle value (nearest rank)."),
        Unit.MINUTES),
    Kpi("wait_p90", N_("Wait, 90th percentile"),
        N_("Minutes from issue to the first call that nine in ten called tickets did not exceed."),
        Unit.MINUTES),
    Kpi("service_median", N_("Service time, median"),
        N_("Minutes from the start of service to its finish, for finished tickets."),
        Unit.MINUTES),
    Kpi("service_p90", N_("Service time, 90th percentile"),
        N_("Minutes of service that nine in ten finished tickets did not exceed."), Unit.MINUTES),
    Kpi("service_level", N_("Service level"),
        N_("Served tickets first called within their service's target wait, as a share of "
           "served tickets."), Unit.PERCENT),
    Kpi("no_show", N_("No-shows"),
        N_("Tickets marked as no-show, as a share of tickets called."), Unit.PERCENT),
    Kpi("walk_aways", N_("Walk-aways"),
        N_("Tickets issued and never called by the time their business day closed."),
        Unit.TICKETS),
    Kpi("transfers", N_("Transfers"),
        N_("Times a ticket was sent to another service's queue (a ticket can be sent twice)."),
        Unit.TICKETS),
    Kpi("follow_ons", N_("Follow-on tickets"),
        N_("Tickets issued at a counter for the same customer's next need (“anything "
           "else?”), counted in the service of the new ticket."), Unit.TICKETS),
    Kpi("unfinished", N_("Left unfinished"),
        N_("Tickets called but neither finished nor a no-show when their day closed "
           "(e.g. the counter closed mid-ticket)."), Unit.TICKETS),
    Kpi("missing_material", N_("Missing materials"),
        N_("Customers who went through a service's checklist without this item, as a share "
           "of all who went through it."), Unit.PERCENT),
    Kpi("not_sure", N_("Not sure"),
        N_("Visits whose answers ended at the general enquiry, as a share of visits that "
           "answered at least one question."), Unit.PERCENT),
    Kpi("failure_paths", N_("Failing questionnaire paths"),
        N_("Answer paths that ended at the general enquiry, with how many visits took each."),
        Unit.VISITS),
    Kpi("abandoned", N_("Abandoned at the kiosk"),
        N_("Visits that ended without a ticket or a list, by the screen they were left on."),
        Unit.VISITS),
    Kpi("slips", N_("Bring-lists printed"),
        N_("Visits that printed the list of what to bring and left to come back."),
        Unit.VISITS),
    Kpi("slips_returned", N_("Bring-lists that came back"),
        N_("Bring-lists printed in the range whose return code a later visit used, as a share "
           "of the lists printed; counted on the day the list was printed."), Unit.PERCENT),
    Kpi("csat_mean", N_("Satisfaction, mean"),
        N_("The mean of the scores (1–5) given after visits."), Unit.SCORE),
    Kpi("csat_top", N_("Satisfied (4–5)"),
        N_("Scores of 4 or 5, as a share of scores given."), Unit.PERCENT),
    Kpi("answer_rate", N_("Answer rate"),
        N_("Surveys answered, as a share of surveys asked."), Unit.PERCENT),
    Kpi("complaints", N_("Complaints"),
        N_("Complaints opened, resolved and overdue in the range; median hours to resolve."),
        Unit.HOURS),
)  # fmt: skip

BY_KEY = {kpi.key: kpi for kpi in KPIS}
