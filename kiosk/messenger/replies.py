"""Replies to the survey text, matched to the customer's open survey by the keyed
hash of their number: a score from 1 to 5 (with or without a comment), a comment
alone, STOP (``STOP``, ``TD``, ``退订``, ``退訂``: the number goes on the do-not-contact
list), or something unreadable. Every reply is recorded as what it is.

A score of 1 or 2 calls ``on_low_score(session, answer)`` in the same transaction
(the complaints module opens a case for a manager there).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kiosk.contacts import block
from kiosk.db.models_contacts import ContactRow, OutboxRow, SurveyAnswerRow

STOP_WORDS = frozenset({"STOP", "TD", "UNSUBSCRIBE", "退订", "退訂", "取消訂閱", "取消订阅"})
LOW_SCORE = 2
_SCORE = re.compile(r"^\s*([1-5])(?:\s*(?:/\s*5)?)(?:$|[\s,.;:!。，、！:：-]+(.*))$", re.S)
_LEADING_SCORE = re.compile(r"^\s*[1-5１-５]\s*(?:[/／]\s*[5５])?[\s,.;:!。，、！:：-]*")
_FULL_WIDTH_DIGITS = str.maketrans("１２３４５", "12345")

LowScoreHook = Callable[[Session, SurveyAnswerRow], None]


@dataclass(frozen=True)
class ReadReply:
    kind: str
    """score, comment, stop or unreadable."""
    score: int | None = None
    comment: str | None = None


def _printable(text: str) -> str:
    """Without control characters (a NUL cannot be stored in PostgreSQL text), line
    breaks and tabs kept as spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text if ch not in "\x00")


def read_reply(text: str) -> ReadReply:
    cleaned = unicodedata.normalize("NFKC", text).translate(_FULL_WIDTH_DIGITS).strip()
    if cleaned.upper().strip(" .!。") in STOP_WORDS:
        return ReadReply("stop")
    match = _SCORE.match(cleaned)
    if match:
        comment = _LEADING_SCORE.sub("", text.strip(), count=1).strip() or None
        return ReadReply("score", int(match.group(1)), comment[:500] if comment else None)
    letters = sum(ch.isalpha() for ch in cleaned)
    if letters >= 2 and not cleaned.isdigit():
        return ReadReply("comment", comment=cleaned[:500])
    return ReadReply("unreadable", comment=cleaned[:500] or None)


def open_survey(session: Session, phone_hash: str) -> tuple[ContactRow, OutboxRow] | None:
    """The newest survey text sent to this number whose contact has not answered."""
    row = session.exec(
        select(ContactRow, OutboxRow)
        .join(OutboxRow, col(OutboxRow.contact_id) == col(ContactRow.id))
        .where(
            ContactRow.phone_hash == phone_hash,
            OutboxRow.purpose == "survey",
            OutboxRow.template == "survey",  # not the thanks, nor a complaint's outcome
            col(OutboxRow.status).in_(["sent", "delivered", "unknown"]),
        )
        .order_by(col(OutboxRow.sent_at).desc(), col(OutboxRow.id).desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def record_reply(
    session: Session,
    *,
    phone_hash: str | None,
    text: str,
    at: datetime,
    on_low_score: LowScoreHook | None = None,
) -> SurveyAnswerRow | None:
    """Record one reply; None when it matches no survey (a STOP still blocks the number)."""
    text = _printable(text)
    reading = read_reply(text)
    if phone_hash is None:
        return None
    if reading.kind == "stop":
        block(session, phone_hash, "sms", at)
    survey = open_survey(session, phone_hash)
    if survey is None:
        return None
    contact, message = survey
    scored = session.exec(
        select(SurveyAnswerRow.id).where(
            SurveyAnswerRow.outbox_id == message.id, SurveyAnswerRow.kind == "score"
        )
    ).first()
    if reading.kind == "score" and scored is not None:  # one score per survey
        reading = ReadReply("comment", comment=text.strip()[:500])
    answer = SurveyAnswerRow(
        ticket_id=contact.ticket_id,
        outbox_id=message.id,
        channel="sms",
        kind=reading.kind,
        score=reading.score,
        comment=reading.comment,
        at=at,
    )
    session.add(answer)
    if reading.kind != "unreadable":  # answered: off the phone survey's list
        contact.survey_closed = True
        session.add(contact)
    session.flush()
    if (
        on_low_score is not None
        and reading.score is not None
        and reading.score <= LOW_SCORE
        and answer.kind == "score"
    ):
        on_low_score(session, answer)
    return answer
