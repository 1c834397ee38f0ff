"""A customer's whole visit, in each language, to a printed ticket."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.i18n import LOCALES
from kiosk.ticket import PrintStatus
from printing.preview import preview_paths
from tests.helpers.printer import FakePrinter
from ui.customer.router import Screen
from ui.customer.screens.ticket import TicketScreen

from .driver import Kiosk

ALL_MATERIALS = ("id_document", "proof_of_address", "photo")


def ticket_screen(kiosk: Kiosk) -> TicketScreen:
    screen = kiosk.router.page(Screen.TICKET)
    assert isinstance(screen, TicketScreen)
    return screen


def take_open_account_ticket(kiosk: Kiosk, locale: str) -> str:
    kiosk.open_account_guidance(locale)
    for material in ALL_MATERIALS:
        kiosk.click(f"material.{material}")
    assert not kiosk.has("ticket.print_list")
    assert kiosk.button("ticket.take").text() == kiosk.language.loc.tr("Take a ticket")
    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printed", timeout=5000)
    return kiosk.text("ticket.code")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_customer_gets_a_printed_ticket(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, locale: str
) -> None:
    kiosk = make_kiosk()
    code = take_open_account_ticket(kiosk, locale)

    assert code == "A001"
    loc = kiosk.language.loc
    assert loc.locale == locale
    shown = kiosk.visible_texts()
    assert {"開立戶口", "开立账户", "Open an account"} & set(shown)
    assert loc.tr("Please take a seat. Your number will be called at the counter.") in shown
    pictures = [
        label for label in kiosk.current().findChildren(QLabel) if not label.pixmap().isNull()
    ]
    assert len(pictures) == 2  # the QR code and the printed-ticket preview

    [ticket] = kiosk.tickets()
    assert (ticket.code, ticket.print_status) == ("A001", PrintStatus.PRINTED)
    assert ticket.materials_missing == ()
    data, png = preview_paths(tmp_path, "A001")
    assert b"A001" in data.read_bytes()
    assert png.exists()
    [visit] = kiosk.visits()
    assert (visit.locale, visit.outcome) == (locale, "ticket")
    assert visit.answers == ["topic_accounts", "open_new_account"]
    assert sorted(visit.materials_have) == sorted(ALL_MATERIALS)

    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.language.locale == "en"
    assert kiosk.session.service_slug is None and not kiosk.session.materials_have


def test_a_network_printer_receives_the_ticket(
    make_kiosk: Callable[..., Kiosk], tcp_printer: FakePrinter
) -> None:
    kiosk = make_kiosk(printer_url=tcp_printer.url)
    code = take_open_account_ticket(kiosk, "zh_Hant")

    kiosk.qtbot.waitUntil(lambda: bool(tcp_printer.jobs), timeout=3000)
    [job] = tcp_printer.jobs
    assert code.encode() in job
    assert b"\x1b@" in job  # ESC @: the printer is initialised
    assert [t.print_status for t in kiosk.tickets()] == [PrintStatus.PRINTED]


def test_the_ticket_screen_returns_to_welcome_by_itself(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    from ui.customer.timings import Timings

    kiosk = make_kiosk(timings=Timings(ticket_return_ms=300))
    take_open_account_ticket(kiosk, "zh_Hans")
    kiosk.wait_screen(Screen.WELCOME, timeout=3000)
    assert kiosk.language.locale == "en"
    assert kiosk.session.started_at is None


def test_the_ticket_screen_counts_down_and_can_go_back_at_once(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    from ui.customer.timings import Timings

    # the second never ticks by itself: the test ticks it, as the timer does each second
    kiosk = make_kiosk(timings=Timings(ticket_return_ms=12_000, ticket_tick_ms=3_600_000))
    take_open_account_ticket(kiosk, "en")
    screen = ticket_screen(kiosk)
    assert kiosk.text("ticket.countdown") == "Back to the start in 12 s"
    assert kiosk.find("ticket.countdown").accessibleName() == "Back to the start in 12 s"
    screen.return_timer.timeout.emit()
    assert kiosk.text("ticket.countdown") == "Back to the start in 11 s"
    kiosk.language.set_locale("zh_Hant")
    assert kiosk.text("ticket.countdown") == "11 秒後返回首頁"
    kiosk.language.set_locale("zh_Hans")
    assert kiosk.text("ticket.countdown") == "11 秒后返回首页"
    for _ in range(10):
        screen.return_timer.timeout.emit()
    assert kiosk.text("ticket.countdown") == "1 秒后返回首页"
    assert kiosk.screen == Screen.TICKET
    screen.return_timer.timeout.emit()
    kiosk.wait_screen(Screen.WELCOME)

    take_open_account_ticket(kiosk, "en")
    assert kiosk.text("ticket.countdown") == "Back to the start in 12 s"  # a fresh count
    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)


def test_back_from_the_service_undoes_the_last_answer(kiosk: Kiosk) -> None:
    kiosk.open_account_guidance("en")
    kiosk.click("material.id_document")
    kiosk.click("nav.back")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    assert kiosk.session.journey is not None
    assert kiosk.session.journey.answers == ("topic_accounts",)
    assert kiosk.has("answer.open_new_account")
    kiosk.click("nav.back")
    assert kiosk.has("answer.topic_accounts")
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.session.journey is None and not kiosk.session.materials_have


def test_all_services_lead_to_the_guidance(kiosk: Kiosk) -> None:
    kiosk.click("services.all")
    kiosk.wait_screen(Screen.SERVICES)
    assert kiosk.has("service.open_account") and kiosk.has("service.general_enquiry")
    kiosk.click("service.lost_card")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert "Lost card" in kiosk.visible_texts()
    kiosk.click("nav.back")
    kiosk.wait_screen(Screen.SERVICES)


def test_the_guidance_shows_the_queue(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk()
    take_open_account_ticket(kiosk, "en")
    kiosk.click("ticket.done")
    kiosk.open_account_guidance("en")
    expected = "1 person waiting · about 8 minutes"
    kiosk.qtbot.waitUntil(lambda: expected in kiosk.visible_texts(), timeout=3000)
