""" "Rate a recent visit": the customer types their ticket number on the kiosk's keypad
(``keypad.*``, then ``feedback.find``), gives 1–5 (``feedback.score.<n>``), taps the
reasons that applied (``feedback.reason.<key>``) and sends (``feedback.send``).

The domain (:mod:`kiosk.feedback`) finds the ticket and keeps one rating per ticket;
this screen shows its answers, the refusals (unknown, not served yet, already rated) in
the customer's language. A low score opens a case for a manager; the thank-you step then
says so and, where the catalogue has a complaint service, offers it
(``feedback.complaint``).

Where the kiosk has a camera (``[feedback] camera``), the number step also shows its
picture (``feedback.scan``, :mod:`ui.customer.screens.feedback_scan`): the reference
in the ticket's QR code is looked up exactly as a typed number is. The camera runs
only while that step is in front.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.complaint_rules import COMPLAINT_SERVICE
from kiosk.feedback import SCORES, FeedbackError, RatableTicket, RatingResult
from kiosk.visit_reasons import REASONS
from ui.common.errors import error_lines
from ui.common.language import Language
from ui.common.widgets import (
    KioskButton,
    centered_column,
    identify,
    label,
    make_button,
    make_wrapping_button,
    scroll_area,
)
from ui.common.worker import JobGroup, Worker
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.code_step import build_code_step

if TYPE_CHECKING:
    from kiosk.feedback import Ratings
    from kiosk.reception import Reception
    from ui.common.qr_scan import FrameSource
    from ui.customer.screens.feedback_scan import CodeScan

MAX_CODE = 6


class Step(enum.Enum):
    CODE = "code"
    SCORE = "score"
    THANKS = "thanks"


class FeedbackScreen(ScreenBase):
    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        ratings: Ratings,
        worker: Worker,
        camera: FrameSource | None = None,
        scan_interval_ms: int = 250,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._ratings = ratings
        self._jobs = JobGroup(worker)
        self._shown = False
        self.scan: CodeScan | None = None
        """The camera's part, where one is configured."""
        if camera is not None:  # the decoder is loaded only for a kiosk with a camera
            from ui.customer.screens.feedback_scan import CodeScan

            self.scan = CodeScan(camera, worker, scan_interval_ms, self)
            self.scan.reference_did_scan.connect(self.look_up_reference)
        self.code = ""
        self.ticket: RatableTicket | None = None
        self.score: int | None = None
        self.result: RatingResult | None = None
        self._problem: BaseException | None = None
        """Why the typed number cannot be rated (shown under it)."""
        self._send_problem: BaseException | None = None
        self.step = Step.CODE

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1100)
        self._column = column.parentWidget()
        column.addLayout(self.language_bar())
        self.title = label("title")
        column.addWidget(self.title)
        self.steps = QStackedWidget()
        column.addWidget(self.steps, 1)
        self.steps.addWidget(self._code_step())
        self.steps.addWidget(self._score_step())
        self.steps.addWidget(self._thanks_step())
        self.content_area = scroll_area(page)
        outer.addWidget(self.content_area, 1)
        nav_page, nav_column = centered_column()
        nav_column.addLayout(self.nav_bar(back=False))
        outer.addWidget(nav_page, 0)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        if self._column is not None:
            self._column.setMaximumWidth(1700 if landscape else 1100)

    # -- building --------------------------------------------------------------------------
    def _code_step(self) -> QWidget:
        """The number and its message beside the keypad in landscape, above it in portrait."""
        step = QWidget()
        split = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom, step))
        parts = build_code_step(
            split,
            step,
            "feedback",
            "dots",
            self.scan,
            find=self.look_up,
            typed=self._typed,
            back=lambda: self._set_code(self.code[:-1]),
            clear=lambda: self._set_code(""),
        )
        self.code_prompt, self.code_display, self.message = (
            parts.prompt,
            parts.display,
            parts.message,
        )
        self.find_button, self.keypad = parts.find_button, parts.keypad
        return step

    def _score_step(self) -> QWidget:
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.setSpacing(20)
        self.score_prompt = label("subtitle")
        layout.addWidget(self.score_prompt)
        scores = QHBoxLayout()
        scores.setSpacing(14)
        self.score_buttons: dict[int, KioskButton] = {}
        for score in SCORES:
            button = make_button(f"feedback.score.{score}", step, role="choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, s=score: self.choose_score(s))
            scores.addWidget(button)
            self.score_buttons[score] = button
        layout.addLayout(scores)
        self.scale = label("muted")
        layout.addWidget(self.scale)
        self.reasons_prompt = label("subtitle")
        layout.addWidget(self.reasons_prompt)
        reasons = QGridLayout()
        reasons.setSpacing(14)
        self.reason_buttons: dict[str, KioskButton] = {}
        for index, key in enumerate(REASONS):
            # two to a row: a long reason wraps at the largest text size in portrait
            button = make_wrapping_button(f"feedback.reason.{key}", step, role="choice")
            button.setCheckable(True)
            reasons.addWidget(button, index // 2, index % 2)
            self.reason_buttons[key] = button
        layout.addLayout(reasons)
        self.send_button = make_button("feedback.send", step, role="primary")
        self.send_button.clicked.connect(self.send)
        layout.addWidget(self.send_button)
        self.send_message = label("warning")
        identify(self.send_message, "feedback.send_message")
        self.send_message.hide()
        layout.addWidget(self.send_message)
        layout.addStretch(1)
        return step

    def _thanks_step(self) -> QWidget:
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.setSpacing(24)
        self.thanks = label("subtitle")
        identify(self.thanks, "feedback.thanks")
        layout.addWidget(self.thanks)
        self.follow_up = label()
        identify(self.follow_up, "feedback.follow_up")
        layout.addWidget(self.follow_up)
        self.complaint_button = make_button("feedback.complaint", step)
        self.complaint_button.clicked.connect(self.make_complaint)
        layout.addWidget(self.complaint_button)
        self.done_button = make_button("feedback.done", step, role="primary")
        self.done_button.clicked.connect(lambda: self.router.start_over(keep_language=True))
        layout.addWidget(self.done_button)
        layout.addStretch(1)
        return step

    # -- the code --------------------------------------------------------------------------
    def enter(self) -> None:
        catalogue = self._reception.catalogue()
        self.keypad.set_letters(s.prefix for s in catalogue.services)  # old tickets too
        self._shown = True
        self._sync_camera()

    def _sync_camera(self) -> None:
        """The camera runs while the number step is in front, and only then."""
        if self.scan is None:
            return
        if self.step == Step.CODE and self._shown:
            self.scan.start()
        else:
            self.scan.stop()

    def _typed(self, key: str) -> None:
        if len(self.code) < MAX_CODE:
            self._set_code(self.code + key)

    def _set_code(self, code: str) -> None:
        self.code = code
        self._problem = None
        if self.scan is not None:  # the same ticket held up again is read again
            self.scan.scanner.forget()
        self._show_code()

    def _show_code(self) -> None:
        self.code_display.setText(self.code or "–")
        self.code_display.setAccessibleName(self.code or self.loc.tr("No number typed yet"))
        self._show_problem(self.message, self._problem)
        self.find_button.setEnabled(bool(self.code) and not self._jobs.busy)

    def look_up(self) -> None:
        self._look_up(self.code)

    def look_up_reference(self, reference: str) -> None:
        """A reference read from the ticket's QR code: the same path as a typed number."""
        if self.step == Step.CODE and not self._jobs.busy:
            self._look_up(reference)

    def _look_up(self, typed: str) -> None:
        ratings = self._ratings
        self.find_button.setEnabled(False)
        self._jobs.run(lambda: ratings.find(typed), self._found, self._refused)

    def _found(self, ticket: RatableTicket) -> None:
        self.ticket = ticket
        self.show_step(Step.SCORE)

    def _refused(self, error: BaseException) -> None:
        self._problem = error
        if self.step != Step.CODE:
            self.show_step(Step.CODE)
        self._show_code()

    def _show_problem(self, where: QLabel, problem: BaseException | None) -> None:
        text = "\n".join(error_lines(problem, self.loc, context="rating")) if problem else ""
        where.setText(text)
        where.setAccessibleName(text)
        where.setVisible(bool(text))

    # -- the score -------------------------------------------------------------------------
    def choose_score(self, score: int) -> None:
        self.score = score
        for value, button in self.score_buttons.items():
            button.setChecked(value == score)
        self.send_button.setEnabled(not self._jobs.busy)

    def send(self) -> None:
        if self.ticket is None or self.score is None:
            return
        reference, score, ratings = self.ticket.reference, self.score, self._ratings
        reasons = tuple(k for k, b in self.reason_buttons.items() if b.isChecked())
        self.send_button.setEnabled(False)
        self._jobs.run(lambda: ratings.rate(reference, score, reasons), self._sent, self._not_sent)

    def _sent(self, result: RatingResult) -> None:
        self.result, self._send_problem = result, None
        self.show_step(Step.THANKS)

    def _not_sent(self, error: BaseException) -> None:
        if isinstance(error, FeedbackError):  # rated meanwhile elsewhere: say so at the number
            self._refused(error)
        else:
            self._send_problem = error
            self._show_problem(self.send_message, error)
        self.send_button.setEnabled(True)

    def make_complaint(self) -> None:
        self.router.session.start()
        self.router.session.choose_service(COMPLAINT_SERVICE, via_questionnaire=False)
        self.router.go(Screen.SERVICE_DETAIL)

    # -- steps and texts -------------------------------------------------------------------
    def show_step(self, step: Step) -> None:
        self.step = step
        self.steps.setCurrentIndex(list(Step).index(step))
        self.retranslate()
        self._sync_camera()

    def _complaint_offered(self) -> bool:
        services = {s.slug: s for s in self._reception.catalogue().active_services}
        service = services.get(COMPLAINT_SERVICE)
        return service is not None and service.pause is None

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        self.title.setText(loc.tr("Rate a recent visit"))
        self.code_prompt.setText(loc.tr("Type the number on your ticket, e.g. A023."))
        self.keypad.set_texts(loc.tr("Delete"), loc.tr("Clear"))
        self.find_button.setText(loc.tr("Next"))
        code = self.ticket.code if self.ticket else ""
        self.score_prompt.setText(
            loc.tr("How was your visit with ticket {code}?").format(code=code)
        )
        for score, button in self.score_buttons.items():
            button.setText(str(score))
        self.scale.setText(loc.tr("1 = very poor, 5 = excellent"))
        self.reasons_prompt.setText(loc.tr("What made the difference? (Tap all that apply)"))
        for key, button in self.reason_buttons.items():
            button.setText(loc.tr(REASONS[key]))
        self.send_button.setText(loc.tr("Send"))
        self.thanks.setText(loc.tr("Thank you for your feedback!"))
        low = self.result is not None and self.result.case_id is not None
        self.follow_up.setText(
            loc.tr("We are sorry. A manager will look into what went wrong.")
            if low
            else loc.tr("It helps us serve you better.")
        )
        self.complaint_button.setText(loc.tr("Make a complaint"))
        self.complaint_button.setVisible(low and self._complaint_offered())
        self.done_button.setText(loc.tr("Done"))
        if self.scan is not None:
            self.scan.retranslate(loc)
        self._show_code()
        self._show_problem(self.send_message, self._send_problem)
        self.send_button.setEnabled(self.score is not None and not self._jobs.busy)

    def leave(self) -> None:
        self._jobs.discard()
        self._shown = False
        self._sync_camera()

    def reset(self) -> None:
        self._jobs.discard()
        self.code, self.ticket, self.score, self.result = "", None, None, None
        self._problem = self._send_problem = None
        for button in (*self.score_buttons.values(), *self.reason_buttons.values()):
            button.setChecked(False)
        self.show_step(Step.CODE)
