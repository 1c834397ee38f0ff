"""The PIN pad's keys: ``pin.0`` … ``pin.9``, ``pin.clear`` and ``pin.ok``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.common.widgets import KioskButton, make_button

LAYOUT = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok")


class PinKeypad(QWidget):
    digit_pressed = Signal(str)
    clear_pressed = Signal()
    ok_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(18)
        self.keys: dict[str, KioskButton] = {}
        for index, key in enumerate(LAYOUT):
            button = make_button(f"pin.{key}", self, role="pin")
            button.setProperty("accent", "true" if key == "ok" else "false")
            if key.isdigit():
                button.setText(key)
                button.clicked.connect(lambda _=False, d=key: self.digit_pressed.emit(d))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.keys["clear"].clicked.connect(self.clear_pressed)
        self.keys["ok"].clicked.connect(self.ok_pressed)

    def set_texts(self, clear: str, ok: str) -> None:
        self.keys["clear"].setText(clear)
        self.keys["ok"].setText(ok)

    def set_enabled(self, digits: bool, ok: bool) -> None:
        """``digits``: the digit keys and Clear; ``ok``: the OK key."""
        for key, button in self.keys.items():
            button.setEnabled(ok if key == "ok" else digits)
