"""The kiosk's own large keypad for a phone number: ``keypad.0`` … ``keypad.9``,
``keypad.plus`` (an international number) and ``keypad.delete``; no system keyboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.phone import MAX_DIGITS
from ui.common.widgets import KioskButton, make_button

LAYOUT = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "plus", "0", "delete")


class PhoneKeypad(QWidget):
    number_did_change = Signal(str)
    """Carries what is typed so far: digits, with a leading ``+`` for abroad."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(18)
        self.number = ""
        self.keys: dict[str, KioskButton] = {}
        for index, key in enumerate(LAYOUT):
            button = make_button(f"keypad.{key}", self, role="pin")
            if key.isdigit():
                button.setText(key)
                button.clicked.connect(lambda _=False, d=key: self._type(d))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.keys["plus"].setText("+")
        self.keys["plus"].clicked.connect(lambda: self._type("+"))
        self.keys["delete"].clicked.connect(self._delete)
        self._show()

    def set_texts(self, delete: str) -> None:
        self.keys["delete"].setText(delete)

    def clear(self) -> None:
        self.number = ""
        self._show()
        self.number_did_change.emit(self.number)

    def _type(self, key: str) -> None:
        if key == "+" and self.number:
            return  # only first
        if key.isdigit() and sum(ch.isdigit() for ch in self.number) >= MAX_DIGITS:
            return
        self.number += key
        self._show()
        self.number_did_change.emit(self.number)

    def _delete(self) -> None:
        self.number = self.number[:-1]
        self._show()
        self.number_did_change.emit(self.number)

    def _show(self) -> None:
        self.keys["plus"].setEnabled(not self.number)
        self.keys["delete"].setEnabled(bool(self.number))
