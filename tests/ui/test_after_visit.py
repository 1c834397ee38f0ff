"""The whole after-visit loop as a new user would try it: a customer opts in at the
kiosk, gets "your turn is near" and, after the counter, the survey in their language
at a real SMSC; their reply of "2" reaches the low-score hook; STOP stops every later
text; the number is nowhere readable in the database file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from kiosk.clock import utc_now
from kiosk.db.models_contacts import SurveyAnswerRow
from kiosk.desk import Desk
from kiosk.messenger.gateways import gateway_for
from kiosk.messenger.relay import Relay
from kiosk.outbox import enqueue
from kiosk.reception import VisitInput
from kiosk.sms_texts import load_texts
from tests.helpers.smsc import Smsc
from ui.customer.router import Screen

from .driver import Kiosk
from .test_journey import take_open_account_ticket
from .test_sms_optin import submit, type_number


@pytest.fixture
def smsc() -> Iterator[Smsc]:
    server = Smsc().start()
    yield server
    server.close()


def test_opt_in_turn_near_survey_reply_and_stop(
    make_kiosk: Callable[..., Kiosk], smsc: Smsc, tmp_path: Path
) -> None:
    gateway = f"smpp://esme:secret@127.0.0.1:{smsc.port}"
    # no quiet hours: the test runs on the real clock, at any hour
    sms = {
        "gateway": gateway,
        "survey_delay_minutes": 0,
        "quiet_start": "00:00",
        "quiet_end": "00:00",
    }
    kiosk = make_kiosk(sms=sms)
    backend = kiosk.backend
    settings = backend.settings
    assert settings is not None and backend.db.contact_key is not None
    ahead = backend.reception.take_ticket(VisitInput("en", utc_now(), (), "open_account"))
    code = take_open_account_ticket(kiosk, "zh_Hans")
    kiosk.click("sms.optin")
    kiosk.click("sms.purpose.turn_near")
    kiosk.click("sms.purpose.survey")
    kiosk.click("sms.continue")
    type_number(kiosk, "91234567")
    submit(kiosk)
    assert "+852 •••• 4567" in kiosk.text("sms.done")
    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)

    desk = Desk(backend.db, settings, backend.reception.catalogue())
    desk.set_counter("9", ["open_account"])
    desk.open_counter("9", staff_id=None)
    low: list[int | None] = []

    def on_low_score(session: Session, answer: SurveyAnswerRow) -> None:
        low.append(answer.score)

    relay = Relay(
        backend.db,
        settings,
        gateway_for(settings),
        backend.db.contact_key,
        on_low_score=on_low_score,
        min_backoff=0,
    )

    def relay_until(done: Callable[[], bool]) -> None:
        for _ in range(100):
            relay.step(wait=0.05)
            if done():
                return
        raise AssertionError("the relay did not get there")

    [ticket] = [t for t in kiosk.tickets() if t.code == code]
    desk.call("9", ahead.ticket_id)  # the customer is next: "your turn is near"
    relay_until(lambda: len(smsc.texts()) == 1)
    texts = load_texts()
    near = texts.render(
        "turn_near",
        "zh_Hans",
        {"branch": settings.kiosk.branch_name, "code": code, "ahead": 0},
    )
    assert smsc.texts() == [("85291234567", near)]
    desk.finish(ahead.ticket_id, "served")
    desk.call("9", ticket.ticket_id)
    desk.start(ticket.ticket_id)
    desk.finish(ticket.ticket_id, "served")
    relay_until(lambda: len(smsc.texts()) == 2)
    survey = texts.render("survey", "zh_Hans", {"branch": settings.kiosk.branch_name})
    assert smsc.texts()[1] == ("85291234567", survey)

    smsc.deliver("85291234567", "2 等太久了")
    relay_until(lambda: bool(low))
    assert low == [2]

    smsc.deliver("85291234567", "退订")
    relay_until(lambda: relay.stats.replies == 2)
    with backend.db.session() as session:
        assert (
            enqueue(
                session,
                ticket_id=ticket.ticket_id,
                purpose="survey",
                template="survey_thanks",
                params={},
                not_before=ticket.issued_at,
            )
            is None
        )  # STOP: nothing more is queued for this customer
    relay.step()
    assert len(smsc.submits) == len(smsc.texts())  # nothing sent after STOP
    relay._gateway.close()

    backend.db.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("kiosk.sqlite3*"))
    assert b"91234567" not in raw and "91234567".encode("utf-16-le") not in raw
