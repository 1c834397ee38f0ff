"""One question per screen; an answer leads to the next question or to a service."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.engine import Journey
from kiosk.catalogue.model import MAX_ANSWERS, Question
from ui.common.language import Language
from ui.common.widgets import HintButton, centered_column, identify, label, scroll_area
from ui.customer.router import Screen
from ui.customer.screens.availability import pause_lines
from ui.customer.screens.base import ScreenBase, ScreenRouter

if TYPE_CHECKING:
    from kiosk.reception import Reception


class QuestionnaireScreen(ScreenBase):
    def __init__(self, language: Language, router: ScreenRouter, reception: Reception) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._question: Question | None = None
        self.answer_buttons: dict[str, HintButton] = {}
        self._pool: list[HintButton] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column()
        column.addLayout(self.language_bar())
        self.progress = label("progress")
        self.question_label = label("title")
        column.addWidget(self.progress)
        column.addWidget(self.question_label)
        options = QWidget()
        self.options_layout = QVBoxLayout(options)
        self.options_layout.setContentsMargins(0, 8, 0, 8)
        self.options_layout.setSpacing(20)
        column.addWidget(options)
        column.addStretch(1)
        outer.addWidget(scroll_area(page), 1)
        nav_page, nav_column = centered_column()
        nav_column.addLayout(self.nav_bar())
        outer.addWidget(nav_page, 0)
        self.retranslate()

    @property
    def journey(self) -> Journey:
        session = self.router.session
        if session.journey is None:
            session.journey = Journey.begin(self._reception.catalogue().questionnaire)
        return session.journey

    def enter(self) -> None:
        journey = self.journey
        if journey.finished:  # came back from the service page
            journey = self.router.session.journey = journey.back()
        self._show(journey.question)

    def reset(self) -> None:
        self._question = None  # the buttons stay, refilled for the next customer's question

    def catalogue_did_change(self) -> None:
        if self._question is not None:
            self.retranslate()

    def _show(self, question: Question) -> None:
        if self._question is None or question.id != self._question.id:
            self._question = question
            self._fill_buttons(question)
        self.retranslate()

    def _fill_buttons(self, question: Question) -> None:
        """One button per option, from buttons made once: none built or deleted on a tap."""
        while len(self._pool) < len(question.options):
            index = len(self._pool)
            button = HintButton("", parent=self)
            button.clicked.connect(lambda _=False, i=index: self._answer_row(i))
            self.options_layout.addWidget(button)
            self._pool.append(button)
        self.answer_buttons = {}
        for index, button in enumerate(self._pool):
            used = index < len(question.options)
            if used:
                option_id = question.options[index].id
                identify(button, f"answer.{option_id}")
                self.answer_buttons[option_id] = button
            else:  # a spare, hidden
                identify(button, f"answer.spare_{index}")
            button.setVisible(used)

    def _answer_row(self, index: int) -> None:
        question = self._question
        if question is not None and index < len(question.options):
            self.answer(question.options[index].id)

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        if self._question is None:
            self.progress.setText("")
            self.question_label.setText("")
            return
        step = self.router.session.journey.step if self.router.session.journey else 1
        self.progress.setText(
            loc.tr("Question {n} of at most {total}").format(
                n=loc.number(step), total=loc.number(MAX_ANSWERS)
            )
        )
        self.question_label.setText(loc.text(self._question.text))
        catalogue = self._reception.catalogue()
        for option in self._question.options:
            button = self.answer_buttons[option.id]
            button.setText(loc.text(option.label))
            lines = [loc.text(option.hint)]
            if option.service is not None:
                with suppress(KeyError):  # a paused service says so here already
                    lines += pause_lines(catalogue.service(option.service), loc, short=True)
            button.set_hint("\n".join(line for line in lines if line))

    def answer(self, option_id: str) -> None:
        journey = self.journey.answer(option_id)
        session = self.router.session
        session.journey = journey
        if journey.finished and journey.service is not None:
            session.choose_service(journey.service, via_questionnaire=True)
            self.router.go(Screen.SERVICE_DETAIL)
        else:
            self._show(journey.question)

    def go_back(self) -> None:
        journey = self.journey
        if journey.can_go_back:
            self.router.session.journey = journey.back()
            self._show(self.router.session.journey.question)
        else:
            self.router.start_over(keep_language=True)
