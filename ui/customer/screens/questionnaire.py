"""One question per screen; an answer leads to the next question or to a service.

The answer that leads to a person (the "not sure" option to the general enquiry
desk) is not in the list that scrolls: it sits with Back and Start over, below the
list in portrait and beside it in landscape (with the language buttons above), so
it is in view on every screen size.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.catalogue.engine import Journey
from kiosk.catalogue.model import GENERAL_ENQUIRY, MAX_ANSWERS, Option, Question
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
        self._listed: list[Option] = []
        self._fit_pending = False

        outer = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom, self))
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        page, column = centered_column()
        self._column = column
        self.language_row = QWidget()
        languages = self.language_bar()
        languages.setContentsMargins(0, 0, 0, 0)
        self.language_row.setLayout(languages)
        column.addWidget(self.language_row)
        self.progress = label("progress")
        self.question_label = self.make_headline()
        column.addWidget(self.progress)
        column.addWidget(self.question_label)
        options = QWidget()
        self.options_layout = QVBoxLayout(options)
        self.options_layout.setContentsMargins(0, 8, 0, 8)
        self.options_layout.setSpacing(20)
        column.addWidget(options)
        column.addStretch(1)
        self.content_area = scroll_area(page)
        outer.addWidget(self.content_area, 1)
        side, side_column = centered_column()
        self.side_panel = side
        self._side_column = side_column
        side_column.addStretch(1)
        self.person_button = HintButton("answer.person", parent=self)
        self.person_button.clicked.connect(self._answer_person)
        self._person: Option | None = None
        side_column.addWidget(self.person_button)
        self._nav = self.nav_bar()
        side_column.addLayout(self._nav)
        outer.addWidget(side, 0)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        """In landscape the language buttons go to the top of the side panel: the answers
        get the whole height."""
        self.side_panel.setMaximumWidth(640 if landscape else 16777215)
        self._place_language_row(landscape)

    def _place_language_row(self, in_side: bool) -> None:
        source, target = (self._column, self._side_column)[:: 1 if in_side else -1]
        if target.indexOf(self.language_row) < 0:
            source.removeWidget(self.language_row)
            target.insertWidget(0, self.language_row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side_panel_soon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # the text size changed
            self._fit_side_panel_soon()

    def _fit_side_panel_soon(self) -> None:
        """Once the layout has settled (sizes arrive in several steps)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_side_panel)

    def _fit_side_panel(self) -> None:
        """In landscape, the language buttons leave the side panel for the top of the
        answers when the panel is too short for them, the way to a person and the nav
        bar (large text in the seated layout): those stay in view, whole."""
        self._fit_pending = False
        if not self.landscape:
            return
        column = self._side_column
        host = column.parentWidget()
        page = self.side_panel.layout()
        assert host is not None and page is not None
        width, gap = host.width(), column.spacing()
        needed = (
            self.language_row.heightForWidth(width)
            + self.person_button.heightForWidth(width)
            + self._nav.minimumSize().height()
            + 2 * gap
        )
        margins = page.contentsMargins()
        self._place_language_row(needed <= self.height() - margins.top() - margins.bottom())

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
        self.scroll_to_top()

    def _fill_buttons(self, question: Question) -> None:
        """One button per option, from buttons made once: none built or deleted on a tap."""
        person = self._person = person_option(question)
        listed = [option for option in question.options if option is not person]
        while len(self._pool) < len(listed):
            index = len(self._pool)
            button = HintButton("", parent=self)
            button.clicked.connect(lambda _=False, i=index: self._answer_row(i))
            self.options_layout.addWidget(button)
            self._pool.append(button)
        self._listed = listed
        self.answer_buttons = {}
        for index, button in enumerate(self._pool):
            used = index < len(listed)
            if used:
                option_id = listed[index].id
                identify(button, f"answer.{option_id}")
                self.answer_buttons[option_id] = button
            else:  # a spare, hidden
                identify(button, f"answer.spare_{index}")
            button.setVisible(used)
        identify(self.person_button, f"answer.{person.id}" if person else "answer.person")
        if person is not None:
            self.answer_buttons[person.id] = self.person_button
        self.person_button.setVisible(person is not None)

    def _answer_person(self) -> None:
        if self._person is not None:
            self.answer(self._person.id)

    def _answer_row(self, index: int) -> None:
        if self._question is not None and index < len(self._listed):
            self.answer(self._listed[index].id)

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


def person_option(question: Question) -> Option | None:
    """The answer that leads to a person ("not sure": the general enquiry desk)."""
    return next((o for o in reversed(question.options) if o.service == GENERAL_ENQUIRY), None)
