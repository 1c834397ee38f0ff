"""Every control of both windows: objectName == accessible identifier, accessible
name == the visible text (or its caption), in every state the console shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.ticket import TicketStatus
from ui.common.theme import contrast_ratio
from ui.console.window import ConsoleWindow
from ui.display.style import (
    BOARD_BG,
    CODE,
    FRESH_BG,
    FRESH_TEXT,
    MUTED,
    PANEL_BG,
    TEXT,
    WARNING_BG,
    WARNING_TEXT,
)
from ui.display.window import DisplayWindow

from .conftest import Branch
from .driver import call_next, click, finish, serve_at, wait_status

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)


def _inside_a_control(widget: QWidget, root: QWidget) -> bool:
    """Parts Qt builds inside a control (a table's header, a combo box's popup list)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _captions(root: QWidget) -> dict[int, str]:
    labels = root.findChildren(QLabel)
    return {id(c.buddy()): c.text() for c in labels if c.buddy() is not None}


def check(root: QWidget) -> int:
    captions = _captions(root)
    problems, checked = [], 0
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _inside_a_control(widget, root):
            continue
        checked += 1
        name = widget.objectName()
        if not name or widget.accessibleIdentifier() != name:
            problems.append(f"{widget!r}: objectName {name!r} ≠ {widget.accessibleIdentifier()!r}")
        if isinstance(widget, QAbstractButton):
            expected = widget.text()
        else:
            expected = captions.get(id(widget), widget.accessibleName())
        if not expected or widget.accessibleName() != expected:
            problems.append(f"{name}: accessible name {widget.accessibleName()!r} ≠ {expected!r}")
    assert not problems, "\n".join(problems)
    return checked


def test_every_console_control_is_named_in_every_state(
    qtbot: QtBot, branch: Branch, make_console: Callable[..., ConsoleWindow]
) -> None:
    branch.issue("open_account")
    branch.issue("lost_card")
    console = make_console(locale="zh_Hans")
    assert check(console) >= 14  # sign-in pad, fields, languages
    serve_at(qtbot, console)
    call_next(qtbot, console, "A001")
    click(qtbot, console, "console.hold")
    wait_status(qtbot, console, TicketStatus.HELD)
    call_next(qtbot, console, "L001")
    qtbot.waitUntil(lambda: bool(console.serving.held_buttons))
    assert check(console) >= 40
    for panel in ("console.finish", "console.transfer", "console.pause"):
        click(qtbot, console, panel)
        check(console)
    finish(qtbot, console)  # "anything else?", then a complaint
    qtbot.waitUntil(lambda: console.serving.side.currentWidget() is console.serving.anything_else)
    check(console)
    click(qtbot, console, "console.log_complaint")
    check(console)
    click(qtbot, console, "console.lang_en")
    check(console)
    click(qtbot, console, "console.sign_out")
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.sign_in)
    check(console)


def test_the_display_names_its_texts_and_keeps_its_contrast(
    qtbot: QtBot, branch: Branch, make_display: Callable[..., DisplayWindow]
) -> None:
    display = make_display()
    ticket = branch.issue("open_account")
    with qtbot.waitSignal(display.call_did_show, timeout=2000):
        branch.kiosk.desk().call("3", ticket.ticket_id)
    check(display)
    for widget in display.findChildren(QLabel):
        assert widget.accessibleName() == widget.text(), widget.objectName()
    pairs = [
        (TEXT, BOARD_BG),
        (TEXT, PANEL_BG),
        (MUTED, PANEL_BG),
        (CODE, PANEL_BG),
        (FRESH_TEXT, FRESH_BG),
        (WARNING_TEXT, WARNING_BG),
    ]
    for foreground, background in pairs:
        assert contrast_ratio(foreground, background) >= 7, (foreground, background)
