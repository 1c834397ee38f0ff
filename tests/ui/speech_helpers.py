"""The kiosk with the recording speech engine: what it would say, and the keypad's keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.customer.speech.attach import Speech
from ui.customer.speech.engine import RecordingEngine

from .driver import Kiosk


def recorder(kiosk: Kiosk, hold: bool = False) -> RecordingEngine:
    """Speak through a recording engine from now on."""
    engine = RecordingEngine(hold=hold)
    speech(kiosk).speaker.use_engine(engine)
    return engine


def recorded(kiosk: Kiosk) -> RecordingEngine:
    """The recording engine the kiosk speaks through (see :func:`recorder`)."""
    engine = speech(kiosk).speaker.engine
    assert isinstance(engine, RecordingEngine)
    return engine


def speech(kiosk: Kiosk) -> Speech:
    assert kiosk.window.speech is not None
    return kiosk.window.speech


def press(kiosk: Kiosk, key: Qt.Key, times: int = 1) -> None:
    """A key on the keypad, as a USB keypad sends it to the focused window."""
    window = kiosk.window
    if QApplication.activeWindow() is not window:  # keys go to the active window
        window.activateWindow()
        kiosk.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget() or window, key)
