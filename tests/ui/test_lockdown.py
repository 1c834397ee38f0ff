"""Kiosk mode: full screen, on top, no way out by keys or close requests; a manager's PIN
(not a staff member's) leaves it, and that is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cli.main import build_parser
from kiosk.audit import AuditLog
from ui.customer.router import Screen

from .driver import MANAGER_PIN, Kiosk

CLERK_PIN = "246810"
CLOSING_KEYS = (
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
)


def test_kiosk_mode_leaves_only_with_a_manager_pin(kiosk: Kiosk) -> None:
    window = kiosk.window
    manager = kiosk.manager()
    kiosk.backend.staff.add(manager, number="7", name="Clara", role="staff", pin=CLERK_PIN)
    window.lock_down(hide_cursor=True)
    kiosk.qtbot.waitUntil(window.isFullScreen, timeout=2000)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.welcome.staff_corner.isVisible()

    for key, modifiers in CLOSING_KEYS:
        QTest.keyClick(window.focusWidget() or window, key, modifiers)
    assert window.lockdown.refused == ["Alt+F4", "Esc", "Ctrl+Q", "Ctrl+W"]
    assert window.close() is False
    assert window.isVisible() and window.lockdown.refused[-1] == "close"

    kiosk.sign_in("7", CLERK_PIN)  # staff may use the staff home, not leave kiosk mode
    kiosk.click("staff.exit_kiosk")
    kiosk.wait_screen(Screen.PIN_PAD)
    kiosk.wait_pad("number")
    assert kiosk.text("pin.prompt").startswith("A manager must sign in to leave kiosk mode.")
    kiosk.key_in("7")
    kiosk.key_in(CLERK_PIN)
    assert kiosk.pad_message() == "Only a manager can do this."
    assert window.isVisible() and window.lockdown.active

    kiosk.key_in("1")
    with kiosk.qtbot.waitSignal(window.kiosk_did_exit, timeout=3000):
        kiosk.key_in(MANAGER_PIN)
    assert not window.isVisible() and not window.lockdown.active
    assert window.settings is not None
    audit = AuditLog(kiosk.backend.db, window.settings.kiosk.id)
    [entry] = audit.entries(action="kiosk.exit")
    assert (entry.actor_name, entry.target) == ("Mei", f"kiosk:{window.settings.kiosk.id}")
    [refused] = audit.entries(action="access.refused")  # the clerk's try is in the trail
    assert (refused.actor_name, refused.target) == ("Clara", "kiosk.exit")


def test_the_staff_home_offers_no_exit_outside_kiosk_mode(kiosk: Kiosk) -> None:
    kiosk.manager()
    kiosk.sign_in("1", MANAGER_PIN)
    assert not kiosk.has("staff.exit_kiosk")
    assert kiosk.window.close() is True


def test_kiosk_run_has_a_kiosk_flag() -> None:
    args = build_parser().parse_args(["run", "--kiosk", "--hide-cursor"])
    assert args.kiosk and args.hide_cursor
    assert not build_parser().parse_args(["run"]).kiosk


def test_kiosk_mode_puts_the_window_back_over_the_whole_screen(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.lock_down()
    hold = window.lockdown.hold
    screen = hold.screen_rect()
    kiosk.qtbot.waitUntil(lambda: window.geometry().contains(screen), timeout=2000)

    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    kiosk.qtbot.waitUntil(hold.is_held, timeout=3000)  # at once, from the state change
    assert not window.windowState() & Qt.WindowState.WindowMinimized

    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(100, 100, 640, 480)
    kiosk.qtbot.waitUntil(lambda: window.geometry().contains(screen), timeout=3000)
    assert hold.restored >= 2

    window.lockdown.release()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(100, 100, 640, 480)
    kiosk.qtbot.wait(1200)  # released: the hold lets go
    assert window.geometry().size().width() == 640
