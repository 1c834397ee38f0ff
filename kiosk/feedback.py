""" "Rate a recent visit" at the kiosk: the customer names their ticket (typed code or the
reference in its QR code), gives 1–5 and the reasons that applied. One rating per
ticket; tickets from earlier days are accepted while the visit is kept (the retention
period). A score of 2 or less opens a complaint case for a manager, in the same
transaction as the rating. Messages are msgids for ``loc.tr``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from kiosk import visit_reasons
from kiosk.branch_service import BranchService
from kiosk.branch_settings import stored_or_default
from kiosk.complaint_rules import CaseSource
from kiosk.complaints import open_case
from kiosk.db.models import Ticket
from kiosk.db.models_feedback import VisitRating
from kiosk.i18n import N_
from kiosk.ticket import TicketStatus

SCORES = (1, 2, 3, 4, 5)
#: A score at or below this opens a complaint case.
LOW_SCORE = 2
_CODE = re.compile(r"^[A-Z]{1,2}\d{3,4}$")
_REFERENCE = re.compile(r"^\d{8}-[A-Z]{1,2}\d{3,4}-[0-9a-f]{8}$")


class FeedbackError(ValueError):
    """The rating cannot be taken; ``message`` is a msgid, ``params`` fill it."""

    def __init__(self, message: str, **params: str) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params) if params else message)


@dataclass(frozen=True)
class RatableTicket:
    reference: str
    code: str
    business_day: date
    service_slug: str


@dataclass(frozen=True)
class RatingResult:
    rating_id: int
    case_id: int | None
    """The complaint case a low score opened."""


def is_reference(text: str) -> bool:
    """Whether ``text`` has the shape of a ticket's reference (what its QR code holds)."""
    return _REFERENCE.match(text.strip()) is not None


def normalise_code(text: str) -> str:
    return "".join(text.split()).upper()


class Ratings(BranchService):
    def find(self, typed: str) -> RatableTicket:
        """The ticket a customer means: a reference (from the QR code) or a code such as
        ``A023``, the most recent served one of that code within the retention period."""
        with self._db.session() as session:
            return self._ratable(session, self._find(session, typed))

    def _find(self, session: Session, typed: str) -> Ticket:
        text = typed.strip()
        if is_reference(text):
            ticket = session.exec(select(Ticket).where(Ticket.reference == text)).first()
            if ticket is None:
                raise FeedbackError(N_("We cannot find this ticket. It may be too old to rate."))
            return ticket
        code = normalise_code(text)
        if not _CODE.match(code):
            raise FeedbackError(
                N_("Type the ticket number as printed, a letter and three digits, e.g. A023.")
            )
        first_day = self._today() - timedelta(
            days=int(stored_or_default(session, "retention_days"))
        )
        tickets = session.exec(
            select(Ticket)
            .where(Ticket.code == code, col(Ticket.business_day) >= first_day)
            .order_by(col(Ticket.business_day).desc(), col(Ticket.id).desc())
        ).all()
        served = [t for t in tickets if t.status == TicketStatus.DONE]
        if served:
            return served[0]
        if tickets:
            raise FeedbackError(
                N_("Ticket {code} has not been served yet. You can rate it after your visit."),
                code=code,
            )
        raise FeedbackError(N_("We cannot find ticket {code}. Please check the number."), code=code)

    @staticmethod
    def _ratable(session: Session, ticket: Ticket) -> RatableTicket:
        if ticket.status != TicketStatus.DONE:
            raise FeedbackError(
                N_("Ticket {code} has not been served yet. You can rate it after your visit."),
                code=ticket.code,
            )
        rated = session.exec(
            select(VisitRating.id).where(VisitRating.ticket_reference == ticket.reference)
        ).first()
        if rated is not None:
            raise FeedbackError(
                N_("Ticket {code} has already been rated. Thank you!"), code=ticket.code
            )
        return RatableTicket(
            ticket.reference, ticket.code, ticket.business_day, ticket.service_slug
        )

    def rate(self, reference: str, score: int, reasons: tuple[str, ...] = ()) -> RatingResult:
        """Store the rating (once per ticket); a low score opens a case with it."""
        if score not in SCORES:
            raise FeedbackError(N_("Choose a score from 1 to 5."))
        chosen = visit_reasons.chosen(reasons)
        now = self._clock()
        with self._db.session() as session:
            ticket = session.exec(select(Ticket).where(Ticket.reference == reference)).first()
            if ticket is None:
                raise FeedbackError(N_("We cannot find this ticket. It may be too old to rate."))
            self._ratable(session, ticket)
            row = VisitRating(
                ticket_reference=ticket.reference,
                ticket_id=ticket.id,
                ticket_code=ticket.code,
                business_day=ticket.business_day,
                service_slug=ticket.service_slug,
                staff_id=ticket.staff_id,
                score=score,
                reasons=chosen,
                rated_at=now,
                kiosk_id=self._settings.kiosk.id,
            )
            if score <= LOW_SCORE:
                category = visit_reasons.complaint_category(chosen)
                case = open_case(
                    session,
                    source=CaseSource.KIOSK_RATING,
                    category=category,
                    summary=f"{score}/5 " + (", ".join(chosen) or "-"),
                    ticket_id=ticket.id,
                    now=now,
                    kiosk_id=self._settings.kiosk.id,
                    zone=self._settings.business.zone,
                )
                row.case_id = case.id
            session.add(row)
            try:
                session.flush()
            except IntegrityError:  # another kiosk rated it a moment ago: all rolls back
                raise FeedbackError(
                    N_("Ticket {code} has already been rated. Thank you!"), code=ticket.code
                ) from None
            return RatingResult(row.id or 0, row.case_id)
