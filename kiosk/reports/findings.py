"""Findings for the review meeting, drawn from the figures by stated rules. Each rule
fires only on enough data (``min_base`` tickets or visits) so that a quiet week does
not accuse anyone; each finding is a msgid and the values that fill it.

Rules (the goal figures are the branch's, see :mod:`kiosk.reports.formatting`):

1. a service whose service level is below the goal;
2. a material missing for at least 20% of the customers who went through the checklist;
3. at least 15% of customers who answered the questionnaire ending "not sure";
4. no-shows at 10% or more of calls;
5. walk-aways at 5% or more of arrivals;
6. the busiest hour of the week (for staffing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.i18n import N_, Localizer
from kiosk.reports import formatting as fmt
from kiosk.reports.service import Dashboard
from kiosk.reports.stats import percent

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue

MISSING_ALERT = 20.0
NOT_SURE_ALERT = 15.0
NO_SHOW_ALERT = 10.0
WALK_AWAY_ALERT = 5.0
MIN_BASE = 10
MIN_BASE_RULE = N_("A rule speaks only when it rests on at least {n} tickets or visits.")

#: Each rule as the pack states it, with the figure it is judged against (a percentage).
RULES: tuple[tuple[str, float | None], ...] = (
    (N_("A service whose share served within its target wait is below {goal}."),
     fmt.SERVICE_LEVEL_GOAL),
    (N_("A material missing for {rate} or more of the customers who went through the "
        "checklist."), MISSING_ALERT),
    (N_("{rate} or more of the customers who answered the questionnaire ended “not sure”."),
     NOT_SURE_ALERT),
    (N_("No-shows at {rate} or more of the tickets called."), NO_SHOW_ALERT),
    (N_("Walk-aways at {rate} or more of arrivals."), WALK_AWAY_ALERT),
    (N_("The busiest hour of the week, for staffing."), None),
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    message: str
    """msgid"""
    values: dict[str, object] = field(default_factory=dict)
    """Plain values; :func:`finding_text` formats them for the reader's locale."""


def findings(d: Dashboard, min_base: int = MIN_BASE) -> list[Finding]:
    found: list[Finding] = []
    for slug, f in d.by_service.items():
        level = f.service_level_percent
        if f.served >= min_base and level is not None and level < fmt.SERVICE_LEVEL_GOAL:
            sla = d.services[str(slug)].sla_minutes if str(slug) in d.services else None
            found.append(Finding(
                N_("{service}: {level} served within the {sla}-minute target (goal {goal}): "
                   "check staffing at its busiest hours."),
                {"service": slug, "level": level, "sla": sla, "goal": fmt.SERVICE_LEVEL_GOAL},
            ))  # fmt: skip
    for m in d.missing:
        if m.base >= min_base and (m.percent or 0) >= MISSING_ALERT:
            found.append(Finding(
                N_("{material} missing for {rate} of {service} customers: check the guidance "
                   "text and what the website says to bring."),
                {"service": m.service, "material": (m.service, m.material), "rate": m.percent},
            ))  # fmt: skip
    k, t = d.kiosk, d.total
    if k.questionnaire >= min_base and (k.not_sure_percent or 0) >= NOT_SURE_ALERT:
        top = d.failure_paths[0].answers if d.failure_paths else ()
        found.append(Finding(
            N_("{rate} of customers who answered ended “not sure” (most often after "
               "“{path}”): review the questions' wording."),
            {"rate": k.not_sure_percent, "path": top},
        ))  # fmt: skip
    if t.called >= min_base and (t.no_show_percent or 0) >= NO_SHOW_ALERT:
        found.append(Finding(
            N_("No-shows at {rate} of calls: check that calls are heard and seen across the "
               "lobby."),
            {"rate": t.no_show_percent},
        ))  # fmt: skip
    walk = percent(t.walk_aways, t.arrivals)
    if t.arrivals >= min_base and (walk or 0) >= WALK_AWAY_ALERT:
        found.append(Finding(
            N_("Walk-aways: {n} ({rate} of arrivals) left before being called: look at the "
               "waits at the busiest hours."),
            {"n": t.walk_aways, "rate": walk},
        ))  # fmt: skip
    if t.arrivals >= min_base and d.heat_map:
        (weekday, hour), n = max(d.heat_map.items(), key=lambda item: (item[1], -item[0][0]))
        found.append(Finding(
            N_("Busiest hour: {weekday} {hour}:00, {n} arrivals in the range."),
            {"weekday": weekday, "hour": hour, "n": n},
        ))  # fmt: skip
    return found


def finding_text(finding: Finding, loc: Localizer, catalogue: Catalogue | None) -> str:
    """The finding in ``loc``'s language, with the catalogue's names."""
    values: dict[str, str] = {}
    for key, value in finding.values.items():
        if key in ("level", "rate", "goal"):
            values[key] = fmt.percent(loc, value if isinstance(value, float | int) else None)
        elif key == "service":
            values[key] = fmt.service_name(loc, catalogue, str(value))
        elif key == "material" and isinstance(value, tuple):
            values[key] = fmt.material_name(loc, catalogue, value[0], value[1])
        elif key == "weekday" and isinstance(value, int):
            values[key] = fmt.weekday(loc, value)
        elif key == "hour" and isinstance(value, int):
            values[key] = f"{value:02d}"
        elif key == "path" and isinstance(value, tuple):
            values[key] = fmt.answer_path(loc, catalogue, value)
        else:
            values[key] = fmt.count(loc, value if isinstance(value, int | float) else None)
    return loc.tr(finding.message).format(**values)
