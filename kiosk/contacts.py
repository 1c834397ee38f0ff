"""A customer's phone number, only with their consent, and protected at rest.

The kiosk calls :meth:`ContactBook.opt_in` with what the customer typed on the
keypad, the purposes they chose (separately: ``turn_near``, ``survey``) and the
version of the collection notice they were shown. The number is normalised to
E.164, stored encrypted with its keyed hash (:mod:`kiosk.contact_key`), and a
consent record keeps when, which purposes, which notice and which kiosk.

Staff see numbers masked; :meth:`ContactBook.reveal` shows one in full and is
audited. Withdrawal (a STOP reply, or a staff action) puts the hash on the
do-not-contact list that every send checks. :meth:`ContactBook.purge` deletes
contacts and consents past their own retention period (from the visit's end).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from kiosk import audit
from kiosk.access import Actor, StaffMember, require_signed_in
from kiosk.clock import Clock, utc_now
from kiosk.contact_key import WRONG_KEY, ContactKey, ContactKeyError, load_contact_key
from kiosk.db.database import Database
from kiosk.db.models import Ticket
from kiosk.db.models_contacts import ConsentRow, ContactRow, DoNotContactRow, OutboxRow
from kiosk.i18n import N_
from kiosk.phone import PhoneRejected, mask, normalise
from kiosk.settings import Settings

TURN_NEAR = "turn_near"
SURVEY = "survey"
PURPOSES = (TURN_NEAR, SURVEY)


class ConsentRejected(ValueError):
    """An opt-in that cannot be recorded; ``message`` is a msgid."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class ContactView:
    """A contact as a screen may show it: never the number itself."""

    contact_id: int
    ticket_id: int
    masked: str
    purposes: tuple[str, ...]
    locale: str


def open_contact_key(db: Database, settings: Settings) -> ContactKey:
    """The contacts' key for ``db``: made only while the database holds no contact;
    refused (:class:`ContactKeyError`) when missing, unreadable or not this database's."""
    with db.session() as session:
        newest = session.exec(
            select(ContactRow.phone_cipher).order_by(col(ContactRow.id).desc()).limit(1)
        ).first()
    key = load_contact_key(settings.sms.key_path(settings.kiosk.data_dir), newest is None)
    if newest is not None:
        try:
            key.decrypt(newest)
        except ContactKeyError:
            raise ContactKeyError(WRONG_KEY, key.path) from None
    return key


def is_blocked(session: Session, phone_hash: str) -> bool:
    return session.get(DoNotContactRow, phone_hash) is not None


def block(session: Session, phone_hash: str, source: str, at: datetime) -> None:
    """Put a number on the do-not-contact list and drop what is queued for it."""
    if session.get(DoNotContactRow, phone_hash) is None:
        session.add(DoNotContactRow(phone_hash=phone_hash, at=at, source=source))
    contacts = session.exec(select(ContactRow).where(ContactRow.phone_hash == phone_hash)).all()
    for contact in contacts:
        contact.survey_closed = True
        session.add(contact)
        for consent in session.exec(
            select(ConsentRow).where(
                ConsentRow.contact_id == contact.id, col(ConsentRow.withdrawn_at).is_(None)
            )
        ):
            consent.withdrawn_at = at
            session.add(consent)
    _drop_queued(session, [c.id for c in contacts if c.id is not None], "do not contact")


def _drop_queued(session: Session, contact_ids: Iterable[int], why: str) -> None:
    ids = list(contact_ids)
    if not ids:
        return
    for row in session.exec(
        select(OutboxRow).where(col(OutboxRow.contact_id).in_(ids), OutboxRow.status == "queued")
    ):
        row.status, row.detail = "dropped", why
        session.add(row)


def consented(session: Session, contact_id: int, purpose: str) -> bool:
    rows = session.exec(
        select(ConsentRow.purposes).where(
            ConsentRow.contact_id == contact_id, col(ConsentRow.withdrawn_at).is_(None)
        )
    ).all()
    return any(purpose in purposes for purposes in rows)


def contact_for_ticket(session: Session, ticket_id: int) -> ContactRow | None:
    return session.exec(
        select(ContactRow)
        .where(ContactRow.ticket_id == ticket_id)
        .order_by(col(ContactRow.id).desc())
        .limit(1)
    ).first()


def visit_ended(session: Session, ticket_id: int, at: datetime, retention_days: int) -> None:
    """The retention period of the ticket's contact runs from now."""
    contact = contact_for_ticket(session, ticket_id)
    if contact is not None:
        contact.visit_ended_at = at
        contact.purge_after = at + timedelta(days=retention_days)
        session.add(contact)


