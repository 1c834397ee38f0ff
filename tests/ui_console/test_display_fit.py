"""The lobby display fills exactly its screen, whatever the language and however many
tickets: one layout per screen shape, and every text readable from across the lobby."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.i18n import LOCALES
from tests.layout_fit import SCREEN_SIZES, fit_problems, window_rect
from ui.display.fit import CAP_FRACTION
from ui.display.rows import BoardLabel
from ui.display.window import DisplayWindow

from .conftest import Branch

Display = Callable[..., DisplayWindow]


def _busy_branch(branch: Branch, tickets: int = 30) -> None:
    """Many waiting tickets in every service and more calls than the board holds."""
    for index in range(tickets):
        branch.issue(("open_account", "lost_card", "general_enquiry", "remittance")[index % 4])
    desk = branch.kiosk.desk()
    desk.set_counter("12", ("open_account", "lost_card", "general_enquiry", "remittance"))
    for index, ticket in enumerate(desk.waiting("3")[:8]):
        desk.call(("12", "3")[index % 2], ticket.ticket_id)  # the newest at 3, the next at 12


def _layout(display: DisplayWindow) -> tuple[object, ...]:
    """What the screen's shape decides: directions, row counts and every label's place."""
    labels = sorted(
        (w.objectName(), w.geometry().getRect())
        for w in display.findChildren(BoardLabel)
        if w.isVisible() and w.objectName() != "display.clock"
    )
    return (
        display.boards.direction(),
        display.waiting.list.hidden_rows,
        tuple(labels),
    )


@pytest.mark.parametrize("screen", SCREEN_SIZES)
def test_the_display_fills_its_screen_in_every_language(
    qtbot: QtBot, branch: Branch, make_display: Display, screen: str
) -> None:
    _busy_branch(branch)
    display = make_display(languages=LOCALES, refresh_ms=100)
    width, height = SCREEN_SIZES[screen]
    display.resize(width, height)
    qtbot.waitUntil(lambda: len(display.calls.calls) > 1, timeout=3000)
    layouts, seen = [], []
    for _turn in range(2 * len(LOCALES)):  # twice round the rotation: nothing grows
        qtbot.wait(20)  # the layout settles
        locale = display.language.locale
        seen.append(locale)
        assert display.size() == QSize(width, height), (locale, display.size())
        assert fit_problems(display, QSize(width, height)) == []
        hint = display.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, (locale, hint)
        for widget in display.findChildren(QLabel):
            if widget.isVisible() and widget.text():
                cap = QFontMetrics(widget.font()).capHeight()
                assert cap >= height / CAP_FRACTION, (locale, widget.objectName(), cap)
                place = window_rect(widget, display)
                assert display.rect().contains(place), (locale, widget.objectName(), place)
        texts = [
            (w.objectName(), window_rect(w, display))
            for w in display.findChildren(QLabel)
            if w.isVisible() and w.text()
        ]
        for index, (name, place) in enumerate(texts):
            for other, other_place in texts[index + 1 :]:
                assert not place.intersects(other_place), (locale, name, other)
        for code, counter in display.calls.rows:  # calls are never cut short
            for call_label in (code, counter):
                if call_label.isVisible():
                    assert call_label.shown_text() == call_label.text(), (locale, call_label.text())
        clock = display.clock
        assert clock.shown_text() == clock.text(), "the clock is cut short, not the time alone"
        assert clock.text().endswith(
            display.language.loc.time(branch.clock(), branch.settings.business.zone)
        )
        layouts.append(_layout(display))
        display._rotate()
    assert sorted(set(seen)) == sorted(LOCALES)
    for layout in layouts:
        assert layout == layouts[0], "the layout moved with the language"
    portrait = height > width
    assert display.boards.direction() == (
        display.boards.Direction.TopToBottom if portrait else display.boards.Direction.LeftToRight
    )


def test_a_long_waiting_list_shows_what_fits_and_says_how_many_more(
    qtbot: QtBot, branch: Branch, make_display: Display
) -> None:
    _busy_branch(branch)
    display = make_display(refresh_ms=100)
    display.resize(1080, 1920)
    qtbot.waitUntil(lambda: display.waiting.list.hidden_rows > 0, timeout=3000)
    hidden = display.waiting.list.hidden_rows
    shown = [row for row in display.waiting.list.rows if row.isVisible()]
    assert len(shown) + hidden == 4
    assert display.waiting.more.isVisible()
    expected = f"+{hidden} more services" if hidden > 1 else "+1 more service"
    assert display.waiting.more.text() == expected
    assert display.waiting.more.geometry().bottom() <= display.waiting.list.height()
    display.resize(1920, 1080)  # the same tickets on a landscape screen: all fit
    qtbot.waitUntil(lambda: display.waiting.list.hidden_rows == 0, timeout=3000)
    assert not display.waiting.more.isVisible()


def test_a_name_too_long_for_the_board_is_elided_not_widening_the_window(
    qtbot: QtBot, branch: Branch, make_display: Display
) -> None:
    display = make_display()
    display.resize(1366, 768)
    name = "Riverside Branch of the Very Long Name Savings and Loans Association " * 3
    display.branch.setText(name)
    qtbot.wait(20)
    assert display.size() == QSize(1366, 768)
    assert display.branch.text() == name
    assert display.branch.accessibleName() == name
    shown = display.branch.shown_text()
    assert shown.endswith("…") and len(shown) < len(name)
    assert display.branch.fontMetrics().horizontalAdvance(shown) <= display.branch.width()
