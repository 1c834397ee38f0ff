"""The seated (low-reach) layout: nothing to touch above the reach line, on every
customer screen, at every screen size, in every language and text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.i18n import LOCALES
from kiosk.reach import ScreenReach
from kiosk.settings import settings_from_mapping
from tests.helpers.frames import FedFrames, camera_frame
from tests.layout_fit import SCREEN_SIZES, controls, fit_problems, visible_rect
from ui.customer.router import Screen
from ui.customer.screenshots import SHOTS, ScreenWalker, walked_kiosk
from ui.customer.window import KioskWindow

from .driver import MANAGER_PIN, Kiosk


@pytest.fixture
def walker(qtbot: QtBot, tmp_path: Path) -> Iterator[ScreenWalker]:
    with walked_kiosk(tmp_path) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        yield walker


def out_of_reach(window: KioskWindow) -> list[str]:
    """Every visible control whose centre is higher than the reach (or under the low
    reach), in millimetres above the floor at the window's mounting."""
    reach = window.router.access.reach
    found = []
    for control in controls(window):
        seen = visible_rect(control, window)
        if seen.isEmpty():
            continue
        centre = seen.center().y()
        if not reach.within_reach(centre, window.height()):
            height = round(reach.height_at(centre, window.height()))
            found.append(f"{control.objectName()} at {height} mm")
    return found


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_every_control_is_within_reach_on_every_screen(walker: ScreenWalker, size: str) -> None:
    """The staff home is left out: signing in ends the customer's seated layout."""
    window, access = walker.window, walker.router.access
    walker.resize(size)
    screen = QSize(*SCREEN_SIZES[size])
    found: list[str] = []
    for step in (0, 2):
        for locale in LOCALES:
            for name in SHOTS:
                if name == "staff_home":
                    continue
                walker.show(name, locale)
                access.set_text_step(step)
                access.set_seated(True)
                walker.settle()
                where = f"{name} ({locale}, text step {step})"
                assert window.headroom.isVisible()
                assert list(controls(window.headroom)) == [], where
                found += [f"{where}: {problem}" for problem in out_of_reach(window)]
                found += [f"{where}: {problem}" for problem in fit_problems(window, screen)]
    assert found == []


@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_the_keypad_stays_within_reach_beside_a_camera_picture(
    qtbot: QtBot, tmp_path: Path, size: str
) -> None:
    camera = FedFrames()
    with walked_kiosk(tmp_path, camera) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        window, access = walker.window, walker.router.access
        walker.resize(size)
        found: list[str] = []
        for step in (0, 2):
            for locale in LOCALES:
                walker.show("rate_code", locale)
                access.set_text_step(step)
                access.set_seated(True)
                camera.feed(camera_frame(None))
                walker.settle()
                assert camera.running
                where = f"rate_code with a camera ({locale}, text step {step})"
                found += [f"{where}: {problem}" for problem in out_of_reach(window)]
                found += [
                    f"{where}: {problem}"
                    for problem in fit_problems(window, QSize(*SCREEN_SIZES[size]))
                ]
        assert found == []


def test_standing_the_top_of_the_screen_is_used(walker: ScreenWalker) -> None:
    """Without the seated layout, controls sit above the reach line (it is a choice)."""
    walker.resize("1080x1920")
    walker.show("questionnaire", "en")
    assert not walker.window.headroom.isVisible()
    assert out_of_reach(walker.window) != []


def test_the_seated_control_lifts_the_headline_and_resets_for_the_next_customer(
    kiosk: Kiosk,
) -> None:
    window = kiosk.window
    window.resize(1080, 1920)
    kiosk.start("zh_Hant")
    question = kiosk.current().headline
    assert question is not None and question.isVisible()
    kiosk.click("a11y.seated")
    seated = kiosk.button("a11y.seated")
    assert seated.isChecked() and seated.text() == seated.accessibleName() == "低位操作"
    kiosk.qtbot.waitUntil(lambda: window.headroom.isVisible())
    line = window.router.access.reach.reach_line_px(window.height())
    assert window.headroom.height() == line
    assert window.headroom.headline.text() == question.text()  # read above the line
    assert not question.isVisible()
    kiosk.click("lang.en")  # the language bar works seated; the headline follows
    assert window.headroom.headline.text() == "How can we help you today?"
    kiosk.click("answer.topic_accounts")
    assert window.headroom.headline.text() == question.text() != ""
    kiosk.click("nav.home")  # the session ends
    kiosk.wait_screen(Screen.WELCOME)
    assert not window.router.access.seated
    assert not window.headroom.isVisible()
    assert not kiosk.button("a11y.seated").isChecked()
    assert not question.isHidden()  # back on its own screen


def test_the_idle_warning_and_staff_entry_work_seated(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.resize(1080, 1920)
    kiosk.manager()
    kiosk.start()
    kiosk.click("a11y.seated")
    idle = window.idle
    assert idle is not None
    idle.warn()
    kiosk.qtbot.waitUntil(lambda: kiosk.has("idle.more_time"))
    more_time = kiosk.button("idle.more_time")
    reach = window.router.access.reach
    centre = more_time.mapTo(window, more_time.rect().center()).y()
    assert reach.within_reach(centre, window.height())
    kiosk.click("idle.more_time")
    kiosk.click("nav.back")  # to the welcome screen, still seated (the same customer)
    kiosk.wait_screen(Screen.WELCOME)
    assert window.router.access.seated
    assert out_of_reach(window) == []
    kiosk.open_pad()
    assert out_of_reach(window) == []
    kiosk.key_in("1")
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    assert not window.router.access.seated  # the staff screens stand


def test_the_mounting_from_the_settings_moves_the_line(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.resize(1080, 1920)
    kiosk.start()
    kiosk.click("a11y.seated")
    default_line = window.headroom.height()
    in_force = window.settings_in_force
    assert in_force is not None
    lower = {"reach": {"screen_bottom_mm": 700, "screen_top_mm": 1250, "screen_height_mm": 560}}
    window.apply_branch_settings(
        settings_from_mapping({**in_force.current.model_dump(mode="json"), **lower})
    )
    assert window.router.access.reach == ScreenReach(700, 1250, 560)
    kiosk.qtbot.waitUntil(lambda: window.headroom.height() < default_line)
    assert window.headroom.height() == ScreenReach(700, 1250, 560).reach_line_px(window.height())


SEATED = {"en": "Seated", "zh_Hans": "低位操作", "zh_Hant": "低位操作"}


@pytest.mark.parametrize("locale", LOCALES)
def test_seated_in_each_language(kiosk: Kiosk, locale: str) -> None:
    window = kiosk.window
    window.resize(1920, 1080)
    kiosk.open_account_guidance(locale)
    kiosk.click("a11y.seated")
    button = kiosk.button("a11y.seated")
    assert button.text() == button.accessibleName() == SEATED[locale]
    assert button.accessibleDescription() == kiosk.language.loc.tr(
        "Puts everything to touch within reach from a wheelchair"
    )
    title = kiosk.current().headline
    assert title is not None
    kiosk.qtbot.waitUntil(lambda: window.headroom.headline.text() == title.text() != "")
    assert out_of_reach(window) == []
    kiosk.click("material.id_document")  # still works below the line
    assert kiosk.button("material.id_document").isChecked()
