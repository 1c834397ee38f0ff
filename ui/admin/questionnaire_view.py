"""The questionnaire editor: the start question, the questions (add, reorder, delete)
and one question's form with its answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ui.admin.common import Field, button, combo_box, list_widget
from ui.admin.master_list import MasterList
from ui.admin.question_form import QuestionForm, new_question
from ui.admin.style import CONTROL_PX
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.admin.problem_words import Problem


class QuestionnaireView(MasterList, QWidget):
    def __init__(self, draft: Callable[[], dict[str, Any]]) -> None:
        super().__init__()
        self._draft = draft
        self._loc: Localizer | None = None
        self._problems: list[Problem] = []
        self.current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.start = combo_box("admin.catalogue.start")
        self.start.currentIndexChanged.connect(self._start_picked)
        self.start_field = Field(self.start)
        layout.addWidget(self.start_field)
        self.list = list_widget("admin.catalogue.questions")
        self.list.setFixedHeight(CONTROL_PX * 5 + 8)
        self.list.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.list)
        buttons = QGridLayout()
        self.add_button = button("admin.catalogue.question_add")
        self.up_button = button("admin.catalogue.question_up")
        self.down_button = button("admin.catalogue.question_down")
        self.delete_button = button("admin.catalogue.question_delete", role="danger")
        for index, widget in enumerate(
            (self.add_button, self.delete_button, self.up_button, self.down_button)
        ):
            buttons.addWidget(widget, index // 2, index % 2)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.delete_button.clicked.connect(self.delete)
        self.form_title = label("subtitle")
        layout.addWidget(self.form_title)
        self.form = QuestionForm(self._other_option_ids)
        layout.addWidget(self.form)

    def _questionnaire(self) -> dict[str, Any]:
        questionnaire: dict[str, Any] = self._draft()["questionnaire"]
        return questionnaire

    def _new_item(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        ids = {str(o.get("id")) for q in items for o in q.get("options", [])}
        return new_question(items, ids)

    def _refill(self) -> None:
        self._fill()

    def _items(self) -> list[dict[str, Any]]:
        return self._questions()

    def _questions(self) -> list[dict[str, Any]]:
        questions: list[dict[str, Any]] = self._questionnaire()["questions"]
        return questions

    def _other_option_ids(self) -> set[str]:
        return {
            str(o.get("id"))
            for i, q in enumerate(self._questions())
            if i != self.current
            for o in q.get("options", [])
        }

    # -- the list --------------------------------------------------------------------------
    def reload(self, select: int = 0) -> None:
        self.current = -1
        self._fill()
        self.select(min(select, len(self._questions()) - 1))

    def _label(self, question: dict[str, Any]) -> str:
        text = self._loc.text(question.get("text")) if self._loc else ""
        return text or str(question.get("id", ""))

    def _fill(self) -> None:
        questions = self._questions()
        self.list.blockSignals(True)
        self.list.clear()
        for question in questions:
            self.list.addItem(self._label(question))
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self.start.blockSignals(True)
        self.start.clear()
        for question in questions:
            self.start.addItem(self._label(question), question.get("id"))
        start = self._questionnaire().get("start")
        self.start.setCurrentIndex(self.start.findData(start))
        self.start.blockSignals(False)
        self._enable()

    def targets(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        loc = self._loc
        questions = [(str(q.get("id")), self._label(q)) for q in self._questions()]
        services = [
            (str(s.get("slug")), (loc.text(s.get("name")) if loc else "") or str(s.get("slug")))
            for s in self._draft()["services"]
        ]
        return questions, services

    def refresh_targets(self) -> None:
        """The services or questions changed: offer them again in every "leads to" list."""
        self.form.set_targets(*self.targets())

    def select(self, index: int) -> None:
        self.store()
        questions = self._questions()
        self.current = index if 0 <= index < len(questions) else -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self.form.setVisible(self.current >= 0)
        if self.current < 0:
            self.form.set_value({})  # nothing chosen: keep nothing on screen either
        else:
            self.form.set_targets(*self.targets())
            self.form.set_value(questions[self.current])
            self._place_problems()
        self._enable()
        self._retranslate_title()

    def _row_changed(self, row: int) -> None:
        if row != self.current:
            self.select(row)

    def _start_picked(self, index: int) -> None:
        if index >= 0:
            self._questionnaire()["start"] = self.start.itemData(index)

    def store(self) -> None:
        questions = self._questions()
        if 0 <= self.current < len(questions):
            questions[self.current] = self.form.value()

    # -- problems --------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        self._place_problems()

    def _place_problems(self) -> None:
        self.form.clear_problems()
        self.start_field.set_message("")
        for problem in self._problems:
            path = problem.path
            if path[:2] == ("questionnaire", "start"):
                self.start_field.set_message(problem.message)
            elif len(path) >= 3 and path[1] == "questions" and path[2] == self.current:
                self.form.show_problem(path[3:], problem.message)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.start_field.set_title(loc.tr("First question"))
        self.list.setAccessibleName(loc.tr("Questions"))
        self.add_button.setText(loc.tr("Add question"))
        self.delete_button.setText(loc.tr("Delete question"))
        self.up_button.setText(loc.tr("Move up"))
        self.down_button.setText(loc.tr("Move down"))
        self.form.retranslate(loc)
        self.store()
        self._fill()
        self.refresh_targets()
        self._retranslate_title()

    def _retranslate_title(self) -> None:
        loc, questions = self._loc, self._questions()
        if loc is None:
            return
        if 0 <= self.current < len(questions):
            text = self._label(questions[self.current])
            self.form_title.setText(loc.tr("Question “{text}”").format(text=text))
        else:
            self.form_title.setText(loc.tr("No question chosen"))
