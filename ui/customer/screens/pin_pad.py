"""The staff PIN pad: first-run manager PIN, then staff number + PIN, and the locks.

Steps: the staff number (``pin.number``), then the PIN (``pin.dots``). On a new
kiosk the first manager chooses a PIN first and is then told their staff
number (1). Wrong PINs lock the account and the pad (each says which, with the
time left). Nothing here says whether a number or PIN exists. Every check
(argon2id and the database) runs on the worker. The same pad confirms a
manager before the kiosk leaves kiosk mode (:meth:`request`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QScroller, QVBoxLayout

from kiosk.clock import Clock, utc_now
from kiosk.i18n import N_
from ui.common.errors import problems
from ui.common.language import Language
from ui.common.widgets import centered_column, make_wrapping_button, scroll_area
from ui.common.worker import Job, Worker
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.pin_display import PadView, PinDisplay
from ui.customer.screens.pin_keypad import PinKeypad
from ui.customer.screens.pin_mode import ENTRY_MODES, PadMode
from ui.customer.screens.pin_texts import EXIT_KIOSK, SIGN_IN

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.first_run import SetupCode
    from kiosk.staff import StaffDirectory
    from ui.customer.staff_jobs import Lock, PadOpening, SignInAnswer

log = logging.getLogger(__name__)
CANNOT_READ = N_("The staff list cannot be read right now. Please try again.")


class PinPadScreen(ScreenBase):
    staff_did_sign_in = Signal(object)
    """Carries the :class:`~kiosk.staff.StaffMember`."""
    manager_did_confirm = Signal(object)
    """A manager signed in to leave kiosk mode (carries the member)."""

    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        staff: StaffDirectory,
        clock: Clock = utc_now,
        tick_ms: int = 1000,
        worker: Worker | None = None,
        setup_code: SetupCode | None = None,
    ) -> None:
        super().__init__(language, router)
        self._staff = staff
        self._setup_code = setup_code
        self._clock = clock
        self._worker = worker or Worker()
        self.pad = PadView()
        self._member: StaffMember | None = None
        self._job: Job | None = None
        self.tick = QTimer(self)
        self.tick.setInterval(tick_ms)
        self.tick.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(760)
        column_widget = column.parentWidget()
        assert column_widget is not None
        self._column = column_widget
        area = scroll_area(page)  # never taller than the screen, whatever the messages say
        QScroller.ungrabGesture(area.viewport())  # keys answer at once: no drag to scroll
        outer.addWidget(area)
        column.addStretch(1)
        body = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom))  # side by side in landscape
        body.setSpacing(48)
        self.display = PinDisplay(self)
        body.addWidget(self.display, 1, Qt.AlignmentFlag.AlignTop)
        keys = QVBoxLayout()
        keys.setSpacing(24)
        self.keypad = PinKeypad(self)
        self.keypad.digit_pressed.connect(self.press)
        self.keypad.clear_pressed.connect(self.clear)
        self.keypad.ok_pressed.connect(self.submit)
        self.keys = self.keypad.keys
        keys.addWidget(self.keypad)
        row = QHBoxLayout()
        # Wrapping buttons: their words take a second line with the customer's larger text.
        self.change_number_button = make_wrapping_button("pin.change_number", self)
        self.change_number_button.clicked.connect(self._change_number)
        policy = self.change_number_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # "Cancel" keeps its place when it goes
        self.change_number_button.setSizePolicy(policy)
        self.cancel_button = make_wrapping_button("pin.cancel", self)
        self.cancel_button.clicked.connect(lambda: self.router.start_over())
        row.addWidget(self.change_number_button)
        row.addWidget(self.cancel_button)
        keys.addLayout(row)
        body.addLayout(keys, 1)
        column.addLayout(body)
        column.addStretch(2)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        self._column.setMaximumWidth(1560 if landscape else 760)

    @property
    def mode(self) -> PadMode:
        return self.pad.mode

    @property
    def busy(self) -> bool:
        return self._job is not None

    def request(self, purpose: str) -> None:
        """What the next sign-in is for: ``sign_in`` (staff home) or ``exit_kiosk``."""
        self.pad.purpose = purpose

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        from ui.customer.staff_jobs import open_pad

        self._forget()
        staff = self._staff
        self._run(lambda: open_pad(staff), self._opened)
        self.retranslate()
        self.setFocus()

    def leave(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.tick.stop()
        self.pad.purpose = SIGN_IN
        self._forget()
        self.retranslate()

    def _forget(self) -> None:
        """Drop what was typed, the pending check and the member (the purpose stays)."""
        if self._job is not None:
            self._job.discard()
            self._job = None
        self.pad = PadView(purpose=self.pad.purpose)
        self._member = None

    def _run(self, fn: Any, on_done: Any, on_error: Any = None) -> None:
        """Run a staff check on the worker; the keys wait for its answer."""
        self._job = self._worker.run(
            fn,
            lambda result: self._answered(on_done, result),
            lambda error: self._answered(on_error or self._failed, error),
        )
        self.retranslate()

    def _answered(self, handler: Any, answer: Any) -> None:
        self._job = None
        handler(answer)
        self.retranslate()

    def _failed(self, _error: BaseException) -> None:
        self.pad.messages = [CANNOT_READ]  # a lost database also shows the kiosk's banner
        if self.pad.mode == PadMode.WAIT:
            self.pad.mode = PadMode.NUMBER

    def _opened(self, opening: PadOpening) -> None:
        if opening.lock is not None:
            self._start_lock(opening.lock)
        elif opening.needs_first_manager and self.pad.purpose == SIGN_IN:
            code = self._setup_code
            self.pad.mode = PadMode.NO_SETUP if code is None or code.withdrawn else PadMode.SETUP
        else:
            self.pad.mode = PadMode.NUMBER

    # -- input -----------------------------------------------------------------------------
    def press(self, digit: str) -> None:
        if not self.busy and self.pad.mode in ENTRY_MODES:
            self.pad.type(digit)
            self._show_entry()

    def clear(self) -> None:
        self.pad.erase(everything=True)
        self._show_entry()

    def _change_number(self) -> None:
        self.pad.number = self.pad.pin = ""
        self.pad.messages, self.pad.attempts_left = [], None
        self.pad.mode = PadMode.NUMBER
        self.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self.pad.erase()
            self._show_entry()
        else:
            super().keyPressEvent(event)

    def submit(self) -> None:
        from kiosk.staff import pin_problems
        from ui.customer.staff_jobs import current_lock, sign_in

        if self.busy:
            return
        pin, self.pad.pin = self.pad.pin, ""
        self.pad.messages, self.pad.attempts_left = [], None
        staff, number = self._staff, self.pad.number
        if self.pad.mode == PadMode.SETUP:
            self._check_setup_code(pin)
        elif self.pad.mode == PadMode.CREATE:
            self.pad.messages = pin_problems(pin)
            if not self.pad.messages:
                self.pad.first_pin, self.pad.mode = pin, PadMode.CONFIRM
        elif self.pad.mode == PadMode.CONFIRM:
            if pin != self.pad.first_pin:
                self.pad.messages = [N_("The PINs do not match. Please choose the PIN again.")]
                self.pad.first_pin, self.pad.mode = "", PadMode.CREATE
            else:
                self._run(lambda: staff.create_first_manager(pin), self._created, self._not_created)
                return
        elif self.pad.mode == PadMode.CREATED and self._member is not None:
            self._signed_in(self._member)
            return
        elif self.pad.mode == PadMode.NUMBER and number:
            self._run(lambda: current_lock(staff, number), self._number_checked)
            return
        elif self.pad.mode == PadMode.PIN and pin:
            confirming = "kiosk.exit" if self.pad.purpose == EXIT_KIOSK else ""
            self._run(lambda: sign_in(staff, number, pin, confirming), self._pin_checked)
            return
        self.retranslate()

    def _check_setup_code(self, typed: str) -> None:
        code = self._setup_code
        if code is not None and code.check(typed):
            self.pad.mode = PadMode.CREATE
        elif code is None or code.withdrawn:
            self.pad.messages = [
                N_("Too many wrong setup codes. Restart the kiosk for a new code.")
            ]
            self.pad.mode = PadMode.NO_SETUP
        elif typed:
            self.pad.messages = [N_("That is not the setup code.")]

    def _created(self, member: StaffMember) -> None:
        if self._setup_code is not None:
            self._setup_code.use()
        self.pad.first_pin = ""
        self._member, self.pad.number, self.pad.mode = member, member.number, PadMode.CREATED

    def _not_created(self, error: BaseException) -> None:
        found = problems(error)
        if found is None:
            log.error("the first manager could not be created", exc_info=error)
        self.pad.messages = [p.msgid for p in found] if found else [CANNOT_READ]
        self.pad.mode = PadMode.CREATE

    def _number_checked(self, lock: Lock | None) -> None:
        if lock is not None:
            self._start_lock(lock)
        else:
            self.pad.mode = PadMode.PIN

    def _pin_checked(self, answer: SignInAnswer) -> None:
        if answer.member is not None:
            self._signed_in(answer.member)
        elif answer.lock is not None:
            self._start_lock(answer.lock)
        else:
            self.pad.messages = [N_("Wrong staff number or PIN.")]
            self.pad.attempts_left = answer.attempts_left

    def _signed_in(self, member: StaffMember) -> None:
        if self.pad.purpose == EXIT_KIOSK:
            if member.is_manager:
                self.manager_did_confirm.emit(member)
                return
            self.pad.messages = [N_("Only a manager can do this.")]
            self.pad.number, self.pad.mode = "", PadMode.NUMBER
            self.retranslate()
            return
        self.staff_did_sign_in.emit(member)
        self.router.go(Screen.STAFF_HOME)

    # -- locks -----------------------------------------------------------------------------
    def _start_lock(self, lock: Lock) -> None:
        """A pad lock stops the keys; an account lock only that staff number."""
        from ui.customer.staff_jobs import PAD

        self.pad.lock, self.pad.pin, self.pad.number = lock, "", ""
        self.pad.mode = PadMode.LOCKED if lock.scope == PAD else PadMode.NUMBER
        self.tick.start()

    def seconds_left(self) -> int:
        if self.pad.lock is None:
            return 0
        return max(0, int((self.pad.lock.until - self._clock()).total_seconds() + 0.999))

    def _tick(self) -> None:
        if self.seconds_left() <= 0:
            self.tick.stop()
            self.pad.lock = None
            if self.pad.mode == PadMode.LOCKED:
                self.pad.mode, self.pad.messages = PadMode.NUMBER, []
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------
    def _show_entry(self) -> None:
        self.display.show_entry(self.pad, self.loc)

    def retranslate(self) -> None:
        loc, mode = self.loc, self.pad.mode
        self.display.show_pad(self.pad, loc, self.seconds_left())
        self.keypad.set_texts(
            loc.tr("Clear"), loc.tr("Continue") if mode == PadMode.CREATED else loc.tr("OK")
        )
        self.cancel_button.setText(loc.tr("Cancel"))
        self.change_number_button.setText(loc.tr("Change staff number"))
        self.change_number_button.setVisible(mode == PadMode.PIN)
        entry = mode in ENTRY_MODES and not self.busy
        self.keypad.set_enabled(entry, entry or (mode == PadMode.CREATED and not self.busy))
