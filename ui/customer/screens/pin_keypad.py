"""The PIN pad's keys: ``pin.0`` … ``pin.9``, ``pin.clear`` and ``pin.ok``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.customer.screens.keypad import Keypad

LAYOUT = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok")


class PinKeypad(Keypad):
    digit_pressed = Signal(str)
    clear_pressed = Signal()
    ok_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, LAYOUT, prefix="pin", accent=("ok",))
        self.typed.connect(self.digit_pressed)
        self.keys["clear"].clicked.connect(self.clear_pressed)
        self.keys["ok"].clicked.connect(self.ok_pressed)

    def set_texts(self, clear: str, ok: str) -> None:
        self.set_words(clear=clear, ok=ok)

    def set_enabled(self, digits: bool, ok: bool) -> None:
        """``digits``: the digit keys and Clear; ``ok``: the OK key."""
        for key, button in self.keys.items():
            button.setEnabled(ok if key == "ok" else digits)
