"""The phone survey: staff call consenting customers who did not answer the text.

The list holds visits that ended at least ``sms.call_after_hours`` ago whose
customer consented to the survey, has not answered (by text or phone), is not on
the do-not-contact list and was called fewer than ``sms.call_max_attempts`` times;
oldest first. Numbers are masked; :meth:`ContactBook.reveal` shows one (audited).
Each call's outcome is recorded and audited: an answer (score, reasons, comment),
no answer (tried again later), declined, or do not contact. Managers export the
list as CSV (audited).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TextIO

from sqlmodel import Session, col, select

from kiosk import visit_reasons
from kiosk.access import StaffMember, require_manager, require_signed_in
from kiosk.branch_service import BranchService
from kiosk.clock import Clock, utc_now
from kiosk.contact_key import ContactKey
from kiosk.contacts import SURVEY, block, consented
from kiosk.db.database import Database
from kiosk.db.models import Ticket
from kiosk.db.models_contacts import ContactRow, DoNotContactRow, SurveyAnswerRow
from kiosk.i18n import N_
from kiosk.messenger.replies import LOW_SCORE, LowScoreHook
from kiosk.phone import mask
from kiosk.settings import Settings
from kiosk.ticket import TicketStatus


class CallOutcome(StrEnum):
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    DECLINED = "declined"
    DO_NOT_CONTACT = "do_not_contact"


class CallRejected(ValueError):
    """A call record that cannot be kept; ``message`` is a msgid."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class CallEntry:
    contact_id: int
    ticket_id: int
    code: str
    service_slug: str
    visit_ended_at: datetime
    masked: str
    attempts: int
    locale: str


CSV_COLUMNS = ("ticket", "service", "visit_ended", "number", "attempts", "language")


class PhoneSurvey(BranchService):
    def __init__(
        self,
        db: Database,
        settings: Settings,
        key: ContactKey,
        clock: Clock = utc_now,
        on_low_score: LowScoreHook | None = None,
    ) -> None:
        super().__init__(db, settings, clock)
        self._key = key
        self.on_low_score = on_low_score

    def call_list(self, actor: StaffMember, limit: int = 200) -> list[CallEntry]:
        with self._db.session() as session:
            require_signed_in(actor, session)
            return self._list(session, limit)

    def _list(self, session: Session, limit: int) -> list[CallEntry]:
        sms = self._settings.sms
        ended_before = self._clock() - timedelta(hours=sms.call_after_hours)
        blocked = select(DoNotContactRow.phone_hash)
        rows = session.exec(
            select(ContactRow, Ticket)
            .join(Ticket, col(Ticket.id) == col(ContactRow.ticket_id))
            .where(
                Ticket.status == TicketStatus.DONE,  # served: a no-show is not surveyed
                col(ContactRow.visit_ended_at).is_not(None),
                col(ContactRow.visit_ended_at) <= ended_before,
                col(ContactRow.survey_closed).is_(False),
                col(ContactRow.call_attempts) < sms.call_max_attempts,
                col(ContactRow.phone_hash).not_in(blocked),
            )
            .order_by(col(ContactRow.visit_ended_at), col(ContactRow.id))
        ).all()
        entries: list[CallEntry] = []
        for contact, ticket in rows:
            if not consented(session, contact.id or 0, SURVEY):
                continue
            entries.append(
                CallEntry(
                    contact_id=contact.id or 0,
                    ticket_id=ticket.id or 0,
                    code=ticket.code,
                    service_slug=ticket.service_slug,
                    visit_ended_at=contact.visit_ended_at or contact.created_at,
                    masked=mask(self._key.decrypt(contact.phone_cipher)),
                    attempts=contact.call_attempts,
                    locale=contact.locale,
                )
            )
            if len(entries) >= limit:
                break
        return entries

    def record(
        self,
        actor: StaffMember,
        contact_id: int,
        outcome: CallOutcome,
        *,
        score: int | None = None,
        reasons: Sequence[str] = (),
        comment: str | None = None,
    ) -> SurveyAnswerRow:
        if outcome == CallOutcome.ANSWERED and (score is None or not 1 <= score <= 5):
            raise CallRejected(N_("Choose the customer's score from 1 to 5."))
        try:
            chosen = visit_reasons.chosen(reasons)
        except ValueError:
            raise CallRejected(N_("Choose reasons from the list.")) from None
        now = self._clock()
        text = (comment or "").strip()[:500] or None
        with self._db.session() as session:
            require_signed_in(actor, session)
            contact = session.get(ContactRow, contact_id)
            if contact is None:
                raise CallRejected(N_("This contact has been deleted."))
            contact.call_attempts += 1
            contact.last_call_at = now
            if outcome != CallOutcome.NO_ANSWER:
                contact.survey_closed = True
            session.add(contact)
            if outcome == CallOutcome.DO_NOT_CONTACT:
                block(session, contact.phone_hash, "phone", now)
            answer = SurveyAnswerRow(
                ticket_id=contact.ticket_id,
                channel="phone",
                kind="score" if outcome == CallOutcome.ANSWERED else str(outcome),
                score=score if outcome == CallOutcome.ANSWERED else None,
                reasons=chosen,
                comment=text,
                at=now,
                staff_id=actor.id,
            )
            session.add(answer)
            session.flush()
            self._audit(
                session,
                actor.actor,
                "survey.call",
                f"contact {contact_id}",
                {"ticket_id": contact.ticket_id, "outcome": str(outcome), "score": score},
                at=now,
            )
            low = answer.score is not None and answer.score <= LOW_SCORE
            if self.on_low_score is not None and low:
                self.on_low_score(session, answer)
            return answer

    def export_csv(self, actor: StaffMember, out: TextIO) -> int:
        """The call list as CSV (numbers masked), for managers; audited."""
        zone = self._settings.business.zone
        with self._db.session() as session:
            require_manager(actor, session)
            entries = self._list(session, limit=100_000)
            lines = [
                [
                    e.code,
                    e.service_slug,
                    e.visit_ended_at.astimezone(zone).isoformat(),
                    e.masked,
                    e.attempts,
                    e.locale,
                ]
                for e in entries
            ]
            return self._export_csv(
                session, actor, out, CSV_COLUMNS, lines, action="survey.export", target="call list"
            )
