"""The counter's actions through the buttons: recall, no-show, start, finish, transfer,
hold and resume; what the ticket panel shows; over-target tickets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.db.models import Ticket
from kiosk.ticket import Priority, TicketStatus
from tests.helpers.clock import FakeClock
from ui.console.waiting_list import OVER_TARGET_MARK
from ui.console.window import ConsoleWindow

from .conftest import Branch
from .driver import (
    call_next,
    click,
    enabled,
    finish,
    serve_at,
    text,
    wait_current,
    wait_status,
    waiting_codes,
)

Console = Callable[..., ConsoleWindow]


def stored(branch: Branch, code: str) -> Ticket:
    with branch.kiosk.db.session() as session:
        ticket = session.exec(select(Ticket).where(Ticket.code == code)).one()
        session.expunge(ticket)
        return ticket


def recall_count(console: ConsoleWindow) -> int:
    current = console.desk.current
    return current.recall_count if current is not None else -1


def test_the_ticket_panel_shows_what_serving_needs_in_the_staff_language(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue(
        "open_account",
        Priority.ELDERLY,
        missing=("id_document", "photo"),
        answers=("topic_accounts", "open_new_account"),
    )
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    assert text(console, "console.ticket_code") == "A001"
    assert text(console, "console.ticket_status") == "Called"
    assert text(console, "console.ticket_service") == "Open an account"
    assert text(console, "console.ticket_priority") == "Priority: Elderly customer"
    assert text(console, "console.ticket_waited") == "Waited 0 minutes"
    assert text(console, "console.ticket_missing") == (  # a photo is optional here
        "Missing: Identity card\nNot brought (optional): A photo"
    )
    assert text(console, "console.ticket_answers") == "Answers: Accounts › Open an account"

    click(qtbot, console, "console.lang_zh_Hant")
    loc = branch.catalogs.localizer("zh_Hant")
    assert text(console, "console.ticket_service") == "開立戶口"
    assert text(console, "console.ticket_missing") == "\n".join(
        (
            loc.tr("Missing: {items}").format(items="身份證"),
            loc.tr("Not brought (optional): {items}").format(items="相片"),
        )
    )
    assert text(console, "console.ticket_answers").endswith("戶口 › 開立戶口")
    assert text(console, "console.call_next") == loc.tr("Call next")


def test_no_show_is_offered_only_after_the_recalls(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue("lost_card")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "L001")
    assert not enabled(console, "console.no_show")
    for recalls in (1, 2):
        assert not enabled(console, "console.no_show")
        click(qtbot, console, "console.recall")

        def recalled(n: int = recalls) -> bool:
            return recall_count(console) == n

        qtbot.waitUntil(recalled)
    assert "recalled 2 times" in text(console, "console.ticket_waited")
    qtbot.waitUntil(lambda: enabled(console, "console.no_show"))
    click(qtbot, console, "console.no_show")
    wait_current(qtbot, console, None)
    assert text(console, "console.message") == "L001 marked as a no-show."
    assert stored(branch, "L001").status == TicketStatus.NO_SHOW


def test_start_then_finish_with_an_outcome_and_a_note(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue("general_enquiry")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "G001")
    click(qtbot, console, "console.start")
    wait_status(qtbot, console, TicketStatus.SERVING)
    assert text(console, "console.ticket_status") == "Serving"
    assert not enabled(console, "console.recall")

    click(qtbot, console, "console.finish")
    assert not enabled(console, "console.finish_confirm")
    assert text(console, "console.outcome_referred") == "Referred elsewhere"
    finish(qtbot, console, "referred", "sent to the mortgage centre")
    ticket = stored(branch, "G001")
    assert (ticket.status, ticket.outcome) == (TicketStatus.DONE, "referred")
    assert ticket.note == "sent to the mortgage centre"
    assert console.serving.side.currentIndex() == 0  # back to the waiting list


def test_transfer_sends_the_ticket_to_another_queue(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue("open_account")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    click(qtbot, console, "console.transfer")
    assert "console.transfer_to_open_account" not in {
        f"console.transfer_to_{s}" for s in console.serving.transfer_panel.buttons
    }
    click(qtbot, console, "console.transfer_to_lost_card")
    wait_current(qtbot, console, None)
    assert text(console, "console.message") == "A001 transferred to Lost card."
    ticket = stored(branch, "A001")
    assert (ticket.status, ticket.service_slug) == (TicketStatus.WAITING, "lost_card")
    assert ticket.transferred_from == "open_account"
    qtbot.waitUntil(lambda: waiting_codes(console) == ["A001"])
    assert console.serving.waiting_list.row_texts(0)[1] == "Lost card"

    call_next(qtbot, console, "A001")
    assert text(console, "console.ticket_transferred") == "Transferred from Open an account"


def test_hold_serves_someone_else_meanwhile_then_resume(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    branch.issue("open_account")
    branch.issue("lost_card")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    click(qtbot, console, "console.start")
    wait_status(qtbot, console, TicketStatus.SERVING)
    assert not enabled(console, "console.resume")
    click(qtbot, console, "console.hold")
    wait_status(qtbot, console, TicketStatus.HELD)
    assert text(console, "console.message") == "A001 is on hold."
    assert enabled(console, "console.resume") and enabled(console, "console.call_next")

    call_next(qtbot, console, "L001")
    qtbot.waitUntil(
        lambda: (
            "console.held_A001" in {b.objectName() for b in console.serving.held_buttons.values()}
        )
    )
    assert text(console, "console.held_A001") == "A001 (on hold)"
    finish(qtbot, console)

    click(qtbot, console, "console.held_A001")
    wait_status(qtbot, console, TicketStatus.HELD)
    click(qtbot, console, "console.resume")
    wait_status(qtbot, console, TicketStatus.SERVING)
    assert not console.desk.held
    assert stored(branch, "A001").status == TicketStatus.SERVING


def test_tickets_over_their_target_are_marked_in_colour_and_text(
    qtbot: QtBot, branch: Branch, clock: FakeClock, make_console: Console
) -> None:
    branch.issue("open_account")  # target 15 minutes
    clock.advance(minutes=8)
    branch.issue("lost_card")  # target 10 minutes
    console = make_console(tick_ms=50)
    serve_at(qtbot, console)
    table = console.serving.waiting_list
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert table.over == set()
    assert table.row_texts(0) == ["A001", "Open an account", "Normal", "8 minutes", ""]

    clock.advance(minutes=8)  # A001 has waited 16 minutes, L001 8
    qtbot.waitUntil(lambda: len(table.over) == 1)
    late, fine = table.row_texts(0), table.row_texts(1)
    assert late[0] == f"A001 {OVER_TARGET_MARK}"
    assert late[4] == f"{OVER_TARGET_MARK} Over target"
    assert fine[0] == "L001" and fine[4] == ""
    palette = console.theme.palette
    item = table.item(0, 1)
    assert item is not None
    assert item.background().color() == QColor(palette.warning_bg)
    assert item.foreground().color() == QColor(palette.warning_text)
    other = table.item(1, 1)
    assert other is not None and other.background().color() != QColor(palette.warning_bg)
