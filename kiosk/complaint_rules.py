"""The rules of a complaint case, as plain data: its states and the moves between them,
its categories and sources, and its targets (acknowledge within N business days,
resolve within M days) with what is overdue at a given moment.

Business days are Monday to Friday in the branch's time zone (public holidays are not
known to the kiosk): a case opened on Friday at 15:00 with a one-business-day target
must be acknowledged by Monday 15:00; one opened on Saturday, by the end of Monday.
"""

from __future__ import annotations

import enum
from datetime import datetime, time, timedelta, tzinfo

from kiosk.i18n import N_, Localizer


class CaseState(enum.StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"

    @property
    def closed(self) -> bool:
        return self in (CaseState.RESOLVED, CaseState.REJECTED)


class CaseSource(enum.StrEnum):
    KIOSK = "kiosk"
    """The kiosk's complaint service."""
    SURVEY = "survey"
    """A low score in the survey after the visit (SMS or phone)."""
    COUNTER = "counter"
    """Logged by staff at a counter."""
    KIOSK_RATING = "kiosk_rating"
    """A low score in "rate a recent visit" at the kiosk."""


COMPLAINT_SERVICE = "complaint"
"""The catalogue's complaint service: a ticket for it taken at the kiosk opens a case."""

STATE_LABELS: dict[CaseState, str] = {
    CaseState.OPEN: N_("Open"),
    CaseState.ACKNOWLEDGED: N_("Acknowledged"),
    CaseState.IN_PROGRESS: N_("In progress"),
    CaseState.RESOLVED: N_("Resolved"),
    CaseState.REJECTED: N_("Rejected"),
}
SOURCE_LABELS: dict[CaseSource, str] = {
    CaseSource.KIOSK: N_("Kiosk"),
    CaseSource.SURVEY: N_("Survey"),
    CaseSource.COUNTER: N_("Counter"),
    CaseSource.KIOSK_RATING: N_("Kiosk rating"),
}
#: What a complaint is about (the customer or staff member chooses one).
CATEGORIES: dict[str, str] = {
    "wait": N_("Waiting time"),
    "staff": N_("Staff attitude"),
    "explanation": N_("Explanation or advice"),
    "fees": N_("Fees or charges"),
    "transaction": N_("A transaction or account"),
    "premises": N_("Branch and facilities"),
    "other": N_("Something else"),
}

#: The moves a manager can make. Resolving or rejecting needs a note: how it was put
#: right, or the explanation given to the customer.
MOVES: dict[CaseState, tuple[CaseState, ...]] = {
    CaseState.OPEN: (CaseState.ACKNOWLEDGED, CaseState.REJECTED),
    CaseState.ACKNOWLEDGED: (CaseState.IN_PROGRESS, CaseState.RESOLVED, CaseState.REJECTED),
    CaseState.IN_PROGRESS: (CaseState.RESOLVED, CaseState.REJECTED),
    CaseState.RESOLVED: (),
    CaseState.REJECTED: (),
}
NOTE_REQUIRED = (CaseState.RESOLVED, CaseState.REJECTED)

ACKNOWLEDGE = "acknowledge"
RESOLVE = "resolve"
OVERDUE_LABELS = {
    ACKNOWLEDGE: N_("Not acknowledged in time"),
    RESOLVE: N_("Not resolved in time"),
}

_WEEKEND = (5, 6)


def add_business_days(moment: datetime, days: int, zone: tzinfo) -> datetime:
    """``moment`` plus ``days`` working days (Monday–Friday) in ``zone``, same time of
    day; from a weekend the count starts at the next Monday's midnight."""
    local = moment.astimezone(zone)
    if local.weekday() in _WEEKEND:
        while local.weekday() in _WEEKEND:
            local = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=zone)
    day, left = local.date(), days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() not in _WEEKEND:
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=zone).astimezone(
        moment.tzinfo
    )


def due_dates(
    opened_at: datetime, acknowledge_days: int, resolve_days: int, zone: tzinfo
) -> tuple[datetime, datetime]:
    """When a case opened at ``opened_at`` must be acknowledged, and resolved."""
    return (
        add_business_days(opened_at, acknowledge_days, zone),
        opened_at + timedelta(days=resolve_days),
    )


def overdue(
    state: CaseState, acknowledge_due: datetime, resolve_due: datetime, now: datetime
) -> str | None:
    """The target missed at ``now`` (:data:`ACKNOWLEDGE` or :data:`RESOLVE`), or None."""
    if state.closed:
        return None
    if now > resolve_due:
        return RESOLVE
    if state == CaseState.OPEN and now > acknowledge_due:
        return ACKNOWLEDGE
    return None


def overdue_line(loc: Localizer, count: int) -> str:
    """What the staff home and the console say of ``count`` overdue cases ("" for none)."""
    if not count:
        return ""
    return loc.ntr(
        "{n} complaint case is overdue: a manager should see to it.",
        "{n} complaint cases are overdue: a manager should see to them.",
        count,
    ).format(n=loc.number(count))
