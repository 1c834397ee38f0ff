"""The staff PIN pad: first-run manager PIN, sign-in, and the lock after wrong PINs.

Nothing here says whether a PIN exists: a wrong PIN is just "not accepted".
Verifying a PIN takes ~50 ms (argon2id), short enough for the UI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.clock import Clock, utc_now
from kiosk.i18n import N_
from ui.language import Language
from ui.router import Router, Screen
from ui.screens.base import ScreenBase
from ui.widgets import KioskButton, centered_column, label, make_button

if TYPE_CHECKING:
    from kiosk.staff import StaffDirectory

MAX_DIGITS = 12


class PinPadScreen(ScreenBase):
    staff_did_sign_in = Signal(object)
    """Carries the :class:`~kiosk.staff.StaffMember`."""

    def __init__(
        self,
        language: Language,
        router: Router,
        staff: StaffDirectory,
        clock: Clock = utc_now,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(language, router)
        self._staff = staff
        self._clock = clock
        self._pin = ""
        self._first_pin = ""
        self._mode = "sign_in"  # create | confirm | sign_in | locked
        self._locked_until: datetime | None = None
        self._message: list[str] = []
        self._attempts_left: int | None = None
        self.tick = QTimer(self)
        self.tick.setInterval(tick_ms)
        self.tick.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(760)
        outer.addWidget(page)
        column.addStretch(1)
        self.title = label("title")
        self.prompt = label("subtitle")
        self.dots = label("dots", wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("warning")
        for widget, name in (
            (self.prompt, "pin.prompt"),
            (self.dots, "pin.dots"),
            (self.message, "pin.message"),
        ):
            widget.setObjectName(name)
        for widget in (self.title, self.prompt, self.dots, self.message):
            column.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(18)
        self.keys: dict[str, KioskButton] = {}
        layout = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        for index, key in enumerate(layout):
            button = make_button(f"pin.{key}", self, role="pin")
            button.setProperty("accent", "true" if key == "ok" else "false")
            if key.isdigit():
                button.setText(key)
                button.clicked.connect(lambda _=False, d=key: self.press(d))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.keys["clear"].clicked.connect(self.clear)
        self.keys["ok"].clicked.connect(self.submit)
        column.addLayout(grid)
        row = QHBoxLayout()
        self.cancel_button = make_button("pin.cancel", self)
        self.cancel_button.clicked.connect(lambda: self.router.start_over())
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        column.addStretch(2)
        self.retranslate()

    @property
    def mode(self) -> str:
        return self._mode

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        self._pin = self._first_pin = ""
        self._message = []
        self._attempts_left = None
        locked = self._staff.locked_until()
        if locked is not None:
            self._lock(locked)
        else:
            self._mode = "create" if self._staff.needs_first_manager() else "sign_in"
        self.retranslate()
        self.setFocus()

    def leave(self) -> None:
        self.tick.stop()
        self.reset()

    def reset(self) -> None:
        self._pin = self._first_pin = ""
        self._message = []
        self._attempts_left = None
        self.retranslate()

    # -- input -----------------------------------------------------------------------------
    def press(self, digit: str) -> None:
        if self._mode != "locked" and len(self._pin) < MAX_DIGITS:
            self._pin += digit
            self._show_dots()

    def clear(self) -> None:
        self._pin = ""
        self._show_dots()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self._pin = self._pin[:-1]
            self._show_dots()
        else:
            super().keyPressEvent(event)

    def submit(self) -> None:
        from kiosk.staff import PinRejected, pin_problems

        pin, self._pin = self._pin, ""
        self._message = []
        if self._mode == "create":
            problems = pin_problems(pin)
            if problems:
                self._message = problems
            else:
                self._first_pin = pin
                self._mode = "confirm"
        elif self._mode == "confirm":
            if pin != self._first_pin:
                self._message = [N_("The PINs do not match. Please choose the PIN again.")]
                self._mode = "create"
            else:
                try:
                    member = self._staff.create_first_manager(pin)
                except PinRejected as exc:
                    self._message = exc.problems
                    self._mode = "create"
                else:
                    self._signed_in(member)
                    return
            self._first_pin = ""
        elif self._mode == "sign_in":
            result = self._staff.sign_in(pin)
            if result.staff is not None:
                self._signed_in(result.staff)
                return
            if result.locked_until is not None:
                self._lock(result.locked_until)
            else:
                self._message = [N_("That PIN was not accepted.")]
                self._attempts_left = result.attempts_left
        self.retranslate()

    def _signed_in(self, member: object) -> None:
        self.staff_did_sign_in.emit(member)
        self.router.go(Screen.STAFF_HOME)

    def _lock(self, until: datetime) -> None:
        self._mode = "locked"
        self._locked_until = until
        self._pin = ""
        self.tick.start()

    def seconds_left(self) -> int:
        if self._locked_until is None:
            return 0
        return max(0, int((self._locked_until - self._clock()).total_seconds() + 0.999))

    def _tick(self) -> None:
        if self._mode != "locked" or self.seconds_left() <= 0:
            self.tick.stop()
            if self._mode == "locked":
                self._mode = "sign_in"
                self._locked_until = None
                self._message = []
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------
    def _show_dots(self) -> None:
        self.dots.setText("●" * len(self._pin) if self._pin else "–")
        self.dots.setAccessibleName(
            self.loc.tr("{n} digits entered").format(n=self.loc.number(len(self._pin)))
        )

    def retranslate(self) -> None:
        loc = self.loc
        titles = {
            "create": loc.tr("Set up the manager PIN"),
            "confirm": loc.tr("Set up the manager PIN"),
            "sign_in": loc.tr("Staff sign-in"),
            "locked": loc.tr("Staff sign-in"),
        }
        prompts = {
            "create": loc.tr("This kiosk has no manager yet. Choose a PIN of 6 to 12 digits."),
            "confirm": loc.tr("Enter the same PIN again to confirm it."),
            "sign_in": loc.tr("Enter your PIN."),
            "locked": loc.tr("Locked. Try again in {n} seconds.").format(
                n=loc.number(self.seconds_left())
            ),
        }
        self.title.setText(titles[self._mode])
        self.prompt.setText(prompts[self._mode])
        lines = [loc.tr(m) for m in self._message]
        if self._attempts_left is not None and self._mode == "sign_in" and self._message:
            lines.append(
                loc.ntr(
                    "{n} more try before the pad locks.",
                    "{n} more tries before the pad locks.",
                    self._attempts_left,
                ).format(n=loc.number(self._attempts_left))
            )
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
        self.keys["clear"].setText(loc.tr("Clear"))
        self.keys["ok"].setText(loc.tr("OK"))
        self.cancel_button.setText(loc.tr("Cancel"))
        for key, button in self.keys.items():
            button.setEnabled(self._mode != "locked" or key == "clear")
        self._show_dots()
