"""The retention purge's rule: a month's visits are deleted only when a verified
archive of that month holds at least as many visits as the month has now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from kiosk.archive_month import Month, months_between
from kiosk.db.models import Visit
from kiosk.db.models_archive import ArchiveRecord
from kiosk.i18n import N_
from kiosk.settings import Settings


class ArchiveMissing(Exception):
    """The purge would delete months that have no verified archive."""

    message = N_(
        "No verified archive of {months}: archive them first (kiosk archive --month "
        "YYYY-MM --out DIR), or purge with --without-archive."
    )

    def __init__(self, months: list[Month]) -> None:
        self.months = months
        super().__init__(", ".join(str(m) for m in months))


def months_before(session: Session, settings: Settings, cutoff: datetime) -> list[Month]:
    """The months of the visits that finished before ``cutoff`` (the purge's)."""
    first, last = session.exec(
        select(func.min(Visit.started_at), func.max(Visit.started_at)).where(
            col(Visit.finished_at) < cutoff
        )
    ).one()
    if first is None or last is None:
        return []
    zone, reset = settings.business.zone, settings.business.day_reset_hour
    return months_between(Month.of(first, zone, reset), Month.of(last, zone, reset))


def unarchived(session: Session, settings: Settings, months: list[Month]) -> list[Month]:
    """Those of ``months`` that have visits and no verified archive covering them."""
    zone, reset = settings.business.zone, settings.business.day_reset_hour
    missing = []
    for month in months:
        start, end = month.bounds(zone, reset)
        visits = session.exec(
            select(func.count())
            .select_from(Visit)
            .where(col(Visit.started_at) >= start, col(Visit.started_at) < end)
        ).one()
        if not visits:
            continue
        archived = session.exec(
            select(func.max(ArchiveRecord.visits)).where(
                ArchiveRecord.month == str(month), col(ArchiveRecord.verified_at).is_not(None)
            )
        ).one()
        if archived is None or archived < visits:
            missing.append(month)
    return missing
