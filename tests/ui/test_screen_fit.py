"""Every customer screen fits every screen a branch has, in every language and theme.

One kiosk per screen size (the built-in catalogue, with its long notes, a queue and a
paused service) is walked through the screens of ``kiosk screenshot``; each must pass
:func:`tests.layout_fit.fit_problems`. The route to a person must be in view without
scrolling, the checklist must keep items in view beside the actions, and every screen
opens at its top.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.i18n import LOCALES
from tests.helpers.frames import FedFrames, camera_frame
from tests.layout_fit import SCREEN_SIZES, fit_problems, scrolled_away, visible_rect, window_rect
from ui.common.text_size import TEXT_STEPS
from ui.customer.app import KioskApp
from ui.customer.look import Look
from ui.customer.router import Screen
from ui.customer.screens.questionnaire import QuestionnaireScreen, person_option
from ui.customer.screens.service_detail import ServiceDetailScreen
from ui.customer.screenshots import SCREENS, SHOTS, ScreenWalker, walked_kiosk

from .conftest import make_settings

CHECKLIST_IN_VIEW = 2
"""Checklist items of "Open an account" fully in view at 1366x768, high contrast."""


@pytest.fixture
def walker(qtbot: QtBot, tmp_path: Path) -> Iterator[ScreenWalker]:
    with walked_kiosk(tmp_path) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        yield walker


@pytest.fixture
def camera_walker(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ScreenWalker, FedFrames]]:
    """A kiosk with a camera: its picture beside the number to rate."""
    camera = FedFrames()
    with walked_kiosk(tmp_path, camera) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        yield walker, camera


def fully_in_view(button: QAbstractButton, walker: ScreenWalker) -> bool:
    window = walker.window
    return button.isVisible() and visible_rect(button, window) == window_rect(button, window)


def person_button(walker: ScreenWalker) -> QAbstractButton:
    questionnaire = walker.router.page(Screen.QUESTIONNAIRE)
    assert isinstance(questionnaire, QuestionnaireScreen)
    question = questionnaire.journey.question
    option = person_option(question)
    assert option is not None, f"question {question.id} has no way to a person"
    return questionnaire.answer_buttons[option.id]


def test_the_sizes_checked_are_the_sizes_shot() -> None:
    assert SCREENS == SCREEN_SIZES


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_every_screen_fits(walker: ScreenWalker, size: str) -> None:
    window, theme = walker.window, walker.window.theme
    screen = QSize(*SCREEN_SIZES[size])
    walker.resize(size)
    assert window.size() == screen
    found: list[str] = []
    for high_contrast in (False, True):
        for locale in LOCALES:
            for name in SHOTS:
                walker.show(name, locale)
                theme.set_high_contrast(high_contrast)  # a new customer gets the default
                walker.settle()
                where = f"{name} ({locale}, {'high contrast' if high_contrast else 'normal'})"
                found += [f"{where}: {problem}" for problem in fit_problems(window, screen)]
                if name != "idle":  # the warning opens over a screen that was scrolled
                    found += [f"{where}: {area} not at its top" for area in scrolled_away(window)]
                if name == "questionnaire":
                    person = person_button(walker)
                    if not fully_in_view(person, walker):
                        found.append(f"{where}: {person.objectName()} is not in view")
    assert found == []


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_every_screen_fits_at_each_larger_text_size(walker: ScreenWalker, size: str) -> None:
    """×1.25 and ×1.5, every language: texts wrap, long content scrolls, nothing is cut.

    The staff home is left out: signing in brings the text back to normal
    (``test_text_size``); the PIN pad, which a customer's size reaches, is in."""
    window, access = walker.window, walker.router.access
    screen = QSize(*SCREEN_SIZES[size])
    walker.resize(size)
    found: list[str] = []
    for step in range(1, len(TEXT_STEPS)):
        for locale in LOCALES:
            for name in SHOTS:
                if name == "staff_home":
                    continue
                walker.show(name, locale)
                access.set_text_step(step)  # after the welcome screen's reset
                walker.settle()
                where = f"{name} ({locale}, text ×{TEXT_STEPS[step]})"
                found += [f"{where}: {problem}" for problem in fit_problems(window, screen)]
                if name == "questionnaire" and not fully_in_view(person_button(walker), walker):
                    found.append(f"{where}: the way to a person is not in view")
    assert found == []


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_the_camera_picture_fits_beside_the_number_at_each_text_size(
    camera_walker: tuple[ScreenWalker, FedFrames], size: str
) -> None:
    walker, camera = camera_walker
    window, access = walker.window, walker.router.access
    screen = QSize(*SCREEN_SIZES[size])
    walker.resize(size)
    frame = camera_frame("20261203-A023-0123abcd")
    found: list[str] = []
    for step in range(len(TEXT_STEPS)):
        for locale in LOCALES:
            walker.show("rate_code", locale)
            access.set_text_step(step)
            camera.feed(frame)
            walker.settle()
            panel = walker.window.findChild(QWidget, "feedback.scan")
            assert camera.running and panel is not None and panel.isVisible()
            where = f"rate_code with a camera ({locale}, text ×{TEXT_STEPS[step]})"
            found += [f"{where}: {problem}" for problem in fit_problems(window, screen)]
    assert found == []


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_the_way_to_a_person_is_in_view_on_every_question(walker: ScreenWalker, size: str) -> None:
    """Through the whole questionnaire, with the list of answers scrolled to its end."""
    walker.resize(size)
    walker.window.theme.set_high_contrast(True)
    walker.show("questionnaire", "zh_Hans")
    questionnaire = walker.router.page(Screen.QUESTIONNAIRE)
    assert isinstance(questionnaire, QuestionnaireScreen)
    for answer in (None, "topic_accounts", "topic_cards"):
        if answer == "topic_cards":
            questionnaire.go_back()
        if answer is not None:
            questionnaire.answer(answer)
        walker.settle()
        bar = questionnaire.content_area.verticalScrollBar()
        assert scrolled_away(walker.window) == []  # a new question starts at its top
        bar.setValue(bar.maximum())
        walker.settle()
        assert fully_in_view(person_button(walker), walker), (size, answer)


