"""The relay: claims queued texts, sends them through the gateway, records the
outcome, and reads receipts and replies. ``kiosk messenger`` runs it.

At most once: a claimed text is marked ``sending`` and committed *before* it is
handed to the gateway, and marked ``sent`` after the gateway's answer. Only
``queued`` texts are ever claimed, so a relay killed in between leaves the text
``sending``; once its lease has passed, any relay marks it ``unknown`` for staff,
and nobody sends it again. On PostgreSQL several relays claim with
``FOR UPDATE SKIP LOCKED`` and never take the same row; SQLite's ``BEGIN
IMMEDIATE`` serialises the claims.

Before a text goes out the relay checks again that its contact still exists,
that the consent to its purpose stands, and that the number is not on the
do-not-contact list; survey texts wait through the quiet hours.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from kiosk.clock import Clock, utc_now
from kiosk.contact_key import ContactKey
from kiosk.contacts import consented, is_blocked
from kiosk.db.database import Database, DatabaseUnavailable
from kiosk.db.models_contacts import ContactRow, OutboxPartRow, OutboxRow
from kiosk.messenger.gateways import Gateway, GatewayDown, Inbound, Outcome, Outgoing, Submitted
from kiosk.messenger.replies import LowScoreHook, record_reply
from kiosk.outbox import HELD_IN_QUIET_HOURS, SENDING_LEASE, in_quiet_hours
from kiosk.phone import from_gateway
from kiosk.settings import Settings
from kiosk.sms_texts import SmsTexts, SmsTextsError, load_texts

log = logging.getLogger("kiosk.messenger")

BATCH = 20
LEASE = SENDING_LEASE
RETRY_AFTER = timedelta(seconds=30)
MAX_ATTEMPTS = 5
DATABASE_RETRY_SECONDS = 2.0
_FAILED_RECEIPTS = frozenset({"UNDELIV", "EXPIRED", "REJECTD", "DELETED", "UNKNOWN"})


class RateLimit:
    """A token bucket: at most ``per_second`` texts a second, in bursts of one second's."""

    def __init__(self, per_second: float) -> None:
        self.per_second = per_second
        self._tokens = max(per_second, 1.0)
        self._stamp = time.monotonic()

    def available(self) -> int:
        now = time.monotonic()
        self._tokens = min(
            max(self.per_second, 1.0), self._tokens + (now - self._stamp) * self.per_second
        )
        self._stamp = now
        return int(self._tokens)

    def take(self, count: int) -> None:
        self._tokens -= count


@dataclass
class RelayStats:
    sent: int = 0
    failed: int = 0
    unknown: int = 0
    retried: int = 0
    dropped: int = 0
    replies: int = 0
    receipts: int = 0
    reconnects: int = 0
    errors: list[str] = field(default_factory=list)


