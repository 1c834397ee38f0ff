"""Staff at the counter: sign in, open a counter, call tickets in the right order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ticket import Priority
from ui.common.widgets import ReservedLabel
from ui.console.window import ConsoleWindow

from .conftest import Branch
from .driver import (
    call_next,
    click,
    enabled,
    find,
    finish,
    serve_at,
    sign_in,
    text,
    wait_current,
    waiting_codes,
)

Console = Callable[..., ConsoleWindow]


def test_sign_in_opens_the_chosen_counter_and_sign_out_closes_it(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    console = make_console()
    sign_in(qtbot, console, "1", "975310")
    qtbot.waitUntil(lambda: find(console, "console.sign_in_message", QLabel).isVisible())
    assert (
        text(console, "console.sign_in_message") == "That staff number and PIN were not accepted."
    )
    assert console.pages.currentWidget() is console.sign_in

    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.counters, timeout=5000)
    assert set(console.counters.buttons) == {"3", "4"}
    assert text(console, "console.counter_4") == "Counter 4"
    assert console.counters.buttons["4"].hint() == "Lost card"
    click(qtbot, console, "console.counter_3")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.serving, timeout=5000)
    counter = {c.id: c for c in branch.kiosk.desk().counters()}["3"]
    assert counter.open and counter.staff_id == branch.manager.id
    assert "Counter 3" in text(console, "console.title")
    assert "Mei Chan" in text(console, "console.title")

    click(qtbot, console, "console.sign_out")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.sign_in)
    qtbot.waitUntil(lambda: not {c.id: c for c in branch.kiosk.desk().counters()}["3"].open)
    assert not find(console, "console.sign_out", QPushButton).isVisible()


def test_a_counter_given_on_the_command_line_opens_after_sign_in(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    console = make_console(counter="4")
    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.serving, timeout=5000)
    assert console.counter_id == "4"


def test_kiosk_tickets_are_called_priority_first_within_the_ratio(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    issued = [
        branch.issue("open_account").code,  # A001
        branch.issue("lost_card").code,  # L001
        branch.issue("general_enquiry", Priority.ELDERLY).code,  # G001
        branch.issue("remittance", Priority.PREGNANT).code,  # R001
        branch.issue("open_account", Priority.DISABLED).code,  # A002
    ]
    assert issued == ["A001", "L001", "G001", "R001", "A002"]
    console = make_console()
    serve_at(qtbot, console)
    # priority_ratio = 2: two priority tickets, then a normal one; within a class the
    # counter's order of preference (open_account, lost_card, general_enquiry,
    # remittance), then arrival
    expected = ["A002", "G001", "A001", "R001", "L001"]
    qtbot.waitUntil(lambda: waiting_codes(console) == expected, timeout=5000)
    table = console.serving.waiting_list
    assert [table.row_texts(r)[0] for r in range(table.rowCount())] == expected
    assert table.row_texts(0)[2] == "Customer with a disability"

    for code in expected:
        call_next(qtbot, console, code)
        finish(qtbot, console)
    call_next(qtbot, console, None)
    assert text(console, "console.message") == "Nobody is waiting for this counter."


def test_a_ticket_chosen_in_the_waiting_list_is_called(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    for slug in ("open_account", "lost_card", "remittance"):
        branch.issue(slug)
    console = make_console()
    serve_at(qtbot, console)
    qtbot.waitUntil(lambda: len(console.desk.waiting) == 3)
    assert not enabled(console, "console.call_ticket")
    console.serving.waiting_list.selectRow(2)
    assert enabled(console, "console.call_ticket")
    click(qtbot, console, "console.call_ticket")
    wait_current(qtbot, console, "R001")
    qtbot.waitUntil(lambda: waiting_codes(console) == ["A001", "L001"])


def test_a_ticket_another_counter_took_is_refused_with_the_desk_message(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    ticket = branch.issue("lost_card")
    console = make_console(locale="zh_Hant")
    serve_at(qtbot, console)
    qtbot.waitUntil(lambda: waiting_codes(console) == ["L001"])
    console.serving.waiting_list.selectRow(0)
    console.desk.stop()  # freeze this console's view while counter 4 calls the ticket
    branch.kiosk.desk().call("4", ticket.ticket_id)
    click(qtbot, console, "console.call_ticket")
    loc = branch.catalogs.localizer("zh_Hant")
    expected = loc.tr("This ticket is no longer waiting.")
    qtbot.waitUntil(lambda: text(console, "console.message") == expected, timeout=5000)
    assert console.desk.current is None


def test_wrong_pins_lock_the_console_pad_with_the_time_it_opens(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    console = make_console()
    for _ in range(5):
        sign_in(qtbot, console, "1", "975310")
        qtbot.waitUntil(lambda: enabled(console, "console.key_ok"), timeout=5000)
    message = text(console, "console.sign_in_message")
    assert message.startswith("Too many wrong PINs. Try again after ")
    sign_in(qtbot, console)  # the right PIN is refused while locked
    qtbot.waitUntil(lambda: enabled(console, "console.key_ok"), timeout=5000)
    assert console.pages.currentWidget() is console.sign_in
    assert console.staff is None


def test_signing_in_again_picks_up_the_customer_at_the_counter(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue("open_account")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    click(qtbot, console, "console.sign_out")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.sign_in)
    serve_at(qtbot, console)
    wait_current(qtbot, console, "A001")


def test_a_counter_closed_by_a_manager_is_not_offered_and_names_show_in_each_language(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    from kiosk.counters import CounterAdmin

    admin = CounterAdmin(branch.kiosk.db, "console-test", branch.clock)
    admin.edit(branch.manager, "4", in_service=False)
    admin.add(branch.manager, "7", services=["lost_card"], name={"zh_Hant": "快速櫃位"})
    console = make_console(counter="4")  # a closed counter does not open, even when preset
    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.counters, timeout=5000)
    assert set(console.counters.buttons) == {"3", "7"}
    assert text(console, "console.counter_7") == "Counter 7"
    click(qtbot, console, "console.lang_zh_Hant")
    assert text(console, "console.counter_7") == "快速櫃位"
    assert text(console, "console.counter_3") == "3號櫃位"
    click(qtbot, console, "console.counter_7")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.serving, timeout=5000)
    assert "快速櫃位" in text(console, "console.title")
    assert text(console, "console.waiting_title") == "快速櫃位輪候人數：0"


def test_the_sign_in_keys_stay_put_whatever_the_pad_says(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    console = make_console()

    def places() -> list[QRect]:
        QApplication.processEvents()
        keys = console.sign_in.keys.values()
        return [QRect(key.mapTo(console, QPoint(0, 0)), key.size()) for key in keys]

    before = places()
    for _ in range(5):  # refused, then locked
        sign_in(qtbot, console, "1", "975310")
        qtbot.waitUntil(lambda: enabled(console, "console.key_ok"), timeout=5000)
        assert text(console, "console.sign_in_message")
        assert places() == before
    console.language.set_locale("zh_Hant")
    before = places()
    console.sign_in.show_message(console.language.loc.tr("Wrong staff number or PIN."))
    assert places() == before
    message = console.sign_in.message
    assert isinstance(message, ReservedLabel) and message.fits()
