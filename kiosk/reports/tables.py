"""The dashboard's tables: every figure as text in the manager's locale, one builder
per table, each returning its column titles (msgids) and rows. The charts draw the
same numbers; the CSV and XLSX exports write these same tables."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import N_, Localizer
from kiosk.reports import formatting as fmt
from kiosk.reports.feedback import ComplaintFigures, CsatFigures
from kiosk.reports.service import Dashboard

#: Each table's title (msgids), by its key: the dashboard's headings, the pack's, the sheets'.
TITLES = {
    "services": N_("Services"),
    "service_times": N_("Service times, no-shows and transfers"),
    "trend": N_("Waits and service times by day"),
    "heat_map": N_("Arrivals by weekday and hour"),
    "missing": N_("Missing materials"),
    "paths": N_("Questionnaire paths ending at the enquiry desk"),
    "abandoned": N_("Abandoned at the kiosk"),
    "satisfaction": N_("Satisfaction and complaints"),
}


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    """msgid"""
    columns: tuple[str, ...]
    """msgids"""
    rows: list[list[str]]
    flags: list[bool | None] | None = None
    """Per row: meets its target (True), misses it (False), nothing to judge (None)."""


#: Columns of the services table that carry its colour (service level, on target).
FLAGGED_COLUMNS = (6, 7)


def services(d: Dashboard, loc: Localizer, catalogue: Catalogue | None) -> Table:
    """Each service against its target wait."""
    rows, flags = [], []
    for slug, f in d.by_service.items():
        info = d.services.get(str(slug))
        level = f.service_level_percent
        ok = fmt.meets_goal(level)
        rows.append(
            [
                fmt.service_name(loc, catalogue, str(slug)),
                fmt.count(loc, f.arrivals),
                fmt.count(loc, f.served),
                fmt.minutes(loc, f.wait.median),
                fmt.minutes(loc, f.wait.p90),
                fmt.count(loc, info.sla_minutes if info else None),
                fmt.percent(loc, level),
                loc.tr(N_("On target") if ok else N_("Below target")) if ok is not None else "–",
            ]
        )
        flags.append(ok)
    columns = (
        N_("Service"), N_("Arrivals"), N_("Served"), N_("Wait, median (min)"),
        N_("Wait, 90% (min)"), N_("Target wait (min)"), N_("Service level"), N_("Target"),
    )  # fmt: skip
    return Table("services", TITLES["services"], columns, rows, flags)


def service_times(d: Dashboard, loc: Localizer, catalogue: Catalogue | None) -> Table:
    """Each service's time at the counter and the customers it lost or passed on."""
    rows = [
        [
            fmt.service_name(loc, catalogue, str(slug)),
            fmt.minutes(loc, f.service_time.median),
            fmt.minutes(loc, f.service_time.p90),
            fmt.percent(loc, f.no_show_percent),
            fmt.count(loc, f.walk_aways),
            fmt.count(loc, f.transfers),
        ]
        for slug, f in d.by_service.items()
    ]
    columns = (N_("Service"), N_("Service, median (min)"), N_("Service, 90% (min)"),
               N_("No-shows"), N_("Walk-aways"), N_("Transfers"))  # fmt: skip
    return Table("service_times", TITLES["service_times"], columns, rows)


def trend(d: Dashboard, loc: Localizer) -> Table:
    rows = [
        [
            fmt.day(loc, day),
            fmt.count(loc, f.arrivals),
            fmt.minutes(loc, f.wait.median),
            fmt.minutes(loc, f.wait.p90),
            fmt.minutes(loc, f.service_time.median),
        ]
        for day, f in d.by_day.items()
    ]
    columns = (N_("Day"), N_("Arrivals"), N_("Wait, median (min)"), N_("Wait, 90% (min)"),
               N_("Service, median (min)"))  # fmt: skip
    return Table("trend", TITLES["trend"], columns, rows)


def heat_hours(d: Dashboard) -> list[int]:
    hours = sorted({h for _, h in d.heat_map})
    return list(range(hours[0], hours[-1] + 1)) if hours else []


def heat(d: Dashboard, loc: Localizer) -> Table:
    hours = heat_hours(d)
    rows = [
        [fmt.weekday(loc, wd), *(fmt.count(loc, d.heat_map.get((wd, h), 0)) for h in hours)]
        for wd in range(7)
    ]
    columns = (N_("Weekday"), *(f"{h:02d}" for h in hours))
    return Table("heat_map", TITLES["heat_map"], columns, rows)


