"""The printer as staff and customers see it: a fake TCP printer that answers ``DLE EOT``.

Paper near its end: the staff home's indicator and alert, nothing for customers.
Paper out: number-on-screen mode before a customer takes a ticket (nothing sent
to the printer, print status ``none``), and back to printing when it is online.
Staff reprint a ticket (counted, printed once, audited) and print a test page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTableWidget
from sqlmodel import select

from kiosk.audit import AuditLog
from kiosk.db.models import Ticket
from kiosk.health import Health
from kiosk.reception import VisitInput
from kiosk.ticket import PrintStatus
from tests.helpers.printer import FakePrinter
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import MANAGER_PIN, Kiosk
from .test_journey import ticket_screen

FAST = Timings(printer_check_ms=100)
PAPER_OUT_NOTICE = (
    "The ticket printer is out of paper. You can still take a number; it will be shown on "
    "screen — please remember it or photograph the QR code."
)


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    server = FakePrinter(state="near_end")
    yield server
    server.close()


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def take_lost_card_ticket(kiosk: Kiosk) -> None:
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    kiosk.click("material.id_document")


def test_near_end_for_staff_then_number_on_screen_and_back(
    make_kiosk: Callable[..., Kiosk], printer: FakePrinter
) -> None:
    kiosk = make_kiosk(printer_url=printer.url, timings=FAST)
    kiosk.manager()
    kiosk.sign_in("1", MANAGER_PIN)
    indicator = kiosk.find("staff.printer_state", QLabel)
    kiosk.qtbot.waitUntil(
        lambda: indicator.text() == "The ticket printer is running out of paper.",
        timeout=3000,
    )
    assert indicator.accessibleName() == indicator.text()
    assert kiosk.text("staff.printer_alert").startswith("The paper roll is nearly used up.")
    assert kiosk.window.settings is not None
    health = Health(kiosk.backend.db, kiosk.window.settings.kiosk.id)
    kiosk.qtbot.waitUntil(
        lambda: [p.state for p in health.printers()] == ["paper_near_end"], timeout=3000
    )
    kiosk.click("staff.exit")
    assert not kiosk.has("welcome.notice")  # near end: staff only
    take_lost_card_ticket(kiosk)
    assert not kiosk.has("guidance.printer_notice")
    kiosk.click("nav.home")

    printer.state = "paper_out"
    kiosk.qtbot.waitUntil(lambda: kiosk.window.state.number_on_screen, timeout=3000)
    assert kiosk.has("welcome.notice")
    take_lost_card_ticket(kiosk)
    assert kiosk.text("guidance.printer_notice") == PAPER_OUT_NOTICE
    jobs_before = len(printer.jobs)
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "on_screen", timeout=3000)
    assert kiosk.text("ticket.code") == "L001"
    assert kiosk.text("ticket.notice").startswith("Your ticket is not printed")
    kiosk.qtbot.waitUntil(
        lambda: [t.print_status for t in kiosk.tickets()] == [PrintStatus.NONE], timeout=3000
    )
    assert len(printer.jobs) == jobs_before  # nothing sent
    kiosk.click("ticket.done")

    printer.state = "online"
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.state.number_on_screen, timeout=3000)
    assert not kiosk.has("welcome.notice")
    take_lost_card_ticket(kiosk)
    assert not kiosk.has("guidance.printer_notice")
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printed", timeout=5000)
    assert any(b"L002" in job for job in printer.wait_for_jobs(1))


def test_a_print_job_that_finds_the_paper_out_switches_the_mode(
    make_kiosk: Callable[..., Kiosk], printer: FakePrinter
) -> None:
    printer.state = "paper_out"  # before the first periodic check (10 s)
    kiosk = make_kiosk(printer_url=printer.url)
    take_lost_card_ticket(kiosk)
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "print_failed", timeout=5000)
    kiosk.qtbot.waitUntil(lambda: kiosk.window.state.number_on_screen, timeout=3000)
    kiosk.click("ticket.done")
    take_lost_card_ticket(kiosk)
    assert kiosk.text("guidance.printer_notice") == PAPER_OUT_NOTICE


def test_reprint_and_test_print_from_the_staff_home(
    make_kiosk: Callable[..., Kiosk], printer: FakePrinter
) -> None:
    printer.state = "online"
    kiosk = make_kiosk(printer_url=printer.url)
    reception = kiosk.backend.reception
    ticket = reception.take_ticket(VisitInput("en", kiosk.window.clock(), service_slug="lost_card"))
    reception.set_print_status(ticket.ticket_id, PrintStatus.FAILED, "paper_out")
    kiosk.manager()
    kiosk.sign_in("1", MANAGER_PIN)
    table = kiosk.find("staff.tickets", QTableWidget)
    kiosk.qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=3000)
    assert not kiosk.button("staff.reprint").isEnabled()  # nothing selected yet
    first = table.item(0, 0)
    assert first is not None
    cell = table.visualItemRect(first).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    kiosk.click("staff.reprint")
    kiosk.qtbot.waitUntil(
        lambda: kiosk.text("staff.message") == "Ticket L001 was printed again.", timeout=5000
    )
    jobs = printer.wait_for_jobs(1)
    assert len(jobs) == 1 and b"L001" in jobs[0]
    with kiosk.backend.db.session() as session:
        row = session.exec(select(Ticket)).one()
        assert (row.reprint_count, row.print_status) == (1, PrintStatus.PRINTED)
    assert kiosk.window.settings is not None
    audit = AuditLog(kiosk.backend.db, kiosk.window.settings.kiosk.id)
    [entry] = audit.entries(action="ticket.reprint")
    assert (entry.actor_name, entry.target) == ("Mei", "ticket:L001")
    kiosk.qtbot.waitUntil(lambda: "Printed" in cell_text(table, 0, 3), timeout=3000)

    kiosk.click("staff.test_print")
    kiosk.qtbot.waitUntil(
        lambda: kiosk.text("staff.message") == "The test page was printed.", timeout=5000
    )
    assert len(printer.wait_for_jobs(2)) == 2


def test_a_printer_that_is_switched_off_switches_to_number_on_screen(
    make_kiosk: Callable[..., Kiosk], closed_port: int
) -> None:
    kiosk = make_kiosk(printer_url=f"tcp://127.0.0.1:{closed_port}", timings=FAST)
    kiosk.qtbot.waitUntil(lambda: kiosk.window.state.number_on_screen, timeout=3000)
    take_lost_card_ticket(kiosk)
    notice = kiosk.text("guidance.printer_notice")
    assert notice.endswith("please remember it or photograph the QR code.")
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "on_screen", timeout=1000)
    assert kiosk.text("ticket.code") == "L001"


def test_print_what_to_bring_is_offered_only_while_the_printer_prints(
    make_kiosk: Callable[..., Kiosk], printer: FakePrinter
) -> None:
    kiosk = make_kiosk(printer_url=printer.url, timings=FAST)
    kiosk.qtbot.waitUntil(lambda: kiosk.window.state.printer_state is not None, timeout=3000)
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)  # nothing ticked: the list would help
    assert kiosk.has("ticket.print_list")
    assert not kiosk.has("guidance.print_list_unavailable")

    printer.state = "paper_out"
    kiosk.qtbot.waitUntil(lambda: not kiosk.has("ticket.print_list"), timeout=3000)
    assert kiosk.text("guidance.print_list_unavailable") == (
        "The list cannot be printed just now: the ticket printer is not working. "
        "The items are listed on this screen; you may photograph them."
    )
    explanation = kiosk.find("guidance.print_list_unavailable", QLabel)
    assert explanation.accessibleName() == explanation.text()
    kiosk.language.set_locale("zh_Hant")
    assert kiosk.text("guidance.print_list_unavailable").startswith("籌號打印機暫時未能運作")

    printer.state = "online"
    kiosk.qtbot.waitUntil(lambda: kiosk.has("ticket.print_list"), timeout=3000)
    assert not kiosk.has("guidance.print_list_unavailable")
