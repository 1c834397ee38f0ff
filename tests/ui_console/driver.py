"""Drive the console like staff do: find controls by object name and touch them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ticket import TicketStatus
from ui.console.window import ConsoleWindow

from .conftest import MANAGER_PIN

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, name: str, kind: type[W]) -> W:
    widget = root.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def text(root: QWidget, name: str) -> str:
    widget = find(root, name, QWidget)
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    raise AssertionError(f"{name!r} shows no text")


def click(qtbot: QtBot, root: QWidget, name: str) -> None:
    button = find(root, name, QAbstractButton)
    assert button.isVisible(), f"{name!r} is hidden"
    assert button.isEnabled(), f"{name!r} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def enabled(root: QWidget, name: str) -> bool:
    return find(root, name, QAbstractButton).isEnabled()


def type_digits(qtbot: QtBot, console: ConsoleWindow, digits: str) -> None:
    for digit in digits:
        click(qtbot, console, f"console.key_{digit}")


def sign_in(
    qtbot: QtBot, console: ConsoleWindow, number: str = "1", pin: str = MANAGER_PIN
) -> None:
    click(qtbot, console, "console.field_number")
    click(qtbot, console, "console.key_clear")
    type_digits(qtbot, console, number)
    click(qtbot, console, "console.key_ok")
    type_digits(qtbot, console, pin)
    click(qtbot, console, "console.key_ok")


def serve_at(qtbot: QtBot, console: ConsoleWindow, counter: str = "3") -> None:
    """Sign in as the manager and open ``counter``; wait for its waiting list."""
    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.counters, timeout=5000)
    click(qtbot, console, f"console.counter_{counter}")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.serving, timeout=5000)
    qtbot.waitUntil(lambda: console.desk.catalogue is not None, timeout=5000)


def current_code(console: ConsoleWindow) -> str | None:
    current = console.desk.current
    return current.code if current is not None else None


def wait_current(qtbot: QtBot, console: ConsoleWindow, code: str | None) -> None:
    qtbot.waitUntil(lambda: current_code(console) == code and not console.desk.acting, timeout=5000)


def wait_status(qtbot: QtBot, console: ConsoleWindow, status: TicketStatus) -> None:
    def reached() -> bool:
        current = console.desk.current
        return current is not None and current.status == status and not console.desk.acting

    qtbot.waitUntil(reached, timeout=5000)


def call_next(qtbot: QtBot, console: ConsoleWindow, expect: str | None) -> None:
    qtbot.waitUntil(lambda: enabled(console, "console.call_next"), timeout=5000)
    click(qtbot, console, "console.call_next")
    wait_current(qtbot, console, expect)


def finish(qtbot: QtBot, console: ConsoleWindow, outcome: str = "served", note: str = "") -> None:
    click(qtbot, console, "console.finish")
    click(qtbot, console, f"console.outcome_{outcome}")
    if note:
        QTest.keyClicks(console.serving.finish_panel.note, note)
    click(qtbot, console, "console.finish_confirm")
    wait_current(qtbot, console, None)


def waiting_codes(console: ConsoleWindow) -> list[str]:
    return [ticket.code for ticket in console.desk.waiting]
