"""Each machine's health as others see it: the printer state a kiosk last reported,
and whether the database answers at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col, select

from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database, DatabaseUnavailable
from kiosk.db.models import KioskState


@dataclass(frozen=True)
class PrinterHealth:
    kiosk_id: str
    state: str
    detail: str | None
    updated_at: datetime


def database_answers(db: Database) -> bool:
    """A cheap round trip; False when the server is gone, the file vanished or is locked."""
    try:
        with db.session() as session:
            session.execute(text("SELECT 1"))
    except (DatabaseUnavailable, SQLAlchemyError, OSError):
        return False
    return True


class Health:
    def __init__(self, db: Database, kiosk_id: str, clock: Clock = utc_now) -> None:
        self._db = db
        self._kiosk_id = kiosk_id
        self._clock = clock

    def report_printer(self, state: str, detail: str | None = None) -> None:
        with self._db.session() as session:
            row = session.get(KioskState, self._kiosk_id) or KioskState(
                kiosk_id=self._kiosk_id, updated_at=self._clock()
            )
            row.printer_state, row.printer_detail, row.updated_at = state, detail, self._clock()
            session.add(row)

    def printers(self) -> list[PrinterHealth]:
        with self._db.session() as session:
            rows = session.exec(select(KioskState).order_by(col(KioskState.kiosk_id))).all()
            return [
                PrinterHealth(r.kiosk_id, r.printer_state, r.printer_detail, r.updated_at)
                for r in rows
            ]
