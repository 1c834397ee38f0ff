"""Kiosk mode's hold on the screen: the window covers the whole screen, visible and
on top, with or without a window manager.

``showFullScreen()`` only asks a window manager; on a bare X server (the usual
kiosk set-up) nobody acts on it, so :class:`ScreenHold` sets the window's geometry
to the screen's itself. Minimise, show-desktop or a newer window on top (under a
window manager) are undone within :data:`HOLD_INTERVAL_MS`; Qt may then report
``WindowMinimized | WindowFullScreen`` with ``isFullScreen()`` still true, so the
minimised bit is checked on its own.

:class:`WindowDestroyedWatch` sees the window destroyed from outside (``xdotool
windowclose``, a client killer): a process without its window serves nobody, so
the kiosk then ends with :data:`EXIT_WINDOW_LOST` and its supervisor starts it
again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

HOLD_INTERVAL_MS = 1000
EXIT_WINDOW_LOST = 3
"""The process status when the kiosk's window was destroyed from outside."""

_XCB_DESTROY_NOTIFY = 17
_STACKING_PLATFORMS = ("xcb", "wayland", "eglfs", "linuxfb")
"""Platforms with windows above and below (offscreen and minimal have none)."""


@cache
def _xcb_destroy_notify() -> Any:
    """The C layout of ``xcb_destroy_notify_event_t`` (ctypes loads with kiosk mode)."""
    import ctypes

    class XcbDestroyNotify(ctypes.Structure):
        _fields_ = (
            ("response_type", ctypes.c_uint8),
            ("pad0", ctypes.c_uint8),
            ("sequence", ctypes.c_uint16),
            ("event", ctypes.c_uint32),
            ("window", ctypes.c_uint32),
        )

    return XcbDestroyNotify


class ScreenHold(QObject):
    """Keeps ``window`` covering its screen, shown and raised, while :meth:`start`-ed."""

    def __init__(self, window: QWidget, interval_ms: int = HOLD_INTERVAL_MS) -> None:
        super().__init__(window)
        self._window = window
        self.restored = 0
        """How many times the window had to be put back (for the log and tests)."""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.hold)

    def start(self) -> None:
        window = self._window
        window.setGeometry(self.screen_rect())
        window.showFullScreen()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def screen_rect(self) -> QRect:
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        return screen.geometry()

    def is_held(self) -> bool:
        window = self._window
        handle = window.windowHandle()
        return (
            window.isVisible()
            and (handle is None or handle.isExposed() or not _stacking())
            and not window.windowState() & Qt.WindowState.WindowMinimized
            and bool(window.windowState() & Qt.WindowState.WindowFullScreen)
            and window.geometry().contains(self.screen_rect())  # at least the screen
        )

    def hold(self) -> None:
        """Put the window back if it was minimised, hidden, moved or resized; keep it
        above other windows unless one of the kiosk's own (a dialog, the on-screen
        keyboard) is showing."""
        if not self._timer.isActive():
            return
        window = self._window
        if not self.is_held():
            self.restored += 1
            log.warning(
                "Kiosk mode: the window was %s (%s, screen %s); covering the screen again",
                self._what(),
                window.geometry(),
                self.screen_rect(),
            )
            state = window.windowState() & ~Qt.WindowState.WindowMinimized
            if _stacking() and window.isVisible():
                window.hide()  # unmapped behind Qt's back (show-desktop): map it afresh
            window.setWindowState(state | Qt.WindowState.WindowFullScreen)
            window.setGeometry(self.screen_rect())
            window.showFullScreen()
        if _stacking() and not self._own_window_showing():
            window.raise_()
            window.activateWindow()

    def _what(self) -> str:
        window = self._window
        handle = window.windowHandle()
        if not window.isVisible() or (handle is not None and not handle.isExposed()):
            return "hidden"
        if window.windowState() & Qt.WindowState.WindowMinimized:
            return "minimised"
        return "moved or resized"

    def _own_window_showing(self) -> bool:
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return True
        main = self._window.windowHandle()
        return any(w.isVisible() and w is not main for w in QGuiApplication.topLevelWindows())


def _stacking() -> bool:
    return QGuiApplication.platformName() in _STACKING_PLATFORMS


class WindowDestroyedWatch(QAbstractNativeEventFilter):
    """Calls ``on_destroyed`` when the X server destroys the window (xcb only)."""

    def __init__(self, window: QWidget, on_destroyed: Callable[[], None]) -> None:
        super().__init__()
        self._window = window
        self._on_destroyed = on_destroyed
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed and QGuiApplication.platformName() == "xcb":
            _xcb_destroy_notify()  # ctypes loads now, not at the first X event
            app.installNativeEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeNativeEventFilter(self)
            self._installed = False

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        address = int(message)  # a shiboken VoidPtr of size 0: false as a truth value
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if address and kind == b"xcb_generic_event_t":
            event = _xcb_destroy_notify().from_address(address)
            if (event.response_type & 0x7F) == _XCB_DESTROY_NOTIFY and event.window == int(
                self._window.winId()
            ):
                log.error("Kiosk mode: the window was destroyed from outside; ending")
                QTimer.singleShot(0, self._on_destroyed)
        return False, 0
