"""Satisfaction and complaints over a report's range, read from the after-visit tables
and counted by :mod:`kiosk.reports.feedback`.

- CSAT: every ticket served (done) in the range was asked (the kiosk's "rate a recent
  visit" or the survey after the visit); its score is the survey's (by text or phone)
  where there is one, else the kiosk rating's.
  The dashboard's figures are counted by the database (:func:`csat_counted`);
  :func:`survey_rows` gives the same visits one by one.
- Complaints: the cases *opened* in the range; a rejected case counts as closed
  (resolved) for the time to resolve, and is overdue if it closed after its target.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlmodel import Session, col

from kiosk.db.models import Ticket
from kiosk.db.models_contacts import SurveyAnswerRow
from kiosk.db.models_feedback import ComplaintCase, VisitRating
from kiosk.reports.feedback import (
    ComplaintFigures,
    ComplaintRow,
    CsatFigures,
    SurveyRow,
    complaints,
    csat_of,
)
from kiosk.reports.window import Window
from kiosk.ticket import TicketStatus


def scored(window: Window, staff_id: int | None) -> Any:
    """Per ticket served in the range: its visit, score (None: not answered), staff
    member, service and business day."""
    # looked up per ticket (both by an index on ticket_id), not grouped over all time
    surveyed = (
        select(func.min(col(SurveyAnswerRow.score)))
        .where(
            col(SurveyAnswerRow.ticket_id) == col(Ticket.id),
            col(SurveyAnswerRow.kind) == "score",
        )
        .scalar_subquery()
    )
    rated = (
        select(func.min(col(VisitRating.score)))
        .where(col(VisitRating.ticket_id) == col(Ticket.id))
        .scalar_subquery()
    )
    query: Any = select(
        col(Ticket.visit_id),
        func.coalesce(surveyed, rated).label("score"),
        col(Ticket.staff_id),
        col(Ticket.service_slug),
        col(Ticket.business_day).label("business_day"),
    ).where(
        col(Ticket.business_day) >= window.first,
        col(Ticket.business_day) <= window.last,
        col(Ticket.status) == TicketStatus.DONE,
    )
    if staff_id is not None:
        query = query.where(col(Ticket.staff_id) == staff_id)
    return query


def survey_rows(session: Session, window: Window, staff_id: int | None = None) -> list[SurveyRow]:
    query = scored(window, staff_id)
    return [SurveyRow(v, s, st, svc) for v, s, st, svc, _ in session.execute(query).all()]


def csat_counted(session: Session, window: Window, staff_id: int | None = None) -> CsatFigures:
    """:func:`kiosk.reports.feedback.csat` of :func:`survey_rows`, counted by the
    database (a year of visits is not read row by row)."""
    return csat_of(*csat_counts(session, window, staff_id))


def csat_counts(
    session: Session, window: Window, staff_id: int | None = None
) -> tuple[int, int, int, int]:
    """Visits asked, scores given, the scores' sum and how many were 4–5."""
    rows = scored(window, staff_id).subquery()
    score = rows.c.score
    asked, answered, total, top = session.execute(
        select(
            func.count(),
            func.count(score),
            func.coalesce(func.sum(score), 0),
            func.coalesce(func.sum(case((score >= 4, 1), else_=0)), 0),
        ).select_from(rows)
    ).one()
    return int(asked), int(answered), int(total), int(top)


def complaint_rows(
    session: Session, window: Window, staff_id: int | None = None
) -> list[ComplaintRow]:
    start, end = window.bounds()
    involved = func.coalesce(ComplaintCase.staff_id, Ticket.staff_id)
    query = (
        select(
            ComplaintCase.opened_at,  # type: ignore[call-overload]
            ComplaintCase.resolve_due,
            ComplaintCase.closed_at,
            involved,
        )
        .outerjoin(Ticket, Ticket.id == ComplaintCase.ticket_id)
        .where(ComplaintCase.opened_at >= start, ComplaintCase.opened_at < end)
    )
    if staff_id is not None:  # the person named on the case, else who served the ticket
        query = query.where(involved == staff_id)
    return [ComplaintRow(*row) for row in session.execute(query).all()]


def satisfaction(
    session: Session, window: Window, now: datetime, staff_id: int | None = None
) -> tuple[CsatFigures, ComplaintFigures]:
    return (
        csat_counted(session, window, staff_id),
        complaints(complaint_rows(session, window, staff_id), now),
    )
