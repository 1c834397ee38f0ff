"""A printer that refuses or never answers: the customer still has their number."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer

from kiosk.ticket import PrintStatus
from tests.helpers.printer import FakePrinter
from ui.customer.router import Screen

from .driver import Kiosk
from .test_journey import ticket_screen


def start_ticket(kiosk: Kiosk, locale: str) -> float:
    """Take a lost-card ticket; return when the click was made (monotonic seconds)."""
    kiosk.start(locale)
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    kiosk.click("material.id_document")
    started = time.monotonic()
    kiosk.click("ticket.take")
    assert time.monotonic() - started < 0.5, "taking a ticket blocked the UI thread"
    return started


def fallback_shown(kiosk: Kiosk) -> bool:
    """The "printer is not working" message, in the customer's language, is on screen."""
    message = kiosk.language.loc.tr(
        "The printer is not working. Please remember your number or photograph "
        "the QR code; staff have been told."
    )
    return message in kiosk.visible_texts()


def test_a_refusing_printer_shows_the_fallback_at_once(
    make_kiosk: Callable[..., Kiosk], closed_port: int
) -> None:
    kiosk = make_kiosk(printer_url=f"tcp://127.0.0.1:{closed_port}")
    start_ticket(kiosk, "en")
    kiosk.qtbot.waitUntil(lambda: fallback_shown(kiosk), timeout=3000)

    assert kiosk.text("ticket.code") == "L001"
    kiosk.qtbot.waitUntil(
        lambda: [t.print_status for t in kiosk.tickets()] == [PrintStatus.FAILED], timeout=3000
    )
    assert kiosk.tickets()[0].print_problem == "unreachable"


def test_a_silent_printer_falls_back_within_three_seconds(
    make_kiosk: Callable[..., Kiosk], silent_printer: FakePrinter
) -> None:
    kiosk = make_kiosk(printer_url=silent_printer.url)
    started = start_ticket(kiosk, "zh_Hant")  # a Chinese ticket: ~8 KB of raster text
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printing", timeout=2000)
    ticks: list[float] = []
    QTimer.singleShot(100, lambda: ticks.append(time.monotonic()))

    kiosk.qtbot.waitUntil(lambda: fallback_shown(kiosk), timeout=3500)
    elapsed = time.monotonic() - started
    assert elapsed <= 3.3, f"fallback after {elapsed:.2f} s"
    assert ticks and ticks[0] - started < 1.0, "the event loop was blocked while printing"
    assert kiosk.text("ticket.code") == "L001"
    kiosk.qtbot.waitUntil(
        lambda: [t.print_status for t in kiosk.tickets()] == [PrintStatus.FAILED], timeout=3000
    )


def test_the_customer_can_leave_while_the_printer_is_silent(
    make_kiosk: Callable[..., Kiosk], silent_printer: FakePrinter
) -> None:
    kiosk = make_kiosk(printer_url=silent_printer.url)
    start_ticket(kiosk, "zh_Hans")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printing", timeout=2000)

    kiosk.click("ticket.done")
    assert kiosk.screen is Screen.WELCOME
    assert kiosk.language.locale == "en"
    # The job still ends and tells staff.
    kiosk.qtbot.waitUntil(
        lambda: [t.print_status for t in kiosk.tickets()] == [PrintStatus.FAILED], timeout=5000
    )
    assert kiosk.screen is Screen.WELCOME
