"""The kiosk's own keypad for a ticket number: the letters the catalogue's ticket
prefixes use and the digits (``keypad.A``, ``keypad.0`` … ``keypad.9``), with
``keypad.back`` (delete one) and ``keypad.clear``. No system keyboard is involved."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.common.widgets import KioskButton, make_button

DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")
COLUMNS = 5
WORD_KEY_SPAN = 2


class CodeKeypad(QWidget):
    key_pressed = Signal(str)
    back_pressed = Signal()
    clear_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(14)
        self.keys: dict[str, KioskButton] = {}
        self._letters: tuple[str, ...] = ()
        for key in (*DIGITS, "back", "clear"):
            self.keys[key] = self._key(key)
        self.keys["back"].clicked.connect(self.back_pressed)
        self.keys["clear"].clicked.connect(self.clear_pressed)
        self._place()

    def _key(self, key: str) -> KioskButton:
        button = make_button(f"keypad.{key}", self, role="pin")
        if len(key) == 1:
            button.setText(key)
            button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
        return button

    def set_letters(self, letters: Iterable[str]) -> None:
        """The letters of the ticket prefixes in use (from the catalogue), in order."""
        wanted = tuple(sorted({c for c in "".join(letters).upper() if c.isalpha()}))
        if wanted == self._letters:
            return
        for old in self._letters:
            button = self.keys.pop(old)
            self._grid.removeWidget(button)
            button.deleteLater()
        self._letters = wanted
        for letter in wanted:
            self.keys[letter] = self._key(letter)
        self._place()

    def _place(self) -> None:
        """Row by row; "Delete" and "Clear" take two cells each (their words, not a
        glyph, must fit at the largest text size)."""
        row = column = 0
        for key in (*self._letters, *DIGITS, "back", "clear"):
            span = WORD_KEY_SPAN if key in ("back", "clear") else 1
            if column + span > COLUMNS:
                row, column = row + 1, 0
            self._grid.addWidget(self.keys[key], row, column, 1, span)
            self.keys[key].show()
            column += span
            if column == COLUMNS:
                row, column = row + 1, 0

    def set_texts(self, back: str, clear: str) -> None:
        self.keys["back"].setText(back)
        self.keys["clear"].setText(clear)
