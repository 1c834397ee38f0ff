"""Fuzzed SMS replies: whatever a customer texts back (scores in any script, STOP words,
emoji, control characters, 1,600 characters of anything), the reply is recorded as one
of its kinds, with a score only from 1 to 5, never a traceback, and nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from kiosk.after_visit import low_score_opens_a_case
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.db.models_contacts import ContactRow, OutboxRow
from kiosk.desk import Desk
from kiosk.messenger.replies import read_reply, record_reply
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock

KINDS = {"score", "comment", "stop", "unreadable"}
REPLIES = st.one_of(
    st.text(max_size=1600),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),  # control characters
    st.sampled_from(["1", "5", "０", "２", "6", "3 很好", "STOP", "td", "退订", "退訂。", " 4!!"]),
    st.builds(lambda n, rest: f"{n}{rest}", st.integers(-10, 100), st.text(max_size=40)),
)


@given(REPLIES)
def test_any_text_reads_as_one_kind(text: str) -> None:
    reading = read_reply(text)
    assert reading.kind in KINDS
    assert reading.score is None or 1 <= reading.score <= 5
    assert reading.comment is None or len(reading.comment) <= 500


@pytest.fixture
def sent_survey(
    db: Database, settings: Settings, clock: FakeClock
) -> Iterator[tuple[Database, str]]:
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["lost_card"])
    desk.open_counter("1", staff_id=None)
    ticket = reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).ticket_id
    ContactBook(db, settings, open_contact_key(db, settings), clock).opt_in(
        ticket_id=ticket, typed="91234567", purposes=["survey"], locale="en", notice_version="v"
    )
    desk.call_next("1")
    desk.start(ticket)
    desk.finish(ticket, "served")
    with db.session() as session:
        survey = session.exec(select(OutboxRow)).one()
        survey.status, survey.sent_at = "sent", clock.now
        session.add(survey)
        phone_hash = session.exec(select(ContactRow)).one().phone_hash
        session.commit()
    yield db, phone_hash


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=REPLIES)
def test_any_reply_is_recorded_as_what_it_is(
    sent_survey: tuple[Database, str], settings: Settings, clock: FakeClock, text: str
) -> None:
    db, phone_hash = sent_survey
    with db.session() as session:  # rolled back: every example meets the same open survey
        answer = record_reply(
            session,
            phone_hash=phone_hash,
            text=text,
            at=clock.now,
            on_low_score=low_score_opens_a_case(settings),
        )
        assert answer is not None and answer.kind in KINDS
        assert answer.comment is None or "\x00" not in answer.comment
        session.rollback()
