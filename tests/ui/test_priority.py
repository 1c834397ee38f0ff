"""Priority service: an optional toggle on the guidance, stored on the ticket, wiped after."""

from __future__ import annotations

from sqlmodel import col, select

from kiosk.db.models import Ticket
from kiosk.desk import Desk
from kiosk.reception import VisitInput
from kiosk.ticket import Priority
from ui.customer.router import Screen

from .driver import Kiosk
from .test_journey import ticket_screen


def test_priority_is_on_the_ticket_and_wiped_with_the_session(kiosk: Kiosk) -> None:
    reception = kiosk.backend.reception
    reception.take_ticket(VisitInput("en", kiosk.window.clock(), service_slug="lost_card"))
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    toggle = kiosk.button("ticket.priority")
    assert toggle.text() == "I need priority service: senior, disability or pregnancy"
    assert not toggle.isChecked() and not kiosk.has("priority.pregnant")

    kiosk.click("ticket.priority")
    take = kiosk.button("ticket.take")
    assert not take.isEnabled() and take.text() == "Choose the kind of priority first"
    kiosk.click("priority.pregnant")
    assert take.isEnabled() and kiosk.session.priority == "pregnant"
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printed", timeout=5000)

    with kiosk.backend.db.session() as session:
        rows = session.exec(select(Ticket).order_by(col(Ticket.number))).all()
        assert [(t.code, t.priority) for t in rows] == [
            ("L001", Priority.NORMAL),
            ("L002", Priority.PREGNANT),
        ]
    assert kiosk.window.settings is not None
    desk = Desk(kiosk.backend.db, kiosk.window.settings, reception.catalogue())
    desk.set_counter("C1", ["lost_card"])
    assert [t.code for t in desk.waiting("C1")] == ["L002", "L001"]  # called first

    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.session.priority == "normal"
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    assert not kiosk.button("ticket.priority").isChecked()
    assert not kiosk.has("priority.pregnant")


def test_turning_priority_off_again(kiosk: Kiosk) -> None:
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.click("ticket.priority")
    kiosk.click("priority.elderly")
    kiosk.click("ticket.priority")
    assert kiosk.session.priority == "normal" and not kiosk.has("priority.elderly")
    assert kiosk.button("ticket.take").isEnabled()
