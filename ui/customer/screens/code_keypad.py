"""The kiosk's own keypad for a ticket number: the letters the catalogue's ticket
prefixes use and the digits (``keypad.A``, ``keypad.0`` … ``keypad.9``), with
``keypad.back`` (delete one) and ``keypad.clear``. No system keyboard is involved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.customer.screens.keypad import DIGITS, Keypad

COLUMNS = 4  # narrow enough beside the number (and a camera picture) at 1366×768
WORD_KEY_SPAN = 2
""""Delete" and "Clear" take two cells each: their words must fit at the largest text size."""


class CodeKeypad(Keypad):
    key_pressed = Signal(str)
    back_pressed = Signal()
    clear_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            (*DIGITS, "back", "clear"),
            columns=COLUMNS,
            spacing=14,
            word_span=WORD_KEY_SPAN,
            role="code_key",  # up to 22 keys: smaller than the PIN pad's, still large
        )
        self.typed.connect(self.key_pressed)
        self.keys["back"].clicked.connect(self.back_pressed)
        self.keys["clear"].clicked.connect(self.clear_pressed)

    def set_texts(self, back: str, clear: str) -> None:
        self.set_words(back=back, clear=clear)
