"""Ticket numbers: one counter row per (business day, prefix), bumped atomically.

``INSERT … ON CONFLICT DO UPDATE … RETURNING`` runs inside the transaction that
stores the visit and the ticket, so a number is used exactly when the ticket is
committed: no duplicates (the row is locked until commit) and no gaps (a
rollback undoes the bump too). Works the same on SQLite (≥ 3.35) and PostgreSQL.
"""

from __future__ import annotations

import secrets
from datetime import date

from sqlmodel import Session

from kiosk.db.models import DailyCounter
from kiosk.db.upsert import upsert


def next_number(session: Session, day: date, prefix: str) -> int:
    table = DailyCounter.__table__  # type: ignore[attr-defined]  # SQLModel sets it
    statement = (
        upsert(session, table)
        .values(business_day=day, prefix=prefix, last_number=1)
        .on_conflict_do_update(
            index_elements=["business_day", "prefix"],
            set_={"last_number": table.c.last_number + 1},
        )
        .returning(table.c.last_number)
    )
    return int(session.execute(statement).scalar_one())


def display_code(prefix: str, number: int) -> str:
    """``A`` + 23 → ``A023``; numbers past 999 keep all their digits."""
    return f"{prefix}{number:03d}"


def ticket_reference(day: date, code: str) -> str:
    """The ticket's unique reference: the day, its code and a random part (the QR code)."""
    return f"{day:%Y%m%d}-{code}-{secrets.token_hex(4)}"
