"""Staff sign-in at the counter: staff number, then PIN, on a large number pad.

The page only collects the two numbers; the window checks them on the worker
(argon2 takes ~50 ms and the database may be slow) and hands back a message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import Localizer
from ui.common.widgets import (
    KioskButton,
    ReservedLabel,
    centered_column,
    identify,
    label,
    make_button,
)

MAX_DIGITS = 12
MESSAGE_LINES = 2


class SignInPage(QWidget):
    sign_in_requested = Signal(str, str)
    """Staff number and PIN."""

    def __init__(self) -> None:
        super().__init__()
        self._number = ""
        self._pin = ""
        self._field = "number"
        self._message = ""
        self._busy = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(720)
        outer.addWidget(page)
        column.setSpacing(16)
        self.title = label("title")
        identify(self.title, "console.sign_in_title")
        column.addWidget(self.title)
        fields = QHBoxLayout()
        fields.setSpacing(16)
        self.number_field = make_button("console.field_number", self, role="check")
        self.pin_field = make_button("console.field_pin", self, role="check")
        for button, name in ((self.number_field, "number"), (self.pin_field, "pin")):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, n=name: self.choose_field(n))
            fields.addWidget(button)
        column.addLayout(fields)
        # Room kept for a refusal or a lock, shown or not: the keys never move.
        self.message = ReservedLabel(MESSAGE_LINES, "warning")
        identify(self.message, "console.sign_in_message")
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.hide()
        column.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.keys: dict[str, KioskButton] = {}
        for index, key in enumerate(
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        ):
            button = make_button(
                f"console.key_{key}", self, role="primary" if key == "ok" else "pin"
            )
            if key.isdigit():
                button.setText(key)
                button.clicked.connect(lambda _=False, d=key: self.press(d))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.keys["clear"].clicked.connect(self.clear)
        self.keys["ok"].clicked.connect(self.submit)
        column.addLayout(grid)
        column.addStretch(1)
        self._loc: Localizer | None = None

    # -- input -----------------------------------------------------------------------------
    def choose_field(self, name: str) -> None:
        self._field = name
        self._refresh()

    def press(self, digit: str) -> None:
        if self._field == "number" and len(self._number) < 8:
            self._number += digit
        elif self._field == "pin" and len(self._pin) < MAX_DIGITS:
            self._pin += digit
        self._refresh()

    def clear(self) -> None:
        if self._field == "number":
            self._number = ""
        else:
            self._pin = ""
        self._refresh()

    def submit(self) -> None:
        if self._busy:
            return
        if self._field == "number" or not self._number:
            self._field = "pin" if self._number else "number"
            self._refresh()
            return
        if not self._pin:
            return
        number, pin = self._number, self._pin
        self._pin = ""
        self._busy = True
        self._refresh()
        self.sign_in_requested.emit(number, pin)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            if self._field == "number":
                self._number = self._number[:-1]
            else:
                self._pin = self._pin[:-1]
            self._refresh()
        else:
            super().keyPressEvent(event)

    # -- results from the window -----------------------------------------------------------
    def show_message(self, message: str) -> None:
        """The sign-in failed (already translated); try the PIN again."""
        self._busy = False
        self._message = message
        self._field = "pin"
        self._refresh()

    def reset(self) -> None:
        self._number = self._pin = self._message = ""
        self._field = "number"
        self._busy = False
        self._refresh()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Staff sign-in"))
        self.keys["clear"].setText(loc.tr("Clear"))
        self.keys["ok"].setText(loc.tr("OK"))
        self._refresh()

    def _refresh(self) -> None:
        loc = self._loc
        if loc is None:
            return
        number = self._number or "–"
        pin = "●" * len(self._pin) if self._pin else "–"
        self.number_field.setText(loc.tr("Staff number: {number}").format(number=number))
        self.pin_field.setText(loc.tr("PIN: {dots}").format(dots=pin))
        self.number_field.setChecked(self._field == "number")
        self.pin_field.setChecked(self._field == "pin")
        self.message.setText(self._message)
        self.message.setAccessibleName(self._message)
        self.message.setVisible(bool(self._message))
        for button in (*self.keys.values(), self.number_field, self.pin_field):
            button.setEnabled(not self._busy)
