"""The staff figures as text: the managers' overview table (each figure with the count
it rests on, the branch median as the last row) and one person's lines."""

from __future__ import annotations

from kiosk.i18n import N_, Localizer
from kiosk.reports import formatting as fmt
from kiosk.reports.feedback import ComplaintFigures, CsatFigures
from kiosk.reports.staff_figures import BranchMedians, StaffFigures
from kiosk.reports.tables import Table

COLUMNS = (
    N_("Name"),
    N_("Served"),
    N_("Service"),
    N_("Signed in"),
    N_("Idle"),
    N_("Recalls"),
    N_("No-shows"),
)
#: What the short column titles mean (shown under the table).
KEY = N_(
    "Service: median minutes of service. Signed in and idle: hours at a counter, and of "
    "those the hours with no customer. (of n): how many tickets a figure rests on."
)


def _hours(loc: Localizer, seconds: float | None) -> str:
    from babel.numbers import format_decimal

    if seconds is None:
        return fmt.NOTHING
    return format_decimal(seconds / 3600.0, format="#,##0.0", locale=loc.babel_locale)


def _based(loc: Localizer, text: str, base: int) -> str:
    """A figure and how many tickets it rests on: ``12.0 (n = 2)``."""
    return loc.tr("{figure} (of {n})").format(figure=text, n=fmt.count(loc, base))


def staff_row(loc: Localizer, f: StaffFigures) -> list[str]:
    return [
        f.name,
        fmt.count(loc, f.served),
        _based(loc, fmt.minutes(loc, f.service_median_seconds), f.service_base),
        _hours(loc, f.signed_in_seconds),
        _hours(loc, f.idle_seconds),
        fmt.count(loc, f.recalls),
        _based(loc, fmt.count(loc, f.no_shows), f.called),
    ]


def median_row(loc: Localizer, m: BranchMedians) -> list[str]:
    return [
        loc.ntr("Branch median ({n} person)", "Branch median ({n} people)", m.staff_count).format(
            n=fmt.count(loc, m.staff_count)
        ),
        fmt.count(loc, m.served),
        fmt.minutes(loc, m.service_median_seconds),
        fmt.NOTHING,
        _hours(loc, m.idle_seconds),
        fmt.count(loc, m.recalls),
        fmt.count(loc, m.no_shows),
    ]


def staff_table(loc: Localizer, figures: dict[int, StaffFigures], m: BranchMedians) -> Table:
    rows = [staff_row(loc, f) for f in figures.values()]
    rows.append(median_row(loc, m))
    return Table("staff", N_("Staff"), COLUMNS, rows)


def person_lines(loc: Localizer, f: StaffFigures | None, m: BranchMedians) -> list[str]:
    """One line per figure: the person's, with its base, beside the branch median."""
    if f is None:
        return [loc.tr("Nothing recorded in this range.")]
    line = N_("{what}: {figure} · branch median {median}")
    pairs = (
        (N_("Served"), fmt.count(loc, f.served), fmt.count(loc, m.served)),
        (
            N_("Service, median (min)"),
            _based(loc, fmt.minutes(loc, f.service_median_seconds), f.service_base),
            fmt.minutes(loc, m.service_median_seconds),
        ),
        (N_("Idle (h)"), _hours(loc, f.idle_seconds), _hours(loc, m.idle_seconds)),
        (N_("Recalls"), fmt.count(loc, f.recalls), fmt.count(loc, m.recalls)),
        (
            N_("No-shows"),
            _based(loc, fmt.count(loc, f.no_shows), f.called),
            fmt.count(loc, m.no_shows),
        ),
    )
    lines = [loc.tr(line).format(what=loc.tr(w), figure=a, median=b) for w, a, b in pairs]
    lines.append(
        loc.tr("Signed in {hours} h in the range.").format(hours=_hours(loc, f.signed_in_seconds))
    )
    return lines


def satisfaction_lines(
    loc: Localizer, mine: CsatFigures, branch: CsatFigures, complaints: ComplaintFigures
) -> list[str]:
    """The satisfaction of the visits this person served beside the branch's, each with
    how many answers it rests on, and the complaint cases about those visits."""
    return [
        loc.tr("Mean score {mine} ({n} answers) · branch {branch} ({m} answers)").format(
            mine=fmt.decimal(loc, mine.mean),
            n=fmt.count(loc, mine.answered),
            branch=fmt.decimal(loc, branch.mean),
            m=fmt.count(loc, branch.answered),
        ),
        loc.tr("Scores of 4 or 5: {mine} · branch {branch}").format(
            mine=fmt.percent(loc, mine.top_percent), branch=fmt.percent(loc, branch.top_percent)
        ),
        loc.tr("Complaints about these visits: {opened}, {overdue} past their target").format(
            opened=fmt.count(loc, complaints.opened), overdue=fmt.count(loc, complaints.overdue)
        ),
    ]
