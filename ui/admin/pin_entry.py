"""A masked PIN pad that asks for a new PIN twice.

Digits show as dots only; the accessible name of the dots says how many digits
were typed, never which. The PIN is checked against the PIN rules before the
second entry, and the pad forgets it the moment it is handed over, cancelled or
wiped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import N_
from kiosk.pins import PIN_MAX_LENGTH, pin_problems
from ui.admin.common import show_message
from ui.common.widgets import KioskButton, ReservedLabel, label, make_button

if TYPE_CHECKING:
    from kiosk.i18n import Localizer

MESSAGE_LINES = 3


class PinEntry(QWidget):
    pin_did_complete = Signal(str)
    """The new PIN, typed twice the same; the pad has already forgotten it."""
    pin_did_cancel = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._pin = ""
        self._first = ""
        self._problems: list[str] = []
        self._loc: Localizer | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.prompt = ReservedLabel(2, "subtitle")
        self.dots = label("dots", wrap=False)
        self.dots.setObjectName(f"{name}.dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Room for every problem a PIN can have at once: the keys never move.
        self.message = ReservedLabel(MESSAGE_LINES, "field_error")
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.hide()
        for widget in (self.prompt, self.dots, self.message):
            layout.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, KioskButton] = {}
        for index, key in enumerate(
            ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back")
        ):
            key_button = make_button(
                f"{name}.{key}", self, role="pin" if key.isdigit() else "pin_key"
            )
            key_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if key.isdigit():
                key_button.setText(key)
                key_button.clicked.connect(lambda _=False, d=key: self.press(d))
            grid.addWidget(key_button, index // 3, index % 3)
            self.keys[key] = key_button
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.keys["clear"].clicked.connect(self.clear)
        self.keys["back"].clicked.connect(self.backspace)
        layout.addLayout(grid)
        self.ok_button = make_button(f"{name}.ok", self, role="primary")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = make_button(f"{name}.cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        row = QGridLayout()
        row.addWidget(self.cancel_button, 0, 0)
        row.addWidget(self.ok_button, 0, 1)
        layout.addLayout(row)

    @property
    def confirming(self) -> bool:
        return bool(self._first)

    @property
    def digits(self) -> int:
        return len(self._pin)

    # -- input -----------------------------------------------------------------------------
    def press(self, digit: str) -> None:
        if len(self._pin) < PIN_MAX_LENGTH:
            self._pin += digit
            self._show()

    def clear(self) -> None:
        self._pin = ""
        self._show()

    def backspace(self) -> None:
        self._pin = self._pin[:-1]
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        else:
            super().keyPressEvent(event)

    def submit(self) -> None:
        pin, self._pin = self._pin, ""
        if not self._first:
            self._problems = pin_problems(pin)
            if not self._problems:
                self._first = pin
        elif pin != self._first:
            self._first = ""
            self._problems = [N_("The PINs do not match. Please choose the PIN again.")]
        else:
            self._first = ""
            self._problems = []
            self._show()
            self.pin_did_complete.emit(pin)
            return
        self._show()

    def cancel(self) -> None:
        self.wipe()
        self.pin_did_cancel.emit()

    def wipe(self) -> None:
        self._pin = self._first = ""
        self._problems = []
        self._show()

    def show_problems(self, problems: list[str]) -> None:
        """Problems (msgids) the domain found with a PIN the pad already handed over."""
        self._pin = self._first = ""
        self._problems = list(problems)
        self._show()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.keys["clear"].setText(loc.tr("Clear"))
        self.keys["back"].setText(loc.tr("Delete digit"))
        self.ok_button.setText(loc.tr("OK"))
        self.cancel_button.setText(loc.tr("Cancel"))
        self._show()

    def _show(self) -> None:
        loc = self._loc
        if loc is None:
            return
        self.prompt.setText(
            loc.tr("Enter the same PIN again to confirm it.")
            if self._first
            else loc.tr("Enter a new PIN of 6 to 12 digits.")
        )
        self.dots.setText("●" * len(self._pin) if self._pin else "–")
        self.dots.setAccessibleName(loc.tr("{n} digits entered").format(n=len(self._pin)))
        show_message(self.message, "\n".join(loc.tr(p) for p in self._problems))
