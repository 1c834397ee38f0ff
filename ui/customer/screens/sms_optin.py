""" "Text me", on the ticket screen: the collection notice in the customer's language
with its two separate purposes, then the number on the kiosk's keypad, then what
was recorded. The domain validates the number and records the consent (on the
worker); a wrong number is said in the customer's language and nothing is lost."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.contacts import SURVEY, TURN_NEAR, ConsentRejected
from kiosk.phone import PhoneRejected
from ui.common.language import Language
from ui.common.widgets import (
    CheckItem,
    ScrollPane,
    centered_column,
    identify,
    label,
    make_button,
)
from ui.common.worker import JobGroup, Worker
from ui.customer.screens.phone_keypad import PhoneKeypad

if TYPE_CHECKING:
    from kiosk.contacts import ContactView
    from kiosk.sms_texts import Notice

#: (ticket id, what was typed, purposes, locale, notice version) → the recorded contact.
OptIn = Callable[[int, str, Sequence[str], str, str], "ContactView"]


class Step(enum.StrEnum):
    NOTICE = "notice"
    NUMBER = "number"
    SAVING = "saving"
    DONE = "done"


class SmsOptInPanel(QWidget):
    closed = Signal()
    """Back to the ticket (cancelled, or done)."""
    customer_did_act = Signal()
    """A tap in the panel: the ticket screen keeps its countdown from running out."""

    def __init__(
        self,
        language: Language,
        worker: Worker,
        notice: Notice,
        retention_days: int,
        opt_in: OptIn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self._notice = notice
        self._days = retention_days
        self._opt_in = opt_in
        self._jobs = JobGroup(worker)
        self.ticket_id: int | None = None
        self.step = Step.NOTICE
        self._problem = ""
        self._recorded: ContactView | None = None
        self.saved_for: int | None = None
        """The ticket whose number was recorded: "Text me" is not offered for it again."""
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._build_notice()
        self._build_number()
        self._build_done()
        self.retranslate()  # and on a language change, by the ticket screen

    # -- pages -----------------------------------------------------------------------------
    def _build_notice(self) -> None:
        page, column = centered_column(1200)
        self.notice_title = label("title")
        identify(self.notice_title, "sms.notice.title")
        self.notice_body = label()
        identify(self.notice_body, "sms.notice.body")
        self.purposes = {
            TURN_NEAR: CheckItem("sms.purpose.turn_near", page),
            SURVEY: CheckItem("sms.purpose.survey", page),
        }
        self.notice_message = label("warning")
        identify(self.notice_message, "sms.notice.message")
        self.continue_button = make_button("sms.continue", page, role="primary")
        self.cancel_button = make_button("sms.cancel", page)
        for widget in (self.notice_title, self.notice_body, *self.purposes.values()):
            column.addWidget(widget)
        column.addWidget(self.notice_message)
        column.addWidget(self.continue_button)
        column.addWidget(self.cancel_button)
        column.addStretch(1)
        for item in self.purposes.values():
            item.clicked.connect(lambda _on: self._acted())  # a touch, not a reset
        self.continue_button.clicked.connect(self._to_number)
        self.cancel_button.clicked.connect(self._cancel)
        self.pages.addWidget(page)

    def _build_number(self) -> None:
        page, column = centered_column(900)
        self.number_prompt = label("subtitle")
        self.number = label("code", wrap=False)
        identify(self.number, "sms.number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_message = label("warning")
        identify(self.number_message, "sms.message")
        self.keypad = PhoneKeypad(page)
        self.keypad.number_did_change.connect(self._typed)
        self.submit_button = make_button("sms.submit", page, role="primary")
        self.back_button = make_button("sms.back", page)
        for widget in (self.number_prompt, self.number, self.number_message, self.keypad):
            column.addWidget(widget)
        column.addWidget(self.submit_button)
        column.addWidget(self.back_button)
        column.addStretch(1)
        self.submit_button.clicked.connect(self._submit)
        self.back_button.clicked.connect(lambda: self._show(Step.NOTICE))
        self.pages.addWidget(page)

    def _build_done(self) -> None:
        page, column = centered_column(1200)
        self.done_text = label("success")
        identify(self.done_text, "sms.done")
        self.close_button = make_button("sms.close", page, role="primary")
        column.addWidget(self.done_text)
        column.addWidget(self.close_button)
        column.addStretch(1)
        self.close_button.clicked.connect(self._close)
        self.pages.addWidget(page)

    # -- flow ------------------------------------------------------------------------------
    def begin(self, ticket_id: int) -> None:
        self.reset()
        self.ticket_id = ticket_id

    def reset(self) -> None:
        """Forget everything the customer chose or typed here."""
        self._jobs.discard()
        self.ticket_id = None
        self._recorded = None
        self._problem = ""
        # what the reset changes is not the customer acting (it would restart the ticket
        # screen's countdown, also after the customer has left it)
        blocker = QSignalBlocker(self)
        for item in self.purposes.values():
            item.setChecked(False)
        self.keypad.clear()
        blocker.unblock()
        self._show(Step.NOTICE)

    def chosen(self) -> tuple[str, ...]:
        return tuple(p for p, item in self.purposes.items() if item.isChecked())

    def _acted(self) -> None:
        self.customer_did_act.emit()
        if self.chosen() and self._problem:
            self._problem = ""
            self.retranslate()

    def _to_number(self) -> None:
        self.customer_did_act.emit()
        if not self.chosen():
            self._problem = "purpose"
            self.retranslate()
            return
        self._problem = ""
        self._show(Step.NUMBER)

    def _typed(self, _number: str) -> None:
        self.customer_did_act.emit()
        self._problem = ""
        self.retranslate()

    def _submit(self) -> None:
        self.customer_did_act.emit()
        if self.ticket_id is None or self.step != Step.NUMBER:
            return
        ticket_id, typed, purposes = self.ticket_id, self.keypad.number, self.chosen()
        locale, version = self.language.locale, self._notice.version
        self._show(Step.SAVING)
        self._jobs.run(
            lambda: self._opt_in(ticket_id, typed, purposes, locale, version),
            self._saved,
            self._refused,
        )

    def _saved(self, view: ContactView) -> None:
        self._recorded = view
        self.saved_for = self.ticket_id
        self.keypad.clear()  # the number is not kept on screen
        self._show(Step.DONE)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, PhoneRejected | ConsentRejected):
            self._problem = error.message
        else:
            self._problem = "failed"
        self._show(Step.NUMBER)

    def _cancel(self) -> None:
        self.reset()
        self.closed.emit()

    def _close(self) -> None:
        self.reset()
        self.closed.emit()

    def _show(self, step: Step) -> None:
        self.step = step
        index = {Step.NOTICE: 0, Step.NUMBER: 1, Step.SAVING: 1, Step.DONE: 2}[step]
        self.pages.setCurrentIndex(index)
        self.retranslate()
        # each step opens at its top (the notice was read to its end before the keypad)
        holder = self.parentWidget()
        while holder is not None and not isinstance(holder, ScrollPane):
            holder = holder.parentWidget()
        if holder is not None:
            holder.verticalScrollBar().setValue(0)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        loc, locale, notice = self.language.loc, self.language.locale, self._notice
        self.notice_title.setText(notice.text("title", locale))
        self.notice_body.setText(notice.text("body", locale, days=self._days))
        for purpose, item in self.purposes.items():
            item.setText(notice.text(purpose, locale))
        purpose_message = loc.tr("Choose at least one of the two purposes.")
        self.notice_message.setText(purpose_message if self._problem == "purpose" else "")
        self.notice_message.setVisible(self._problem == "purpose")
        self.continue_button.setText(loc.tr("Continue"))
        self.cancel_button.setText(loc.tr("No, thank you"))
        self.number_prompt.setText(
            loc.tr("Type your mobile number. For a number abroad, start with +.")
        )
        self.number.setText(self.keypad.number or "—")
        self.number.setAccessibleName(self.keypad.number or loc.tr("No number typed yet"))
        problems = {"failed": loc.tr("Sorry, this did not work. Please try again.")}
        problem = "" if self._problem == "purpose" else self._problem
        text = problems.get(problem) or (loc.tr(problem) if problem else "")
        self.number_message.setText(text)
        self.number_message.setAccessibleName(text)
        self.number_message.setVisible(bool(text))
        self.keypad.set_texts(loc.tr("Delete"))
        self.submit_button.setText(
            loc.tr("Saving…") if self.step == Step.SAVING else loc.tr("Send me texts")
        )
        self.submit_button.setEnabled(self.step == Step.NUMBER)
        self.back_button.setText(loc.tr("Back"))
        self.close_button.setText(loc.tr("Back to my ticket"))
        self.done_text.setText(self._done_text())

    def _done_text(self) -> str:
        view, loc = self._recorded, self.language.loc
        if view is None:
            return ""
        lines = [loc.tr("Thank you. We will text {number}:").format(number=view.masked)]
        if TURN_NEAR in view.purposes:
            lines.append("•  " + loc.tr("when your turn is near"))
        if SURVEY in view.purposes:
            lines.append("•  " + loc.tr("a short survey after your visit"))
        lines.append(loc.tr("Reply STOP at any time to stop the texts."))
        return "\n".join(lines)
