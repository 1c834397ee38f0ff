"""The counter console fits every screen a branch has, in every language and theme:
nothing cut off, nothing overlapping, every control at least 48×48."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.complaints import Complaints
from kiosk.i18n import LOCALES
from tests.helpers.clock import FakeClock
from tests.layout_fit import SCREEN_SIZES, cut_button_texts, fit_problems
from ui.console.main import opening_size
from ui.console.window import ConsoleWindow

from .conftest import Branch
from .driver import call_next, click, finish, serve_at, sign_in

Console = Callable[..., ConsoleWindow]


def _check(qtbot: QtBot, console: ConsoleWindow, state: str) -> list[str]:
    """Every problem at every screen size, language and theme, named with where it is."""
    problems: list[str] = []
    for screen, (width, height) in SCREEN_SIZES.items():
        console.resize(width, height)
        for high_contrast in (False, True):
            console.theme.set_high_contrast(high_contrast)
            for locale in LOCALES:
                console.language.set_locale(locale)
                qtbot.wait(10)
                where = f"{state} {screen} {locale} {'high contrast' if high_contrast else ''}"
                if console.size() != QSize(width, height):
                    problems.append(f"{where}: window is {console.size().toTuple()}")
                problems += [f"{where}: {p}" for p in fit_problems(console, QSize(width, height))]
                problems += [f"{where}: {p}" for p in cut_button_texts(console)]
    console.theme.set_high_contrast(False)
    console.language.set_locale("en")
    return problems


@pytest.mark.parametrize("panel", [None, "finish", "transfer", "pause"])
def test_the_serving_page_fits_every_screen(
    qtbot: QtBot, branch: Branch, make_console: Console, panel: str | None
) -> None:
    for _ in range(20):  # a long waiting list
        branch.issue("open_account", missing=("id_card",))
    branch.kiosk.desk().set_counter("12", ("open_account", "lost_card"))
    console = make_console()
    serve_at(qtbot, console, "12")
    call_next(qtbot, console, "A001")
    if panel is not None:
        click(qtbot, console, f"console.{panel}")
    assert _check(qtbot, console, f"serving {panel or ''}") == []


def test_sign_in_and_counter_choice_fit_every_screen(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    desk = branch.kiosk.desk()
    for number in range(5, 15):  # a large branch
        desk.set_counter(str(number), ("open_account",))
    console = make_console()
    problems = _check(qtbot, console, "sign-in")
    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.counters, timeout=5000)
    problems += _check(qtbot, console, "counters")
    assert problems == []


@pytest.mark.parametrize("screen", SCREEN_SIZES)
def test_the_console_opens_at_a_size_its_screen_holds_in_the_screens_shape(screen: str) -> None:
    width, height = SCREEN_SIZES[screen]
    opened = opening_size((width, height))
    assert opened[0] <= width and opened[1] <= height
    assert (opened[1] > opened[0]) == (height > width)


def test_an_empty_counter_says_so_on_one_line(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    from PySide6.QtWidgets import QLabel

    console = make_console()
    console.resize(1366, 768)
    serve_at(qtbot, console)
    status = console.findChild(QLabel, "console.ticket_status")
    assert status is not None
    qtbot.waitUntil(lambda: status.text() == "No customer at the counter")
    qtbot.wait(50)
    assert status.fontMetrics().horizontalAdvance(status.text()) <= status.contentsRect().width()


@pytest.mark.parametrize("panel", ["anything_else", "complaint"])
def test_after_the_visit_panels_fit_every_screen(
    qtbot: QtBot, branch: Branch, make_console: Console, clock: FakeClock, panel: str
) -> None:
    Complaints(branch.kiosk.db, branch.settings, clock).open_at_kiosk("wait", "Queue")
    clock.advance(days=2)  # overdue: the console highlights it
    for _ in range(5):
        branch.issue("open_account")
    console = make_console()
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    finish(qtbot, console)
    qtbot.waitUntil(lambda: console.serving.side.currentWidget() is console.serving.anything_else)
    qtbot.waitUntil(console.serving.overdue.isVisible)
    if panel == "complaint":
        click(qtbot, console, "console.log_complaint")
    assert _check(qtbot, console, f"after the visit {panel}") == []
