"""The questionnaire editor: the start question, the questions (add, reorder, delete)
and one question's form with its answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.i18n import N_
from ui.admin.common import Field, combo_box
from ui.admin.master_list import MasterDetail
from ui.admin.question_form import QuestionForm, new_question

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.admin.problem_words import Problem


class QuestionnaireView(MasterDetail[QuestionForm]):
    NAME = "question"
    LIST_TEXT = N_("Questions")
    ADD_TEXT = N_("Add question")
    DELETE_TEXT = N_("Delete question")

    def __init__(self, draft: Callable[[], dict[str, Any]]) -> None:
        self._draft = draft
        self.start = combo_box("admin.catalogue.start")
        self.start_field = Field(self.start)
        form = QuestionForm(self._other_option_ids)
        super().__init__(form, form, above=self.start_field)
        self.start.currentIndexChanged.connect(self._start_picked)

    # -- the draft -------------------------------------------------------------------------
    def _questionnaire(self) -> dict[str, Any]:
        questionnaire: dict[str, Any] = self._draft()["questionnaire"]
        return questionnaire

    def _items(self) -> list[dict[str, Any]]:
        questions: list[dict[str, Any]] = self._questionnaire()["questions"]
        return questions

    def _new_item(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        ids = {str(o.get("id")) for q in items for o in q.get("options", [])}
        return new_question(items, ids)

    def _other_option_ids(self) -> set[str]:
        return {
            str(o.get("id"))
            for i, q in enumerate(self._items())
            if i != self.current
            for o in q.get("options", [])
        }

    # -- the list and the start question ---------------------------------------------------
    def _text(self, item: dict[str, Any]) -> str:
        text = self._loc.text(item.get("text")) if self._loc else ""
        return text or str(item.get("id", ""))

    def _list_text(self, item: dict[str, Any]) -> str:
        """Its number, its words and where it comes in, so that two questions with the
        same words ("What would you like to do?") can be told apart."""
        loc, items = self._loc, self._items()
        number = next((i for i, q in enumerate(items) if q is item), len(items)) + 1
        text = f"{number}. {self._text(item)}"
        if loc is None:
            return text
        if item.get("id") == self._questionnaire().get("start"):
            return loc.tr("{question} (first question)").format(question=text)
        for question in items:
            for option in question.get("options", []):
                if option.get("next") == item.get("id") and question is not item:
                    answer = loc.text(option.get("label")) or str(option.get("id", ""))
                    return loc.tr("{question} (after “{answer}”)").format(
                        question=text, answer=answer
                    )
        return text

    def _after_fill(self) -> None:
        self.start.blockSignals(True)
        self.start.clear()
        for question in self._items():
            self.start.addItem(self._list_text(question), question.get("id"))
        start = self._questionnaire().get("start")
        self.start.setCurrentIndex(self.start.findData(start))
        self.start.blockSignals(False)

    def _start_picked(self, index: int) -> None:
        if index >= 0:
            self._questionnaire()["start"] = self.start.itemData(index)

    def targets(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        loc = self._loc
        questions = [(str(q.get("id")), self._list_text(q)) for q in self._items()]
        services = [
            (str(s.get("slug")), (loc.text(s.get("name")) if loc else "") or str(s.get("slug")))
            for s in self._draft()["services"]
        ]
        return questions, services

    def refresh_targets(self) -> None:
        """The services or questions changed: offer them again in every "leads to" list."""
        self.form.set_targets(*self.targets())

    def _before_show(self, item: dict[str, Any]) -> None:
        self.refresh_targets()

    # -- problems and texts ----------------------------------------------------------------
    def _place_other_problems(self, problems: list[Problem]) -> None:
        self.start_field.set_message("")
        for problem in problems:
            if tuple(problem.path[:2]) == ("questionnaire", "start"):
                self.start_field.set_message(problem.message)

    def _problem_path(self, path: tuple[Any, ...]) -> tuple[Any, ...] | None:
        if len(path) >= 3 and path[1] == "questions" and path[2] == self.current:
            return path[3:]
        return None

    def _title(self, loc: Localizer, item: dict[str, Any] | None) -> str:
        if item is None:
            return loc.tr("No question chosen")
        return loc.tr("Question “{text}”").format(text=self._text(item))

    def retranslate(self, loc: Localizer) -> None:
        self.start_field.set_title(loc.tr("First question"))
        super().retranslate(loc)
        self.refresh_targets()