def missing(d: Dashboard, loc: Localizer, catalogue: Catalogue | None, top: int = 10) -> Table:
    rows = [
        [
            fmt.service_name(loc, catalogue, m.service),
            fmt.material_name(loc, catalogue, m.service, m.material),
            fmt.count(loc, m.missing),
            fmt.count(loc, m.base),
            fmt.percent(loc, m.percent),
        ]
        for m in d.missing[:top]
    ]
    columns = (N_("Service"), N_("Material"), N_("Came without"), N_("Of"), N_("Rate"))
    return Table("missing", TITLES["missing"], columns, rows)


def paths(d: Dashboard, loc: Localizer, catalogue: Catalogue | None) -> Table:
    rows = [[fmt.answer_path(loc, catalogue, p.answers), fmt.count(loc, p.visits)]
            for p in d.failure_paths]  # fmt: skip
    return Table("paths", TITLES["paths"],
                 (N_("Answers"), N_("Visits")), rows)  # fmt: skip


SCREEN_LABELS = {
    "welcome": N_("Welcome"),
    "questionnaire": N_("Questionnaire"),
    "services": N_("Service list"),
    "service_detail": N_("Guidance and checklist"),
    "unknown": N_("Not recorded"),
}


def abandoned(d: Dashboard, loc: Localizer) -> Table:
    rows = [[loc.tr(SCREEN_LABELS.get(s, s)), fmt.count(loc, n)] for s, n in d.abandoned.items()]
    return Table("abandoned", TITLES["abandoned"], (N_("Screen"), N_("Visits")), rows)


def satisfaction(csat: CsatFigures, complaints: ComplaintFigures, loc: Localizer) -> Table:
    """CSAT of the served visits (survey after the visit, else the kiosk rating) and the
    complaint cases opened in the range; each figure with what it is counted on."""
    hours = complaints.median_hours_to_resolve
    rows = [
        [loc.tr(N_("Visits asked (served)")), fmt.count(loc, csat.asked)],
        [loc.tr(N_("Visits that answered")), fmt.count(loc, csat.answered)],
        [loc.tr(N_("Answered")), fmt.percent(loc, csat.answer_percent)],
        [loc.tr(N_("Mean score (1–5)")), fmt.decimal(loc, csat.mean)],
        [loc.tr(N_("Scores of 4 or 5")), fmt.percent(loc, csat.top_percent)],
        [loc.tr(N_("Complaints opened")), fmt.count(loc, complaints.opened)],
        [loc.tr(N_("Complaints closed")), fmt.count(loc, complaints.resolved)],
        [loc.tr(N_("Complaints past their target")), fmt.count(loc, complaints.overdue)],
        [loc.tr(N_("Median hours to close")), fmt.decimal(loc, hours)],
    ]
    return Table("satisfaction", TITLES["satisfaction"], (N_("Figure"), N_("Value")), rows)


def all_tables(d: Dashboard, loc: Localizer, catalogue: Catalogue | None) -> list[Table]:
    return [
        services(d, loc, catalogue),
        service_times(d, loc, catalogue),
        trend(d, loc),
        heat(d, loc),
        missing(d, loc, catalogue),
        paths(d, loc, catalogue),
        abandoned(d, loc),
        satisfaction(d.csat, d.complaints, loc),
    ]


def summary(d: Dashboard, loc: Localizer) -> str:
    t, k = d.total, d.kiosk
    return loc.tr(
        "Arrivals {arrivals} · served {served} · wait median {wait} min · service level "
        "{level} · no-shows {no_show} · walk-aways {walk} · transfers {transfers} · "
        "follow-on tickets {follow_ons} · not sure {not_sure} · bring-lists printed {slips} · "
        "bring-lists back {returned} ({returned_share})"
    ).format(
        arrivals=fmt.count(loc, t.arrivals),
        served=fmt.count(loc, t.served),
        wait=fmt.minutes(loc, t.wait.median),
        level=fmt.percent(loc, t.service_level_percent),
        no_show=fmt.percent(loc, t.no_show_percent),
        walk=fmt.count(loc, t.walk_aways),
        transfers=fmt.count(loc, t.transfers),
        follow_ons=fmt.count(loc, t.follow_ons),
        not_sure=fmt.percent(loc, k.not_sure_percent),
        slips=fmt.count(loc, k.slips),
        returned=fmt.count(loc, k.slips_returned),
        returned_share=fmt.percent(loc, k.slips_returned_percent),
    )
