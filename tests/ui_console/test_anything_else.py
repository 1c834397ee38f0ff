""" "Anything else?" after a visit: a follow-on ticket that keeps the customer's place,
a complaint logged at the counter, and overdue complaint cases highlighted; in each
language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.complaint_book import ComplaintBook
from kiosk.complaint_rules import CaseSource
from kiosk.complaints import Complaints
from tests.helpers.clock import FakeClock
from ui.console.window import ConsoleWindow

from .conftest import Branch
from .driver import call_next, click, find, finish, serve_at, waiting_codes

Console = Callable[..., ConsoleWindow]
LOCALES = ("en", "zh_Hans", "zh_Hant")


def side(console: ConsoleWindow) -> object:
    return console.serving.side.currentWidget()


@pytest.mark.parametrize("locale", LOCALES)
def test_a_follow_on_keeps_the_customers_place(
    qtbot: QtBot, make_console: Console, branch: Branch, clock: FakeClock, locale: str
) -> None:
    first = branch.issue("lost_card").code
    clock.advance(minutes=1)
    later = branch.issue("general_enquiry").code
    console = make_console(locale=locale)
    serve_at(qtbot, console)
    call_next(qtbot, console, first)
    finish(qtbot, console)
    panel = console.serving.anything_else
    qtbot.waitUntil(lambda: side(console) is panel, timeout=3000)
    loc = console.language.loc
    assert panel.title.text() == loc.tr("Anything else for {code}?").format(code=first)
    assert "console.follow_on_lost_card" not in {b.objectName() for b in panel.buttons.values()}
    click(qtbot, console, "console.follow_on_general_enquiry")
    qtbot.waitUntil(
        lambda: len(waiting_codes(console)) == 2 and not console.desk.acting, timeout=5000
    )
    follow_on = waiting_codes(console)[0]
    assert waiting_codes(console) == [follow_on, later]  # ahead of the later arrival
    assert follow_on.startswith("G") and follow_on != later
    message = find(console, "console.message", QLabel).text()
    assert follow_on in message and message != follow_on
    assert side(console) is not panel  # back to the waiting list
    call_next(qtbot, console, follow_on)


@pytest.mark.parametrize("locale", LOCALES)
def test_log_a_complaint_after_the_visit(
    qtbot: QtBot, make_console: Console, branch: Branch, locale: str
) -> None:
    code = branch.issue("lost_card").code
    console = make_console(locale=locale)
    serve_at(qtbot, console)
    call_next(qtbot, console, code)
    finish(qtbot, console)
    qtbot.waitUntil(lambda: side(console) is console.serving.anything_else, timeout=3000)
    assert not console.serving.complaint_button.isVisible()  # one "Log a complaint" on screen
    click(qtbot, console, "console.log_complaint")
    panel = console.serving.complaint_panel
    assert side(console) is panel
    loc = console.language.loc
    assert panel.title.text() == loc.tr("Log a complaint about {code}").format(code=code)
    click(qtbot, console, "console.complaint_wait")
    click(qtbot, console, "console.complaint_save")  # nothing typed: refused, kept open
    message = find(console, "console.message", QLabel)
    qtbot.waitUntil(lambda: message.text() == loc.tr("Say briefly what happened."), timeout=3000)
    assert side(console) is panel and panel.category() == "wait"
    QTest.keyClicks(panel.summary, "Waited 40 minutes, no one explained why")
    click(qtbot, console, "console.complaint_save")
    qtbot.waitUntil(lambda: side(console) is console.serving.anything_else, timeout=3000)
    cases = ComplaintBook(branch.kiosk.db, branch.settings, branch.clock).cases(branch.manager)
    assert [(c.source, c.category, c.ticket_code, c.summary) for c in cases] == [
        (CaseSource.COUNTER, "wait", code, "Waited 40 minutes, no one explained why")
    ]
    assert message.text() == loc.tr(
        "Complaint logged as case {id}; a manager will follow it up."
    ).format(id=cases[0].id)
    click(qtbot, console, "console.anything_else_done")
    assert side(console) is not console.serving.anything_else
    assert console.desk.last_finished is None


@pytest.mark.parametrize("locale", LOCALES)
def test_overdue_cases_are_highlighted(
    qtbot: QtBot, make_console: Console, branch: Branch, clock: FakeClock, locale: str
) -> None:
    complaints = Complaints(branch.kiosk.db, branch.settings, clock)
    complaints.open_at_kiosk("wait", "Queue")
    complaints.open_at_kiosk("fees", "Fee")
    clock.advance(days=2)
    console = make_console(locale=locale)
    serve_at(qtbot, console)
    overdue = find(console, "console.overdue", QLabel)
    qtbot.waitUntil(overdue.isVisible, timeout=3000)
    loc = console.language.loc
    assert overdue.text() == loc.ntr(
        "{n} complaint case is overdue: a manager should see to it.",
        "{n} complaint cases are overdue: a manager should see to them.",
        2,
    ).format(n=loc.number(2))
    assert overdue.accessibleName() == overdue.text()


def test_a_complaint_during_the_visit_and_calling_on_ends_anything_else(
    qtbot: QtBot, make_console: Console, branch: Branch
) -> None:
    first, second = branch.issue("lost_card").code, branch.issue("lost_card").code
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, first)
    click(qtbot, console, "console.complaint")  # while the customer is at the counter
    panel = console.serving.complaint_panel
    assert side(console) is panel
    assert panel.title.text() == f"Log a complaint about {first}"
    click(qtbot, console, "console.complaint_staff")
    QTest.keyClicks(panel.summary, "Spoken to rudely at the door")
    click(qtbot, console, "console.complaint_save")
    qtbot.waitUntil(lambda: side(console) is not panel and not console.desk.acting, timeout=3000)
    cases = ComplaintBook(branch.kiosk.db, branch.settings, branch.clock).cases(branch.manager)
    assert [(c.category, c.ticket_code) for c in cases] == [("staff", first)]
    finish(qtbot, console)
    qtbot.waitUntil(lambda: side(console) is console.serving.anything_else, timeout=3000)
    call_next(qtbot, console, second)  # calling on answers "anything else?" with "no"
    assert console.desk.last_finished is None
