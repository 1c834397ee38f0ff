"""What the PIN pad shows above its keys: title, prompt, the staff number typed
(``pin.number``), the PIN as dots (``pin.dots``) and any message (``pin.message``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import Localizer
from ui.common.theme import repolish
from ui.common.widgets import ReservedLabel, label
from ui.customer.screens import pin_texts
from ui.customer.screens.pin_mode import PadMode

if TYPE_CHECKING:
    from ui.customer.staff_jobs import Lock

MAX_PIN_DIGITS = 12
MAX_NUMBER_DIGITS = 8
PROMPT_LINES = 2
MESSAGE_LINES = 3
"""Wrong PIN + tries left, or a lock, or one long message in Chinese: the pad's keys
stay where they are whatever is said (a finger aimed at one finds it there)."""


@dataclass
class PadView:
    """Where the pad is: the step, what was typed, the lock and the messages."""

    mode: PadMode = PadMode.WAIT
    """wait | setup | no_setup | create | confirm | created | number | pin | locked"""
    purpose: str = pin_texts.SIGN_IN
    number: str = ""
    pin: str = ""
    first_pin: str = ""
    lock: Lock | None = None
    messages: list[str] = field(default_factory=list)
    """msgids, translated when shown."""
    attempts_left: int | None = None

    def type(self, digit: str) -> None:
        """A digit into the staff number (number step) or the PIN."""
        if self.mode == PadMode.NUMBER:
            if len(self.number) < MAX_NUMBER_DIGITS:
                self.number += digit
                self.messages, self.attempts_left = [], None
        elif len(self.pin) < MAX_PIN_DIGITS:
            self.pin += digit

    def erase(self, everything: bool = False) -> None:
        """Backspace (or Clear) in the field being typed."""
        if self.mode == PadMode.NUMBER:
            self.number = "" if everything else self.number[:-1]
        self.pin = "" if everything else self.pin[:-1]


class PinDisplay(QWidget):
    """Every part keeps its place: the prompt and the message have room reserved for
    their longest text, and a part a step does not need leaves its room empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        self.title = label("title")
        self.prompt = ReservedLabel(PROMPT_LINES, "subtitle")
        self.number_field = label("dots", wrap=False)
        self.dots = label("dots", wrap=False)
        self.message = ReservedLabel(MESSAGE_LINES, "warning")
        for widget, name in (
            (self.prompt, "pin.prompt"),
            (self.number_field, "pin.number"),
            (self.dots, "pin.dots"),
            (self.message, "pin.message"),
        ):
            widget.setObjectName(name)
            widget.setAccessibleIdentifier(name)
        for widget in (self.number_field, self.dots, self.message):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        for widget in (self.number_field, self.dots):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.prompt, self.number_field, self.dots, self.message):
            column.addWidget(widget)

    def show_pad(self, view: PadView, loc: Localizer, seconds_left: int) -> None:
        mode = view.mode
        self.title.setText(pin_texts.title(mode, view.purpose, loc))
        self.prompt.setText(pin_texts.prompt(mode, view.purpose, loc, view.number, seconds_left))
        lines = [loc.tr(m) for m in view.messages]
        if view.lock is not None and mode != PadMode.LOCKED and seconds_left > 0:
            lines.append(pin_texts.lock_text(view.lock.scope, seconds_left, loc))
        if view.attempts_left is not None and mode == PadMode.PIN and lines:
            lines.append(
                loc.ntr(
                    "{n} more try before the pad locks.",
                    "{n} more tries before the pad locks.",
                    view.attempts_left,
                ).format(n=loc.number(view.attempts_left))
            )
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
        self.number_field.setVisible(mode in (PadMode.NUMBER, PadMode.PIN))
        self.dots.setVisible(mode in (PadMode.SETUP, PadMode.CREATE, PadMode.CONFIRM, PadMode.PIN))
        self.show_entry(view, loc)

    def show_entry(self, view: PadView, loc: Localizer) -> None:
        """The digits typed so far (the PIN masked)."""
        self.dots.setText("●" * len(view.pin) if view.pin else "–")
        self.dots.setAccessibleName(
            loc.tr("{n} digits entered").format(n=loc.number(len(view.pin)))
        )
        typed = loc.tr("Staff number: {number}").format(number=view.number)
        typing_number = view.mode == PadMode.NUMBER
        self.number_field.setText((view.number or "–") if typing_number else typed)
        self.number_field.setAccessibleName(typed)
        role = "dots" if typing_number else "muted"
        if self.number_field.property("role") != role:
            self.number_field.setProperty("role", role)
            repolish(self.number_field)