class Relay:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        gateway: Gateway,
        key: ContactKey,
        *,
        clock: Clock = utc_now,
        on_low_score: LowScoreHook | None = None,
        relay_id: str | None = None,
        texts: SmsTexts | None = None,
        min_backoff: float = 0.5,
    ) -> None:
        self._db, self._settings, self._gateway, self._key = db, settings, gateway, key
        self._clock = clock
        self.on_low_score = on_low_score
        self.relay_id = relay_id or f"{socket.gethostname()}:{os.getpid()}"[:40]
        self._texts = texts or load_texts(settings.sms.texts_file)
        self._rate = RateLimit(settings.sms.rate_per_second)
        self._bound = False
        self._min_backoff = min_backoff
        self._backoff = min_backoff
        self._next_bind = 0.0
        self.stats = RelayStats()

    # -- the loop --------------------------------------------------------------------------
    def run(self, stop: threading.Event, heartbeat: Callable[[], None] | None = None) -> None:
        """Until ``stop`` is set: one step, then a short wait (receipts are read meanwhile);
        ``heartbeat`` after each step (the supervisor's watchdog)."""
        try:
            while not stop.is_set():
                if heartbeat is not None:
                    heartbeat()
                try:
                    busy = self.step(wait=self._settings.sms.poll_seconds)
                except DatabaseUnavailable as exc:  # busy or unreachable: try again soon
                    # (a batch caught between 'sending' and its answer stays 'sending':
                    # unknown for staff, never sent twice)
                    self.stats.errors.append(str(exc)[:200])
                    log.warning("database unavailable: %s", exc)
                    stop.wait(DATABASE_RETRY_SECONDS)
                    continue
                if not busy and not self._bound:
                    stop.wait(self._settings.sms.poll_seconds)
        finally:
            self._gateway.close()

    def step(self, wait: float = 0.0) -> bool:
        """Bind if needed, send one batch, read what came; True when a batch went out."""
        self.expire_stale()
        if not self._ensure_bound():
            return False
        batch = self.claim()
        if batch:
            self._finish(self._send(batch))
        self._take_inbound(0.0 if batch else wait)
        return bool(batch)

    def _ensure_bound(self) -> bool:
        if self._bound:
            return True
        if time.monotonic() < self._next_bind:
            return False
        try:
            self._gateway.open()
        except GatewayDown as exc:
            self._next_bind = time.monotonic() + self._backoff
            self._backoff = min(max(self._backoff * 2, self._min_backoff), 60.0)
            self.stats.errors.append(str(exc))
            log.warning("gateway unavailable (%s); next try in %.1f s", exc, self._backoff)
            return False
        self._bound, self._backoff = True, self._min_backoff
        self.stats.reconnects += 1
        return True

    def _lost(self, why: str) -> None:
        self._bound = False
        self.stats.errors.append(why)
        log.warning("gateway connection lost: %s", why)

    # -- claiming --------------------------------------------------------------------------
    def expire_stale(self) -> int:
        """Texts left ``sending`` by a relay that stopped: ``unknown`` (never re-sent)."""
        cutoff = self._clock() - LEASE
        with self._db.session() as session:
            rows = session.exec(
                select(OutboxRow)
                .where(OutboxRow.status == "sending", col(OutboxRow.claimed_at) < cutoff)
                .with_for_update(skip_locked=True)
            ).all()
            for row in rows:
                row.status, row.detail = "unknown", "the messenger stopped before the answer"
                session.add(row)
            return len(rows)

    def claim(self) -> list[Outgoing]:
        """Mark up to a batch of due texts ``sending`` (committed) and return them."""
        room = min(BATCH, self._rate.available())
        if room <= 0:
            return []
        now = self._clock()
        quiet = in_quiet_hours(now, self._settings)
        batch: list[Outgoing] = []
        with self._db.session() as session:
            query = (
                select(OutboxRow)
                .where(OutboxRow.status == "queued", col(OutboxRow.not_before) <= now)
                .order_by(col(OutboxRow.not_before), col(OutboxRow.id))
                .limit(room)
                .with_for_update(skip_locked=True)
            )
            if quiet:
                query = query.where(col(OutboxRow.purpose).not_in(list(HELD_IN_QUIET_HOURS)))
            for row in session.exec(query).all():
                outgoing = self._prepare(session, row)
                if outgoing is not None:
                    batch.append(outgoing)
                    row.status, row.claimed_by, row.claimed_at = "sending", self.relay_id, now
                    row.attempts += 1
                    row.gateway = self._gateway.name
                session.add(row)
        self._rate.take(len(batch))
        return batch

    def _prepare(self, session: Session, row: OutboxRow) -> Outgoing | None:
        contact = session.get(ContactRow, row.contact_id) if row.contact_id else None
        why = ""
        if contact is None:
            why = "contact purged"
        elif is_blocked(session, contact.phone_hash):
            why = "do not contact"
        elif not consented(session, contact.id or 0, row.purpose):
            why = "consent withdrawn"
        if contact is None or why:
            row.status, row.detail = "dropped", why
            self.stats.dropped += 1
            return None
        try:
            params = {"branch": self._settings.kiosk.branch_name, **row.params}
            row.body = self._texts.render(row.template, contact.locale, params)[:1600]
        except SmsTextsError as exc:  # a template the texts file lacks: never sendable
            row.status, row.detail = "dropped", str(exc)[:200]
            self.stats.dropped += 1
            return None
        return Outgoing(row.id or 0, self._key.decrypt(contact.phone_cipher), row.body)

    # -- sending ---------------------------------------------------------------------------
    def _send(self, batch: Sequence[Outgoing]) -> list[Submitted]:
        results = self._gateway.submit(batch)
        if not self._gateway.is_open():
            details = {r.detail for r in results if r.outcome in (Outcome.UNKNOWN, Outcome.RETRY)}
            self._lost("; ".join(sorted(details))[:200] or "connection lost")
        return results

    def _finish(self, results: Sequence[Submitted]) -> None:
        now = self._clock()
        with self._db.session() as session:
            for result in results:
                row = session.get(OutboxRow, result.outbox_id)
                if row is None:
                    continue
                self._apply(session, row, result, now)

    def _apply(self, session: Session, row: OutboxRow, result: Submitted, now: datetime) -> None:
        row.detail = result.detail or None
        if result.outcome == Outcome.SENT:
            row.status, row.sent_at, row.parts = "sent", now, len(result.ids)
            row.gateway_id = result.ids[-1] if result.ids else None
            for gateway_id in dict.fromkeys(result.ids):
                if session.get(OutboxPartRow, gateway_id) is None:
                    session.add(OutboxPartRow(gateway_id=gateway_id, outbox_id=row.id or 0))
            self.stats.sent += 1
        elif result.outcome == Outcome.RETRY and row.attempts < MAX_ATTEMPTS:
            row.status, row.not_before = "queued", now + RETRY_AFTER * row.attempts
            row.claimed_by = row.claimed_at = None
            self.stats.retried += 1
        elif result.outcome == Outcome.UNKNOWN:
            row.status = "unknown"
            self.stats.unknown += 1
        else:
            row.status = "failed"
            self.stats.failed += 1
        session.add(row)

    # -- what came back --------------------------------------------------------------------
    def _take_inbound(self, wait: float) -> None:
        try:
            inbound = self._gateway.poll(wait)
        except GatewayDown as exc:
            self._lost(str(exc))
            return
        if inbound.receipts or inbound.replies:
            self.take(inbound)

    def take(self, inbound: Inbound) -> None:
        now = self._clock()
        region = self._settings.sms.region
        with self._db.session() as session:
            for receipt in inbound.receipts:
                part = session.get(OutboxPartRow, receipt.gateway_id)
                if part is None:
                    continue
                part.receipt = receipt.state[:16]
                session.add(part)
                row = session.get(OutboxRow, part.outbox_id)
                if row is not None and row.status in ("sent", "delivered", "unknown"):
                    failed = receipt.state in _FAILED_RECEIPTS
                    row.status = "failed" if failed else "delivered"
                    row.detail = f"receipt {receipt.state}"
                    session.add(row)
                self.stats.receipts += 1
            for reply in inbound.replies:
                e164 = from_gateway(reply.sender, region)
                record_reply(
                    session,
                    phone_hash=self._key.digest(e164) if e164 else None,
                    text=reply.text,
                    at=reply.at or now,
                    on_low_score=self.on_low_score,
                )
                self.stats.replies += 1


def run_relay(
    relay: Relay, stop: threading.Event, heartbeat: Callable[[], None] | None = None
) -> int:
    try:
        relay.run(stop, heartbeat)
    except DatabaseUnavailable as exc:
        log.error("database unavailable: %s", exc)
        return 2
    return 0
