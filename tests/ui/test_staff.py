"""The staff entry: first-run manager PIN, the lock after wrong PINs, today's tickets."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLabel, QTableWidget

from kiosk.reception import VisitInput
from kiosk.ticket import PrintStatus
from ui.router import Screen
from ui.screens.pin_pad import PinPadScreen
from ui.window import Timings

from .conftest import FakeClock
from .driver import Kiosk

MANAGER_PIN = "135792"


def enter_pin(kiosk: Kiosk, pin: str) -> None:
    for digit in pin:
        kiosk.click(f"pin.{digit}")
    kiosk.click("pin.ok")


def pad_message(kiosk: Kiosk) -> str:
    return kiosk.text("pin.message") if kiosk.has("pin.message") else ""


def pad(kiosk: Kiosk) -> PinPadScreen:
    screen = kiosk.current()
    assert isinstance(screen, PinPadScreen)
    return screen


def test_the_first_sign_in_creates_the_manager_pin(kiosk: Kiosk) -> None:
    kiosk.click("lang.zh_Hant")
    kiosk.click("staff.enter")
    kiosk.wait_screen(Screen.PIN_PAD)
    assert pad(kiosk).mode == "create"
    loc = kiosk.language.loc

    enter_pin(kiosk, "1111")
    assert pad_message(kiosk).splitlines() == [
        loc.tr("A PIN needs at least 6 digits."),
        loc.tr("A PIN cannot be one digit repeated."),
    ]
    enter_pin(kiosk, "123456")
    assert pad_message(kiosk) == loc.tr("A PIN cannot be a run of digits such as 123456.")

    enter_pin(kiosk, MANAGER_PIN)
    assert pad(kiosk).mode == "confirm"
    enter_pin(kiosk, "975310")
    assert pad(kiosk).mode == "create"
    assert pad_message(kiosk) == loc.tr("The PINs do not match. Please choose the PIN again.")

    enter_pin(kiosk, MANAGER_PIN)
    enter_pin(kiosk, MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    assert not kiosk.backend.staff.needs_first_manager()
    assert kiosk.backend.staff.sign_in(MANAGER_PIN).staff is not None


def test_five_wrong_pins_lock_the_pad(make_kiosk: Callable[..., Kiosk]) -> None:
    clock = FakeClock()
    kiosk = make_kiosk(clock=clock, timings=Timings(pin_tick_ms=20))
    kiosk.backend.staff.create_first_manager(MANAGER_PIN)
    kiosk.click("staff.enter")
    assert pad(kiosk).mode == "sign_in"

    for tries_left in (4, 3, 2, 1):
        enter_pin(kiosk, "246810")
        message = pad_message(kiosk)
        assert message.startswith("That PIN was not accepted.")
        assert f"{tries_left} more tr" in message
    kiosk.click("pin.2")
    assert kiosk.text("pin.dots") == "●"  # masked
    kiosk.click("pin.clear")
    enter_pin(kiosk, "246810")

    prompt = kiosk.find("pin.prompt", QLabel)
    assert prompt.text() == "Locked. Try again in 30 seconds."
    assert not kiosk.button("pin.5").isEnabled() and not kiosk.button("pin.ok").isEnabled()
    clock.advance(12)
    kiosk.qtbot.waitUntil(lambda: prompt.text() == "Locked. Try again in 18 seconds.", timeout=2000)
    # Even the right PIN is refused while locked (the buttons are off; the directory agrees).
    assert kiosk.backend.staff.sign_in(MANAGER_PIN).staff is None

    clock.advance(19)
    kiosk.qtbot.waitUntil(lambda: prompt.text() == "Enter your PIN.", timeout=2000)
    enter_pin(kiosk, MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)


def test_staff_home_lists_todays_tickets(kiosk: Kiosk) -> None:
    reception = kiosk.backend.reception
    started = kiosk.window.clock()
    first = reception.take_ticket(
        VisitInput("en", started, service_slug="open_account", materials_missing=("photo",))
    )
    second = reception.take_ticket(
        VisitInput(
            "zh_Hant",
            started,
            service_slug="lost_card",
            materials_missing=("id_document",),
        )
    )
    reception.set_print_status(first.ticket_id, PrintStatus.PRINTED)
    reception.set_print_status(second.ticket_id, PrintStatus.FAILED, "timeout")
    kiosk.backend.staff.create_first_manager(MANAGER_PIN)

    kiosk.click("staff.enter")
    enter_pin(kiosk, MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    table = kiosk.find("staff.tickets", QTableWidget)
    kiosk.qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=3000)

    rows = [
        [
            cell.text() if (cell := table.item(row, col)) else ""
            for col in range(table.columnCount())
        ]
        for row in range(table.rowCount())
    ]
    assert [row[:4] for row in rows] == [
        ["A001", "Open an account", "Waiting", "Printed"],
        ["L001", "Lost card", "Waiting", "Not printed: The ticket printer is not answering."],
    ]
    assert [row[5] for row in rows] == ["1", "1"]
    zone = ZoneInfo("Asia/Hong_Kong")  # the default branch zone
    assert rows[0][4] == kiosk.language.loc.time(first.issued_at, zone)

    reception.take_ticket(VisitInput("en", started, service_slug="general_enquiry"))
    kiosk.click("staff.refresh")
    kiosk.qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=3000)
    kiosk.click("staff.exit")
    kiosk.wait_screen(Screen.WELCOME)
