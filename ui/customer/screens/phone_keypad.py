"""The kiosk's own large keypad for a phone number: ``keypad.0`` … ``keypad.9``,
``keypad.plus`` (an international number) and ``keypad.delete``; no system keyboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.phone import MAX_DIGITS
from ui.customer.screens.keypad import Keypad

LAYOUT = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "plus", "0", "delete")


class PhoneKeypad(Keypad):
    number_did_change = Signal(str)
    """Carries what is typed so far: digits, with a leading ``+`` for abroad."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, LAYOUT, glyphs={"plus": "+"})
        self.number = ""
        self.typed.connect(self._type)
        self.keys["delete"].clicked.connect(self._delete)
        self._show()

    def set_texts(self, delete: str) -> None:
        self.set_words(delete=delete)

    def clear(self) -> None:
        self._set("")

    def _type(self, key: str) -> None:
        if key == "+" and self.number:
            return  # only first
        if key.isdigit() and sum(ch.isdigit() for ch in self.number) >= MAX_DIGITS:
            return
        self._set(self.number + key)

    def _delete(self) -> None:
        self._set(self.number[:-1])

    def _set(self, number: str) -> None:
        self.number = number
        self._show()
        self.number_did_change.emit(self.number)

    def _show(self) -> None:
        self.keys["plus"].setEnabled(not self.number)
        self.keys["delete"].setEnabled(bool(self.number))
