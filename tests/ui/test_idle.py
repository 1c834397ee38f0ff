"""The idle warning: "I need more time" keeps the session; the countdown's end wipes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.db.models_reports import VisitExit
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import Kiosk

FAST = Timings(idle_ms=400, countdown_s=20, idle_tick_ms=20)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., Kiosk]) -> Kiosk:
    return make_kiosk(timings=FAST)


def overlay_visible(kiosk: Kiosk) -> bool:
    assert kiosk.window.overlay is not None
    return kiosk.window.overlay.isVisible()


def test_no_warning_on_the_welcome_screen(kiosk: Kiosk) -> None:
    kiosk.qtbot.wait(400)
    assert not overlay_visible(kiosk)


def test_i_need_more_time_keeps_the_session(kiosk: Kiosk) -> None:
    kiosk.open_account_guidance("zh_Hant")
    kiosk.click("material.id_document")
    kiosk.qtbot.waitUntil(lambda: overlay_visible(kiosk), timeout=2000)
    assert kiosk.button("idle.more_time").text() == kiosk.language.loc.tr("I need more time")

    kiosk.click("idle.more_time")
    assert not overlay_visible(kiosk)
    assert kiosk.screen is Screen.SERVICE_DETAIL
    assert kiosk.session.materials_have == {"id_document"}
    assert kiosk.language.locale == "zh_Hant"
    # The wait starts again: a second warning comes later.
    kiosk.qtbot.waitUntil(lambda: overlay_visible(kiosk), timeout=2000)


def test_the_countdown_end_wipes_everything(kiosk: Kiosk) -> None:
    kiosk.open_account_guidance("zh_Hans")
    kiosk.click("material.id_document")
    kiosk.click("material.photo")
    kiosk.qtbot.waitUntil(lambda: overlay_visible(kiosk), timeout=2000)
    assert kiosk.window.overlay is not None
    countdown = kiosk.window.overlay.countdown
    kiosk.qtbot.waitUntil(lambda: countdown.text() == "19", timeout=2000)

    kiosk.wait_screen(Screen.WELCOME, timeout=3000)
    assert not overlay_visible(kiosk)
    assert kiosk.session.journey is None
    assert kiosk.session.service_slug is None and kiosk.session.materials_have == set()
    assert kiosk.language.locale == "en"
    kiosk.qtbot.waitUntil(lambda: len(kiosk.visits()) == 1, timeout=2000)
    [visit] = kiosk.visits()
    assert (visit.outcome, visit.service_slug) == ("abandoned", "open_account")
    assert visit.answers == ["topic_accounts", "open_new_account"]
    assert sorted(visit.materials_have) == ["id_document", "photo"]
    with kiosk.backend.db.session() as session:  # the reports count walk-aways per screen
        assert session.get(VisitExit, visit.id).screen == "service_detail"  # type: ignore[union-attr]

    kiosk.open_account_guidance("en")  # the next customer finds nothing ticked
    assert not any(kiosk.button(f"material.{m}").isChecked() for m in ("id_document", "photo"))


def test_a_touch_postpones_the_warning(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=Timings(idle_ms=400, countdown_s=20))
    kiosk.start("en")
    for _ in range(6):  # 600 ms in all, never 400 ms without a touch
        kiosk.qtbot.wait(100)
        QTest.mouseClick(kiosk.current(), Qt.MouseButton.LeftButton)
    assert not overlay_visible(kiosk)


def test_input_is_watched_only_while_a_timer_waits(kiosk: Kiosk) -> None:
    activity = kiosk.window.activity
    assert activity is not None
    assert not activity.listening  # the welcome screen waits for no one
    kiosk.start("en")
    assert activity.listening
    kiosk.click("answer.topic_accounts")
    assert not activity.listening  # the next question is built without it
    kiosk.qtbot.waitUntil(lambda: activity.listening, timeout=2000)
    kiosk.click("nav.home")
    kiosk.qtbot.wait(400)
    assert not activity.listening
