"""The staff entry: first-run manager PIN, staff number + PIN, the locks per account and
per pad, the discreet long press, and today's tickets."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTableWidget

from kiosk.reception import VisitInput
from kiosk.ticket import PrintStatus
from tests.helpers.clock import FakeClock
from ui.common.long_press import LongPressButton
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import Kiosk

MANAGER_PIN = "135792"
CLERK_PIN = "246810"


def add_clerk(kiosk: Kiosk, number: str = "7") -> None:
    staff = kiosk.backend.staff
    manager = staff.create_first_manager(MANAGER_PIN, name="Mei Manager")
    staff.add(manager, number=number, name="Clara Clerk", role="staff", pin=CLERK_PIN)


def test_the_first_manager_needs_the_setup_code_from_the_machine(kiosk: Kiosk) -> None:
    code = kiosk.backend.setup_code
    assert code is not None  # a new branch: the code was made at start and printed there
    kiosk.click("lang.zh_Hant")
    kiosk.open_pad()
    loc = kiosk.language.loc
    assert kiosk.pad.mode == "setup"
    assert kiosk.text("pin.prompt") == loc.tr(
        "This kiosk has no manager yet. Enter the one-time setup code shown where "
        "the kiosk was started."
    )
    wrong = "0" * 8 if code.shown.replace(" ", "") != "0" * 8 else "1" * 8
    kiosk.key_in(wrong)
    assert kiosk.pad.mode == "setup"
    assert kiosk.pad_message() == loc.tr("That is not the setup code.")
    kiosk.key_in(code.shown.replace(" ", ""))
    assert kiosk.pad.mode == "create"
    assert kiosk.text("pin.prompt") == loc.tr(
        "This kiosk has no manager yet. Choose a PIN of 6 to 12 digits."
    )


def test_guessing_the_setup_code_at_the_screen_gets_nowhere(kiosk: Kiosk) -> None:
    code = kiosk.backend.setup_code
    assert code is not None
    kiosk.open_pad()
    wrong = "0" * 8 if code.shown.replace(" ", "") != "0" * 8 else "1" * 8
    for _ in range(5):
        kiosk.key_in(wrong)
    assert kiosk.pad.mode == "no_setup"
    assert kiosk.pad_message() == "Too many wrong setup codes. Restart the kiosk for a new code."
    assert "kiosk staff add --first-manager" in kiosk.text("pin.prompt")
    assert not code.check(code.shown)  # even the right code: it is withdrawn
    assert not kiosk.button("pin.4").isEnabled()  # the keys type nothing any more
    kiosk.click("pin.cancel")
    kiosk.open_pad()
    assert kiosk.pad.mode == "no_setup"  # until the kiosk restarts with a new code
    assert kiosk.backend.staff.needs_first_manager()


def test_the_first_sign_in_creates_the_manager_pin(kiosk: Kiosk) -> None:
    code = kiosk.backend.setup_code
    assert code is not None
    kiosk.click("lang.zh_Hant")
    kiosk.open_pad()
    kiosk.key_in(code.shown.replace(" ", ""))
    assert kiosk.pad.mode == "create"
    loc = kiosk.language.loc

    kiosk.key_in("1111")
    assert kiosk.pad_message().splitlines() == [
        loc.tr("A PIN needs at least 6 digits."),
        loc.tr("A PIN cannot be one digit repeated."),
    ]
    kiosk.key_in("123456")
    assert kiosk.pad_message() == loc.tr("A PIN cannot be a run of digits such as 123456.")

    kiosk.key_in(MANAGER_PIN)
    assert kiosk.pad.mode == "confirm"
    kiosk.key_in("975310")
    assert kiosk.pad.mode == "create"
    assert kiosk.pad_message() == loc.tr("The PINs do not match. Please choose the PIN again.")

    kiosk.key_in(MANAGER_PIN)
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_pad("created")  # the manager learns their staff number
    assert "1" in kiosk.text("pin.prompt")
    assert kiosk.text("pin.prompt") == loc.tr(
        "Your staff number is {number}. From now on, sign in with your staff number "
        "and then your PIN."
    ).format(number="1")
    kiosk.click("pin.ok")
    kiosk.wait_screen(Screen.STAFF_HOME)
    assert not kiosk.backend.staff.needs_first_manager()
    assert kiosk.backend.staff.sign_in(MANAGER_PIN, number="1").staff is not None

    kiosk.click("staff.exit")
    kiosk.sign_in("1", MANAGER_PIN)  # from now on: number, then PIN


def test_number_then_pin_and_a_lock_on_one_account(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(clock=FakeClock(), timings=Timings(pin_tick_ms=20))
    add_clerk(kiosk)
    kiosk.open_pad()
    assert kiosk.pad.mode == "number"
    assert kiosk.text("pin.prompt") == "Enter your staff number."
    kiosk.key_in("7")
    assert kiosk.pad.mode == "pin"
    assert kiosk.find("pin.number", QLabel).text() == "Staff number: 7"
    for tries_left in (4, 3, 2, 1):
        kiosk.key_in("975310")
        assert kiosk.pad_message().splitlines() == [
            "Wrong staff number or PIN.",
            f"{tries_left} more {'try' if tries_left == 1 else 'tries'} before the pad locks.",
        ]
    kiosk.click("pin.2")
    assert kiosk.text("pin.dots") == "●"  # masked
    kiosk.click("pin.clear")

    kiosk.click("pin.change_number")  # the manager signs in meanwhile: the pad is fine again
    kiosk.key_in("1")
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    kiosk.click("staff.exit")

    kiosk.open_pad()
    kiosk.key_in("7")
    kiosk.key_in("975310")  # the clerk's fifth wrong PIN locks the clerk's account only
    kiosk.wait_pad("number")
    locked = "This staff number is locked after too many wrong PINs. Try again in 30 seconds."
    assert kiosk.pad_message() == locked
    assert kiosk.button("pin.5").isEnabled()
    kiosk.key_in("7")  # still locked, even with the right PIN next
    assert kiosk.pad.mode == "number" and kiosk.pad_message() == locked
    assert kiosk.backend.staff.sign_in(CLERK_PIN, number="7").staff is None
    kiosk.key_in("1")  # anyone else signs in
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)


def test_wrong_pins_on_any_numbers_lock_the_pad(make_kiosk: Callable[..., Kiosk]) -> None:
    clock = FakeClock()
    kiosk = make_kiosk(clock=clock, timings=Timings(pin_tick_ms=20))
    add_clerk(kiosk)
    kiosk.open_pad()
    for number in ("3", "7", "41", "7", "3"):  # unknown numbers count too
        kiosk.key_in(number)
        kiosk.key_in("975310")
        if kiosk.pad.mode == "pin":
            kiosk.click("pin.change_number")
    kiosk.wait_pad("locked")
    prompt = kiosk.find("pin.prompt", QLabel)
    assert prompt.text() == "This pad is locked after too many wrong PINs. Try again in 30 seconds."
    assert not kiosk.button("pin.1").isEnabled() and not kiosk.button("pin.ok").isEnabled()
    clock.advance(seconds=12)
    kiosk.qtbot.waitUntil(lambda: "18 seconds" in prompt.text(), timeout=2000)
    assert kiosk.backend.staff.sign_in(MANAGER_PIN, number="1").staff is None

    clock.advance(seconds=19)
    kiosk.wait_pad("number")
    assert prompt.text() == "Enter your staff number."
    kiosk.key_in("1")
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)


def test_holding_the_branch_name_opens_the_pad(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=Timings(long_press_ms=150))
    kiosk.window.welcome.set_staff_button_visible(False)
    assert not kiosk.has("staff.enter")
    corner = kiosk.find("staff.corner", LongPressButton)
    assert corner.text() == "Test Branch" == corner.accessibleName()

    QTest.mouseClick(corner, Qt.MouseButton.LeftButton)  # a tap is not enough
    kiosk.qtbot.wait(250)
    assert kiosk.screen is Screen.WELCOME
    QTest.mousePress(corner, Qt.MouseButton.LeftButton)
    with kiosk.qtbot.waitSignal(corner.long_pressed, timeout=2000):
        pass
    QTest.mouseRelease(corner, Qt.MouseButton.LeftButton)
    kiosk.wait_screen(Screen.PIN_PAD)


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

    kiosk.sign_in("1", MANAGER_PIN)
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