def test_the_checklist_keeps_items_in_view_at_1366x768(walker: ScreenWalker) -> None:
    walker.resize("1366x768")
    for locale in LOCALES:
        walker.show("welcome", locale)
        walker.window.theme.set_high_contrast(True)
        walker.show("questionnaire", locale)
        walker.show("guidance", locale)  # "Open an account": one item ticked, one missing
        guidance = walker.router.page(Screen.SERVICE_DETAIL)
        assert isinstance(guidance, ServiceDetailScreen)
        assert guidance.guidance.missing_box.isVisible()
        items = list(guidance.material_items.values())
        in_view = [item for item in items if fully_in_view(item, walker)]
        assert len(in_view) >= CHECKLIST_IN_VIEW, (locale, [i.text() for i in in_view])
        for button in (guidance.take_button, guidance.print_list_button):
            assert fully_in_view(button, walker)


def test_a_screen_opens_at_its_top_after_it_was_scrolled(walker: ScreenWalker) -> None:
    walker.resize("1080x1920")
    walker.show("welcome", "zh_Hant")
    walker.show("questionnaire", "zh_Hant")
    walker.show("guidance", "zh_Hant")
    guidance = walker.router.page(Screen.SERVICE_DETAIL)
    assert isinstance(guidance, ServiceDetailScreen)
    bar = guidance.content_area.verticalScrollBar()
    assert bar.maximum() > 0, "the guidance screen scrolls in portrait"
    bar.setValue(bar.maximum())
    assert scrolled_away(walker.window) != []
    guidance.go_back()  # to the question that led here
    walker.settle()
    assert walker.router.current_page() is walker.router.page(Screen.QUESTIONNAIRE)
    questionnaire = walker.router.page(Screen.QUESTIONNAIRE)
    assert isinstance(questionnaire, QuestionnaireScreen)
    questionnaire.answer("open_new_account")
    walker.settle()
    assert walker.router.current_page() is guidance
    assert scrolled_away(walker.window) == []
    assert bar.value() == 0


def test_without_fullscreen_the_window_takes_the_screen_it_opens_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = make_settings(tmp_path)
    kiosk = KioskApp(app, Look.from_settings(settings), settings=settings, exit_app=lambda _s: None)
    qtbot.addWidget(kiosk.window)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    screen = kiosk.window.screen()
    assert kiosk.window.isMaximized()  # where a window manager frames it, the frame fits too
    assert kiosk.window.frameGeometry() == screen.availableGeometry()
    kiosk.shutdown()
