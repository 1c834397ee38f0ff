"""Counter sign-in sessions: opened when someone signs in at a counter, closed when
the counter closes (or someone else signs in there), for the staff reports' signed-in
and idle time."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from kiosk.db.models_reports import CounterSession


def sign_in(session: Session, counter: str, staff_id: int | None, at: datetime) -> None:
    sign_out(session, counter, at)
    session.add(CounterSession(counter=counter, staff_id=staff_id, opened_at=at))


def sign_out(session: Session, counter: str, at: datetime) -> None:
    """Close the counter's open sessions (a console that restarted left one open)."""
    open_rows = session.exec(
        select(CounterSession).where(
            CounterSession.counter == counter, col(CounterSession.closed_at).is_(None)
        )
    ).all()
    for row in open_rows:
        row.closed_at = at
        session.add(row)
