"""Kiosk lockdown: the window fills the screen, has no frame, stays on top, and the
keys that close or leave a window (Alt+F4, Escape, Ctrl+Q, Ctrl+W) do nothing.

The window also refuses close requests while :attr:`Lockdown.active` (see
``KioskWindow.closeEvent``); only a manager's PIN at ``staff.exit_kiosk``
releases it. The mouse cursor can be hidden for touch-only screens. It covers the
screen itself and comes back after minimise or being covered
(:class:`~ui.customer.screen_hold.ScreenHold`); a window destroyed from outside
ends the process (:attr:`Lockdown.window_lost`), for its supervisor to restart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from ui.customer.screen_hold import ScreenHold, WindowDestroyedWatch

log = logging.getLogger(__name__)

KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease)
CLOSING_SEQUENCES = (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit)


def is_closing_key(event: QKeyEvent) -> bool:
    """Keys that close a window, quit an application or leave full screen."""
    key, mods = event.key(), event.modifiers()
    if key == Qt.Key.Key_Escape:
        return True
    if key == Qt.Key.Key_F4 and mods & Qt.KeyboardModifier.AltModifier:
        return True
    if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Q, Qt.Key.Key_W):
        return True
    return any(event.matches(sequence) for sequence in CLOSING_SEQUENCES)


class Lockdown(QObject):
    window_lost = Signal()
    """The window was destroyed from outside while locked down: end the process."""

    def __init__(self, window: QWidget, hide_cursor: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self.hold = ScreenHold(window)
        self._destroyed = WindowDestroyedWatch(window, self._lost)
        self.hide_cursor = hide_cursor
        self._cursor_hidden = False
        self.active = False
        self.refused: list[str] = []
        """What was refused (keys and close requests), for the log and tests."""

    def engage(self) -> None:
        """Lock the window down and show it full screen."""
        window = self._window
        flags = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        window.setWindowFlags(window.windowFlags() | flags)
        app = QApplication.instance()
        if app is not None and not self.active:
            app.installEventFilter(self)
        if self.hide_cursor and not self._cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True
        self.active = True
        self.hold.start()
        self._destroyed.install()

    def _lost(self) -> None:
        self.hold.stop()  # nothing left to hold
        self.window_lost.emit()

    def release(self) -> None:
        """A manager unlocked it: keys and close requests work again."""
        app = QApplication.instance()
        if app is not None and self.active:
            app.removeEventFilter(self)
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        self.hold.stop()
        self._destroyed.remove()
        self.active = False

    def refuse(self, what: str) -> None:
        self.refused.append(what)
        log.info("Kiosk mode: refused %s", what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.active
            and event.type() in KEY_EVENTS
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and is_closing_key(event)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.refuse(QKeySequence(event.keyCombination()).toString())
            return True
        return False
