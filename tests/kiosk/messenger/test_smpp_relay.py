"""The relay against a real SMPP peer on 127.0.0.1 (``smpp34``'s SMSC): what reaches
it, receipts and replies, and failures (refused binds, dropped binds, error answers)
where nothing is lost and nothing goes twice."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import Session, col, select

from kiosk.db.database import Database
from kiosk.db.models_contacts import DoNotContactRow, OutboxRow, SurveyAnswerRow
from kiosk.desk import Desk
from kiosk.messenger.relay import Relay
from kiosk.outbox import enqueue
from kiosk.reception import Reception
from kiosk.settings import Settings
from kiosk.sms_texts import load_texts
from tests.helpers.clock import FakeClock
from tests.helpers.smsc import ACCEPT, HOLD, RefusingSmsc, Smsc
from tests.kiosk.messenger.conftest import Customer, numbers, queue

ESME_RINVDSTADR = 0x0B
ESME_RMSGQFUL = 0x14


def statuses(db: Database) -> dict[int, str]:
    with db.session() as session:
        return {r.id or 0: r.status for r in session.exec(select(OutboxRow))}


def run_until(relay: Relay, done: object, steps: int = 200) -> None:
    for _ in range(steps):
        relay.step(wait=0.05)
        if callable(done) and done():
            return
    raise AssertionError("the relay did not get there")


def test_a_customer_gets_turn_near_and_a_survey_in_their_language(
    db: Database,
    settings: Settings,
    smsc: Smsc,
    relay: Relay,
    customer: Customer,
    clock: FakeClock,
) -> None:
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["lost_card"])
    desk.open_counter("1", staff_id=None)
    first = customer("91234567", locale="zh_Hant")
    second = customer("+8613800138000", locale="en")
    desk.call_next("1")  # the first is called: the second is next
    run_until(relay, lambda: len(smsc.texts()) == 1)
    desk.start(first)
    desk.finish(first, "served")
    clock.advance(minutes=settings.sms.survey_delay_minutes)
    run_until(relay, lambda: len(smsc.texts()) == 2)
    texts = load_texts()
    turn_near = texts.render("turn_near", "en", {"branch": "Riverside", "code": "L002", "ahead": 0})
    survey = texts.render("survey", "zh_Hant", {"branch": "Riverside"})
    assert smsc.texts() == [("8613800138000", turn_near), ("85291234567", survey)]
    (chinese,) = [s for s in smsc.submits if s.destination == "85291234567"]
    assert chinese.data_coding == 8  # UCS-2
    assert second  # (its survey waits for its own visit to end)


def test_a_long_chinese_text_goes_in_concatenated_parts(
    db: Database, smsc: Smsc, relay: Relay, customer: Customer, clock: FakeClock
) -> None:
    outcome = "我们已核实您反映的情况，并已为您更正账户资料。" * 4
    queue(
        db,
        customer("91234567", locale="zh_Hans"),
        clock,
        "complaint_resolved",
        reference="C-0042",
        outcome=outcome,
    )
    run_until(relay, lambda: len(smsc.texts()) == 1)
    parts = smsc.submits
    assert len(parts) >= 2 and all(p.data_coding == 8 and p.esm_class & 0x40 for p in parts)
    expected = load_texts().render(
        "complaint_resolved",
        "zh_Hans",
        {"branch": "Riverside", "reference": "C-0042", "outcome": outcome},
    )
    assert smsc.texts() == [("85291234567", expected)]


def test_receipts_mark_texts_delivered_or_failed(
    db: Database, smsc: Smsc, relay: Relay, customer: Customer, clock: FakeClock
) -> None:
    ids = [queue(db, customer(n), clock) for n in numbers(2)]
    run_until(relay, lambda: len(smsc.texts()) == 2)
    smsc.receipt(smsc.submits[0].message_id or "", "DELIVRD")
    smsc.receipt(smsc.submits[1].message_id or "", "UNDELIV")
    run_until(relay, lambda: statuses(db)[ids[1]] == "failed")
    assert statuses(db) == {ids[0]: "delivered", ids[1]: "failed"}


def _sent_survey(
    db: Database, smsc: Smsc, relay: Relay, customer: Customer, clock: FakeClock, number: str
) -> int:
    ticket = customer(number)
    queue(db, ticket, clock)
    before = len(smsc.texts())
    run_until(relay, lambda: len(smsc.texts()) == before + 1)
    return ticket


def test_replies_are_matched_by_the_number_and_recorded(
    db: Database,
    settings: Settings,
    smsc: Smsc,
    key: object,
    customer: Customer,
    clock: FakeClock,
) -> None:
    from kiosk.contacts import open_contact_key
    from kiosk.messenger.gateways import gateway_for

    low: list[tuple[int, int | None]] = []

    def on_low_score(session: Session, answer: SurveyAnswerRow) -> None:
        low.append((answer.ticket_id, answer.score))

    relay = Relay(
        db,
        settings,
        gateway_for(settings),
        open_contact_key(db, settings),
        clock=clock,
        on_low_score=on_low_score,
        min_backoff=0,
    )
    a, b, c, d, e = numbers(5)
    tickets = [_sent_survey(db, smsc, relay, customer, clock, n) for n in (a, b, c, d, e)]
    smsc.deliver(f"852{a}", "2")
    smsc.deliver(f"852{b}", "5 很好，谢谢")
    smsc.deliver(f"852{c}", "STOP")
    smsc.deliver(f"852{d}", "??!!")
    smsc.deliver(f"852{e}", "退订")
    smsc.deliver("85290000000", "4")  # nobody we surveyed
    run_until(relay, lambda: relay.stats.replies == 6)
    with db.session() as session:
        answers = {
            r.ticket_id: (r.kind, r.score, r.comment) for r in session.exec(select(SurveyAnswerRow))
        }
        blocked = len(session.exec(select(DoNotContactRow)).all())
    assert answers == {
        tickets[0]: ("score", 2, None),
        tickets[1]: ("score", 5, "很好，谢谢"),
        tickets[2]: ("stop", None, None),
        tickets[3]: ("unreadable", None, "??!!"),
        tickets[4]: ("stop", None, None),
    }
    assert low == [(tickets[0], 2)] and blocked == 2
    # a do-not-contact number is never texted again
    with db.session() as session:  # withdrawn: nothing more can be queued for that visit
        assert (
            enqueue(
                session,
                ticket_id=tickets[2],
                purpose="survey",
                template="survey",
                params={},
                not_before=clock.now,
            )
            is None
        )
    later = queue(db, customer(c), clock)  # a later visit with the same number: held at send
    sent = len(smsc.submits)
    relay.step()
    assert statuses(db)[later] == "dropped" and len(smsc.submits) == sent
    relay._gateway.close()


def test_refused_binds_lose_nothing_and_the_relay_recovers(
    db: Database,
    settings: Settings,
    relay: Relay,
    customer: Customer,
    clock: FakeClock,
    smsc: Smsc,
) -> None:
    smsc.stop()
    refusing = RefusingSmsc(smsc.port)
    ids = [queue(db, customer(n), clock) for n in numbers(3)]
    try:
        for _ in range(3):
            relay.step()
        assert refusing.attempts >= 2
        assert set(statuses(db).values()) == {"queued"}
    finally:
        refusing.close()
    smsc.start()
    run_until(relay, lambda: len(smsc.texts()) == 3)
    assert set(statuses(db).values()) == {"sent"} and set(statuses(db)) == set(ids)


def test_error_answers_fail_or_retry_never_twice(
    db: Database, smsc: Smsc, relay: Relay, customer: Customer, clock: FakeClock
) -> None:
    wrong, busy, fine = numbers(3)
    smsc.answer = lambda s: (
        ESME_RINVDSTADR
        if s.destination.endswith(wrong)
        else ESME_RMSGQFUL
        if s.destination.endswith(busy) and len(smsc.submits) < 3
        else ACCEPT
    )
    ids = [queue(db, customer(n), clock) for n in (wrong, busy, fine)]
    run_until(relay, lambda: len(smsc.submits) == 3)
    assert statuses(db) == {ids[0]: "failed", ids[1]: "queued", ids[2]: "sent"}
    clock.advance(minutes=5)  # the busy one's retry is due
    run_until(relay, lambda: statuses(db)[ids[1]] == "sent")
    accepted = Counter(d for d, _ in smsc.texts())
    assert accepted == {f"852{busy}": 1, f"852{fine}": 1}


def test_a_dropped_bind_mid_batch_leaves_unknown_never_resent(
    db: Database, smsc: Smsc, relay: Relay, customer: Customer, clock: FakeClock
) -> None:
    smsc.drop_after_held = 2
    smsc.answer = lambda s: HOLD if len(smsc.submits) in (2, 3) else ACCEPT
    ids = [queue(db, customer(n), clock) for n in numbers(8)]
    run_until(relay, lambda: smsc.binds >= 2 and set(statuses(db).values()) <= {"sent", "unknown"})
    state = statuses(db)
    by_number = {f"852{n}": i for n, i in zip(numbers(8), ids, strict=True)}
    held = [by_number[s.destination] for s in smsc.submits if s.message_id is None]
    assert len(held) == 2 and all(state[i] == "unknown" for i in held)
    assert "sent" in state.values()  # those answered before the drop
    per_number = Counter(s.destination for s in smsc.submits)
    assert set(per_number.values()) == {1}  # every text written once, the unknown ones too
    clock.advance(minutes=10)
    relay.step()
    assert len(smsc.submits) == 8  # nothing unknown is written again
    smsc.answer = lambda s: ACCEPT
    again = queue(db, customer(numbers(1, start=50)[0]), clock)
    run_until(relay, lambda: statuses(db)[again] == "sent")  # the relay bound again


@pytest.mark.parametrize("count", [45])
def test_the_rate_limit_spreads_a_burst(
    db: Database,
    settings: Settings,
    smsc: Smsc,
    customer: Customer,
    clock: FakeClock,
    count: int,
) -> None:
    from kiosk.contacts import open_contact_key
    from kiosk.messenger.gateways import gateway_for

    limited = settings.model_copy(
        update={"sms": settings.sms.model_copy(update={"rate_per_second": 20})}
    )
    relay = Relay(db, limited, gateway_for(limited), open_contact_key(db, limited), clock=clock)
    for n in numbers(count):
        queue(db, customer(n), clock)
    run_until(relay, lambda: len(smsc.texts()) == count, steps=2000)
    first, last = smsc.submits[0].at, smsc.submits[-1].at
    assert last - first >= (count - 20) / 20 * 0.9  # one second's burst, then 20 a second
    relay._gateway.close()
    with db.session() as session:
        assert not session.exec(select(OutboxRow).where(col(OutboxRow.status) != "sent")).all()


def test_a_locked_database_pauses_the_relay_without_losing_anything(
    db: Database, settings: Settings, smsc: Smsc, customer: Customer, clock: FakeClock
) -> None:
    import sqlite3
    import threading

    from kiosk.contacts import open_contact_key
    from kiosk.messenger.gateways import gateway_for

    queued = queue(db, customer("91234567"), clock)
    impatient = Database(settings.database_url, busy_timeout_ms=50)
    relay = Relay(
        impatient,
        settings,
        gateway_for(settings),
        open_contact_key(db, settings),
        clock=clock,
        min_backoff=0,
    )
    assert db.file is not None
    holder = sqlite3.connect(db.file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writes for a long time
    stop = threading.Event()
    thread = threading.Thread(target=relay.run, args=(stop,))
    thread.start()
    try:
        for _ in range(200):  # until the relay has met the lock (a bounded wait, not a sleep)
            if relay.stats.errors:
                break
            stop.wait(0.05)
        assert any("locked" in e for e in relay.stats.errors)
        holder.execute("ROLLBACK")
        smsc.wait_for(lambda: len(smsc.texts()) == 1)
    finally:
        stop.set()
        thread.join(10)
        holder.close()
        impatient.dispose()
    assert statuses(db)[queued] == "sent"
