"""The kiosk's own large keypad, laid out from data: character keys (digits, the
letters of ticket prefixes, ``+``) and word keys ("Delete", "Clear", "OK"). The PIN
pad, the phone number of "Text me" and the ticket number of "Rate a recent visit"
are each one layout of it; no system keyboard is involved."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.common.widgets import KioskButton, make_button

DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")


class Keypad(QWidget):
    """``<prefix>.<name>`` for each key of ``layout``, placed row by row in ``columns``.
    A key named by one character, or named in ``glyphs`` (name → character), types:
    ``typed`` carries its character; any other key is a word key (its owner connects
    ``keys[name].clicked`` and sets its text with ``set_words``). Word keys take ``word_span`` cells (their words, not a glyph, must fit at the
    largest text size). ``set_letters`` puts letter keys before the layout."""

    typed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        layout: Iterable[str],
        *,
        prefix: str = "keypad",
        columns: int = 3,
        spacing: int = 18,
        word_span: int = 1,
        glyphs: Mapping[str, str] | None = None,
        accent: Iterable[str] = (),
        role: str = "pin",
    ) -> None:
        super().__init__(parent)
        self._role = role
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._prefix, self._columns, self._word_span = prefix, columns, word_span
        self._glyphs = dict(glyphs or {})
        self._accent = frozenset(accent)
        self._layout = tuple(layout)
        self._letters: tuple[str, ...] = ()
        self.keys: dict[str, KioskButton] = {key: self._key(key) for key in self._layout}
        self._place()

    def _is_word(self, key: str) -> bool:
        return len(key) != 1 and key not in self._glyphs

    def _key(self, key: str) -> KioskButton:
        button = make_button(f"{self._prefix}.{key}", self, role=self._role)
        if key in self._accent:
            button.setProperty("accent", "true")
        if not self._is_word(key):
            glyph = self._glyphs.get(key, key)
            button.setText(glyph)
            button.clicked.connect(lambda _=False, g=glyph: self.typed.emit(g))
        return button

    def set_letters(self, letters: Iterable[str]) -> None:
        """Letter keys for these letters (e.g. the catalogue's ticket prefixes), sorted."""
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
        row = column = 0
        for key in (*self._letters, *self._layout):
            span = self._word_span if self._is_word(key) else 1
            if column + span > self._columns:
                row, column = row + 1, 0
            self._grid.addWidget(self.keys[key], row, column, 1, span)
            self.keys[key].show()
            column += span
            if column == self._columns:
                row, column = row + 1, 0

    def set_words(self, **texts: str) -> None:
        """The (translated) texts of word keys, by name."""
        for key, text in texts.items():
            self.keys[key].setText(text)
