"""The SMS outbox: texts are written in the transaction of the event that causes
them, and ``kiosk messenger`` sends them (:mod:`kiosk.messenger`).

- A ticket called: every waiting customer who asked to be told now has at most
  ``sms.turn_near_people`` people ahead or ``sms.turn_near_minutes`` to wait gets
  "your turn is near" (once).
- A ticket finished: the survey, ``sms.survey_delay_minutes`` later, held until the
  end of the quiet hours when it would fall inside them.
- Anything else (a complaint resolved…): :func:`enqueue`.

Nothing is queued without the customer's consent to the purpose. The do-not-contact
list is checked again when the text is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from kiosk.contacts import SURVEY, TURN_NEAR, consented, contact_for_ticket, visit_ended
from kiosk.db.database import Database
from kiosk.db.models import ServiceRow, Ticket
from kiosk.db.models_contacts import ContactRow, OutboxRow
from kiosk.estimates import average_service_minutes, open_counters_for, wait_minutes
from kiosk.settings import Settings, SmsSection
from kiosk.ticket import TicketStatus

#: Purposes whose texts wait for the end of the quiet hours.
HELD_IN_QUIET_HOURS = frozenset({SURVEY})
SENDING_LEASE = timedelta(seconds=60)
"""A text ``sending`` for longer than this belongs to a messenger that stopped: unknown."""


@dataclass(frozen=True)
class MessageEntry:
    """One text as staff see it: what, for which ticket, where it is; never the number."""

    outbox_id: int
    created_at: datetime
    ticket_id: int | None
    purpose: str
    template: str
    status: str
    """queued, sending, sent, delivered, failed, unknown or dropped."""
    sent_at: datetime | None
    attempts: int
    detail: str
    body: str


def recent_messages(db: Database, now: datetime, limit: int = 200) -> list[MessageEntry]:
    """The newest texts first; one stuck in ``sending`` past the lease shows as unknown."""
    with db.session() as session:
        rows = session.exec(select(OutboxRow).order_by(col(OutboxRow.id).desc()).limit(limit)).all()
    entries = []
    for r in rows:
        stuck = r.status == "sending" and r.claimed_at is not None
        status = "unknown" if stuck and now - (r.claimed_at or now) > SENDING_LEASE else r.status
        entries.append(
            MessageEntry(
                outbox_id=r.id or 0,
                created_at=r.created_at,
                ticket_id=r.ticket_id,
                purpose=r.purpose,
                template=r.template,
                status=status,
                sent_at=r.sent_at,
                attempts=r.attempts,
                detail=r.detail or "",
                body=r.body or "",
            )
        )
    return entries


def enqueue(
    session: Session,
    *,
    ticket_id: int,
    purpose: str,
    template: str,
    params: Mapping[str, Any],
    not_before: datetime,
    created_at: datetime | None = None,
) -> int | None:
    """Queue a text to the customer of ``ticket_id`` inside the caller's transaction.

    Returns the outbox id, or None when the customer left no number or did not consent
    to ``purpose`` (nothing is queued then). ``template`` names a text of
    :mod:`kiosk.sms_texts`, filled with ``params`` in the customer's language when it is
    sent (``{branch}`` is the branch's name unless ``params`` give one)."""
    contact = contact_for_ticket(session, ticket_id)
    if contact is None or contact.id is None or not consented(session, contact.id, purpose):
        return None
    row = OutboxRow(
        contact_id=contact.id,
        ticket_id=ticket_id,
        purpose=purpose,
        template=template,
        params=dict(params),
        created_at=created_at or not_before,
        not_before=not_before,
    )
    session.add(row)
    session.flush()
    return row.id


def _clock_time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(moment: datetime, settings: Settings) -> bool:
    local = moment.astimezone(settings.business.zone).time()
    start, end = _clock_time(settings.sms.quiet_start), _clock_time(settings.sms.quiet_end)
    if start == end:
        return False
    return start <= local or local < end if start > end else start <= local < end


def after_quiet_hours(moment: datetime, settings: Settings) -> datetime:
    """``moment``, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(moment, settings):
        return moment
    zone = settings.business.zone
    local = moment.astimezone(zone)
    end = _clock_time(settings.sms.quiet_end)
    day = local.date() if local.time() < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=zone).astimezone(moment.tzinfo)


def on_queue_event(
    session: Session, ticket: Ticket, kind: str, at: datetime, settings: Settings
) -> None:
    """The counters' hook: called in the transaction of every queue change."""
    if kind == "called":
        _turn_near(session, ticket, at, settings)
    elif kind == "finished":
        visit_ended(session, ticket.id or 0, at, settings.sms.contact_retention_days)
        _survey(session, ticket, at, settings)
    elif kind == "no_show":
        visit_ended(session, ticket.id or 0, at, settings.sms.contact_retention_days)


def _branch(settings: Settings) -> dict[str, str]:
    return {"branch": settings.kiosk.branch_name}


def _survey(session: Session, ticket: Ticket, at: datetime, settings: Settings) -> None:
    sms: SmsSection = settings.sms
    when = after_quiet_hours(at + timedelta(minutes=sms.survey_delay_minutes), settings)
    enqueue(
        session,
        ticket_id=ticket.id or 0,
        purpose=SURVEY,
        template="survey",
        params={**_branch(settings), "code": ticket.code},
        not_before=when,
        created_at=at,
    )


def _turn_near(session: Session, called: Ticket, at: datetime, settings: Settings) -> None:
    """Tell each waiting customer of the called ticket's queue whose turn is now near."""
    sms = settings.sms
    waiting = session.exec(
        select(Ticket, ContactRow)
        .join(ContactRow, col(ContactRow.ticket_id) == col(Ticket.id))
        .where(
            Ticket.business_day == called.business_day,
            Ticket.service_slug == called.service_slug,
            Ticket.status == TicketStatus.WAITING,
            col(ContactRow.turn_near_sent).is_(False),
        )
    ).all()
    if not waiting:
        return
    queue = session.exec(
        select(Ticket.id)
        .where(
            Ticket.business_day == called.business_day,
            Ticket.service_slug == called.service_slug,
            Ticket.status == TicketStatus.WAITING,
        )
        .order_by(col(Ticket.issued_at), col(Ticket.id))
    ).all()
    position = {ticket_id: index for index, ticket_id in enumerate(queue)}
    service = session.get(ServiceRow, called.service_slug)
    average = average_service_minutes(
        session,
        called.service_slug,
        service.average_minutes if service else 10,
        settings.queue.average_samples,
    )
    counters = open_counters_for(session, called.service_slug)
    for ticket, contact in waiting:
        ahead = position.get(ticket.id or 0, 0)
        minutes = wait_minutes(ahead, average, counters)
        if ahead > sms.turn_near_people and minutes > sms.turn_near_minutes:
            continue
        queued = enqueue(
            session,
            ticket_id=ticket.id or 0,
            purpose=TURN_NEAR,
            template="turn_near",
            params={**_branch(settings), "code": ticket.code, "ahead": ahead},
            not_before=at,
            created_at=at,
        )
        if queued is not None:
            contact.turn_near_sent = True
            session.add(contact)