class ContactBook:
    def __init__(
        self, db: Database, settings: Settings, key: ContactKey, clock: Clock = utc_now
    ) -> None:
        self._db = db
        self._settings = settings
        self._key = key
        self._clock = clock

    @property
    def settings(self) -> Settings:
        return self._settings

    def opt_in(
        self,
        *,
        ticket_id: int,
        typed: str,
        purposes: Iterable[str],
        locale: str,
        notice_version: str,
    ) -> ContactView:
        """Record the number and the consent; :class:`PhoneRejected` for a wrong number,
        :class:`ConsentRejected` when no purpose was chosen."""
        chosen = tuple(p for p in PURPOSES if p in set(purposes))
        if not chosen:
            raise ConsentRejected(N_("Choose at least one of the two purposes."))
        e164 = normalise(typed, self._settings.sms.region)
        now = self._clock()
        kiosk_id = self._settings.kiosk.id
        days = self._settings.sms.contact_retention_days
        with self._db.session() as session:
            if session.get(Ticket, ticket_id) is None:
                raise ConsentRejected(N_("This ticket no longer exists."))
            contact = ContactRow(
                ticket_id=ticket_id,
                locale=locale,
                phone_cipher=self._key.encrypt(e164),
                phone_hash=self._key.digest(e164),
                kiosk_id=kiosk_id,
                created_at=now,
                purge_after=now + timedelta(days=days),
            )
            session.add(contact)
            session.flush()
            assert contact.id is not None  # flushed
            session.add(
                ConsentRow(
                    contact_id=contact.id,
                    at=now,
                    purposes=list(chosen),
                    notice_version=notice_version,
                    kiosk_id=kiosk_id,
                )
            )
            return ContactView(contact.id, ticket_id, mask(e164), chosen, locale)

    def number(self, contact: ContactRow) -> str:
        """The E.164 number, for the messenger (never shown, never logged)."""
        return self._key.decrypt(contact.phone_cipher)

    def digest(self, e164: str) -> str:
        return self._key.digest(e164)

    def masked(self, contact_id: int) -> str:
        with self._db.session() as session:
            contact = self._contact(session, contact_id)
            return mask(self._key.decrypt(contact.phone_cipher))

    @staticmethod
    def _contact(session: Session, contact_id: int) -> ContactRow:
        contact = session.get(ContactRow, contact_id)
        if contact is None:
            raise ConsentRejected(N_("This contact has been deleted."))
        return contact

    def reveal(self, actor: StaffMember, contact_id: int, why: str = "phone survey") -> str:
        """The whole number, for a staff member about to call; audited."""
        with self._db.session() as session:
            require_signed_in(actor, session)
            contact = self._contact(session, contact_id)
            number = self._key.decrypt(contact.phone_cipher)
            audit.append(
                session,
                at=self._clock(),
                kiosk_id=self._settings.kiosk.id,
                actor=actor.actor,
                action="contact.reveal",
                target=f"contact {contact_id}",
                detail={"ticket_id": contact.ticket_id, "why": why, "shown": mask(number)},
            )
            return number

    def withdraw(self, actor: StaffMember, contact_id: int, source: str = "staff") -> None:
        """The customer asked staff not to be contacted again: do-not-contact, audited."""
        with self._db.session() as session:
            require_signed_in(actor, session)
            contact = self._contact(session, contact_id)
            now = self._clock()
            block(session, contact.phone_hash, source, now)
            audit.append(
                session,
                at=now,
                kiosk_id=self._settings.kiosk.id,
                actor=actor.actor,
                action="contact.withdraw",
                target=f"contact {contact_id}",
                detail={"ticket_id": contact.ticket_id, "source": source},
            )

    def purge(self, actor: Actor) -> int:
        """Delete contacts and consents past their retention period; returns the count."""
        now = self._clock()
        with self._db.session() as session:
            old = session.exec(select(ContactRow.id).where(col(ContactRow.purge_after) < now)).all()
            ids = [i for i in old if i is not None]
            if ids:
                _drop_queued(session, ids, "contact purged")
                session.execute(delete(ConsentRow).where(col(ConsentRow.contact_id).in_(ids)))
                session.execute(delete(ContactRow).where(col(ContactRow.id).in_(ids)))
            audit.append(
                session,
                at=now,
                kiosk_id=self._settings.kiosk.id,
                actor=actor,
                action="retention.purge",
                target="contacts",
                detail={
                    "older_than_days": self._settings.sms.contact_retention_days,
                    "contacts": len(ids),
                },
            )
        return len(ids)


__all__ = [
    "PURPOSES",
    "SURVEY",
    "TURN_NEAR",
    "ConsentRejected",
    "ContactBook",
    "ContactView",
    "PhoneRejected",
    "open_contact_key",
]
