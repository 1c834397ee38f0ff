"""Where the after-visit pieces meet: a low survey score opens a complaint case, and a
resolved case is texted to the customer who consented.

The survey (:mod:`kiosk.messenger.replies`, :mod:`kiosk.phone_survey`) and the cases
(:mod:`kiosk.complaints`) know nothing of each other; each takes a hook that runs in
its own transaction. These are those hooks, so that the relay, the admin panel and
the command line wire the same behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session, select

from kiosk.complaints import NotifyResolution, open_case
from kiosk.contacts import SURVEY
from kiosk.db.models import Ticket
from kiosk.db.models_contacts import SurveyAnswerRow
from kiosk.db.models_feedback import ComplaintCase
from kiosk.outbox import enqueue
from kiosk.settings import Settings
from kiosk.visit_reasons import complaint_category

if TYPE_CHECKING:
    from kiosk.messenger.replies import LowScoreHook

RESOLVED_TEMPLATE = "complaint_resolved"


def low_score_opens_a_case(settings: Settings) -> LowScoreHook:
    """A survey score of 1 or 2 opens a case (source ``survey``) for a manager, with the
    score, the reasons and the comment, the ticket and the staff member who served it."""

    def hook(session: Session, answer: SurveyAnswerRow) -> None:
        ticket = session.get(Ticket, answer.ticket_id)
        reasons = list(answer.reasons)
        category = complaint_category(reasons)
        said = [f"{answer.score}/5 ({answer.channel})", ", ".join(reasons), answer.comment or ""]
        open_case(
            session,
            source="survey",
            category=category,
            summary=" · ".join(part for part in said if part),
            ticket_id=ticket.id if ticket is not None else None,
            staff_id=ticket.staff_id if ticket is not None else None,
            now=answer.at,
            kiosk_id=settings.kiosk.id,
            zone=settings.business.zone,
        )

    return hook


def resolution_is_texted(settings: Settings) -> NotifyResolution:
    """A resolved case with a ticket whose customer agreed to be contacted after the
    visit (the survey's consent) is told of the outcome by text; nothing otherwise."""

    def notify(session: Session, case: ComplaintCase) -> None:
        if case.ticket_id is None or case.state != "resolved" or case.closed_at is None:
            return
        ticket = session.exec(select(Ticket).where(Ticket.id == case.ticket_id)).first()
        if ticket is None:
            return
        enqueue(
            session,
            ticket_id=case.ticket_id,
            purpose=SURVEY,
            template=RESOLVED_TEMPLATE,
            params={
                "branch": settings.kiosk.branch_name,
                "reference": case.ticket_code or ticket.code,
                "outcome": case.resolution or "",
            },
            not_before=case.closed_at,
        )

    return notify
