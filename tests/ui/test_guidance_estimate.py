"""The guidance screen's wait estimate comes after its first frame, not during the tap."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.customer.router import Screen
from ui.customer.screens.service_detail import ServiceDetailScreen

from .driver import Kiosk


def test_the_estimate_is_asked_for_once_the_screen_is_painted(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.start()
    kiosk.router.session.service_slug = "open_account"
    screen = kiosk.router.page(Screen.SERVICE_DETAIL)
    assert isinstance(screen, ServiceDetailScreen)
    kiosk.router.go(Screen.SERVICE_DETAIL)
    # filled and shown, not yet painted: no query is running beside the paint
    assert not kiosk.window.worker.busy
    assert screen.queue.text() != "No one is waiting now."
    qtbot.waitUntil(lambda: screen.queue.text() == "No one is waiting now.", timeout=3000)


def test_leaving_before_the_paint_asks_nothing(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.start()
    kiosk.router.session.service_slug = "open_account"
    screen = kiosk.router.page(Screen.SERVICE_DETAIL)
    assert isinstance(screen, ServiceDetailScreen)
    kiosk.router.go(Screen.SERVICE_DETAIL)
    kiosk.router.go(Screen.QUESTIONNAIRE)
    qtbot.wait(200)
    assert not kiosk.window.worker.busy
    assert screen.queue.text() != "No one is waiting now."
