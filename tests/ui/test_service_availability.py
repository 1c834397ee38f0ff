"""Paused and full services: said plainly, in the customer's language, with what to do
instead — and picked up from the database while the kiosk runs (no restart)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QLabel

from kiosk.catalogue_admin import CatalogueAdmin
from kiosk.reception import VisitInput
from ui.common.widgets import HintButton
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import Kiosk, texts
from .test_accessibility import control_problems
from .test_journey import ticket_screen

REASON = texts("Card printer under repair.", "制卡机维修中。", "製卡機維修中。")
ALTERNATIVE = texts(
    "Call the card hotline to block your card.",
    "请致电银行卡热线挂失。",
    "請致電銀行卡熱線報失。",
)
FAST = Timings(catalogue_check_ms=100)


def box_text(kiosk: Kiosk, name: str) -> str:
    box = kiosk.find(name, QFrame)
    return "\n".join(label.text() for label in box.findChildren(QLabel) if label.isVisibleTo(box))


def cap(kiosk: Kiosk, slug: str, tickets: int) -> None:
    """A manager sets the service's daily cap (in the database, as the admin panel does)."""
    catalogue = kiosk.backend.reception.catalogue()
    services = [
        s.model_copy(update={"daily_cap": tickets}) if s.slug == slug else s
        for s in catalogue.services
    ]
    assert kiosk.window.settings is not None
    admin = CatalogueAdmin(kiosk.backend.db, kiosk.window.settings.kiosk.id)
    admin.replace(kiosk.manager(), catalogue.model_copy(update={"services": services}))


def take_lost_card_elsewhere(kiosk: Kiosk) -> None:
    """Another kiosk of the branch takes a ticket."""
    visit = VisitInput("en", kiosk.window.clock(), service_slug="lost_card")
    kiosk.backend.reception.take_ticket(visit)


def test_a_paused_service_says_why_and_resumes_without_restart(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=FAST)
    runtime = kiosk.window.runtime
    assert runtime is not None
    kiosk.pause("lost_card", REASON, ALTERNATIVE)  # at a counter; the kiosk's timer sees it
    kiosk.qtbot.waitUntil(lambda: runtime.branch_watch.changes == 1, timeout=3000)

    kiosk.click("lang.zh_Hant")
    kiosk.click("services.all")
    hint = kiosk.find("service.lost_card", HintButton).hint()
    assert "製卡機維修中。" in hint and "請致電銀行卡熱線報失。" in hint
    kiosk.click("service.lost_card")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    text = box_text(kiosk, "guidance.unavailable")
    assert "製卡機維修中。" in text and "請致電銀行卡熱線報失。" in text
    assert not kiosk.has("ticket.take") and not kiosk.has("ticket.priority")
    assert kiosk.has("guidance.enquiry") and kiosk.has("ticket.print_list")

    kiosk.click("nav.home")
    kiosk.start("en")  # the questionnaire says it before the customer chooses
    assert "Paused: Card printer under repair." in kiosk.find("answer.card_lost", HintButton).hint()
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert not kiosk.has("ticket.take")

    kiosk.pause("lost_card", None)  # resumed
    kiosk.qtbot.waitUntil(lambda: runtime.branch_watch.changes == 2, timeout=3000)
    assert not kiosk.has("ticket.take")  # the customer's screen is not changed under them
    kiosk.click("nav.back")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    assert kiosk.find("answer.card_lost", HintButton).hint() == ""
    kiosk.click("answer.card_lost")
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("ticket.code"), timeout=3000)
    assert kiosk.text("ticket.code") == "L001"


def test_todays_tickets_finished_offers_the_enquiry_desk(kiosk: Kiosk) -> None:
    with kiosk.catalogue_change():
        cap(kiosk, "lost_card", 1)
    take_lost_card_elsewhere(kiosk)  # the last one

    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    kiosk.qtbot.waitUntil(lambda: kiosk.has("guidance.unavailable"), timeout=3000)
    assert box_text(kiosk, "guidance.unavailable").startswith(
        "Today's tickets for this service are finished.\n"
        "Please come back on another business day, or ask at the general enquiry desk."
    )
    assert not kiosk.has("ticket.take")
    kiosk.click("guidance.enquiry")
    kiosk.qtbot.waitUntil(lambda: "General enquiry" in kiosk.visible_texts(), timeout=2000)
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("ticket.code"), timeout=3000)
    assert kiosk.text("ticket.code") == "G001"


def test_the_last_ticket_taken_meanwhile(kiosk: Kiosk) -> None:
    with kiosk.catalogue_change():
        cap(kiosk, "lost_card", 1)
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.qtbot.waitUntil(lambda: "No one is waiting now." in kiosk.visible_texts(), timeout=3000)
    take_lost_card_elsewhere(kiosk)  # while the customer reads

    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "refused", timeout=3000)
    notice = kiosk.text("ticket.notice")
    assert notice.startswith("Sorry, today's tickets for this service have just run out.")
    assert not kiosk.has("ticket.code")
    assert control_problems(kiosk.current()) == []  # ticket.enquiry is named and big enough
    kiosk.click("ticket.enquiry")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert kiosk.session.service_slug == "general_enquiry"


def test_a_service_paused_while_the_customer_ticks(kiosk: Kiosk) -> None:
    kiosk.start("zh_Hans")
    kiosk.click("answer.card_lost")
    kiosk.click("material.id_document")
    with kiosk.catalogue_change():
        kiosk.pause("lost_card", REASON, ALTERNATIVE)
    assert kiosk.button("material.id_document").isChecked()  # not disturbed mid-checklist
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "refused", timeout=3000)
    loc = kiosk.language.loc
    assert kiosk.text("ticket.notice").splitlines() == [
        loc.tr("Sorry, this service was paused a moment ago."),
        loc.tr("This service is paused: {reason}").format(reason="制卡机维修中。"),
        loc.tr("Instead: {alternative}").format(alternative="请致电银行卡热线挂失。"),
    ]
    assert kiosk.tickets() == []
