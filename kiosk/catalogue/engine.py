"""The questionnaire engine: where the customer is, what they answered, where it leads.

A :class:`Journey` is immutable: answering or going back returns a new one, so
the UI can keep one value, and "start over" is just ``Journey.begin(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalogue.model import Option, Question, Questionnaire


@dataclass(frozen=True)
class Journey:
    questionnaire: Questionnaire
    answers: tuple[str, ...] = ()
    """Option ids chosen so far, in order."""
    service: str | None = None
    """The chosen service once an answer led to one."""

    @classmethod
    def begin(cls, questionnaire: Questionnaire) -> Journey:
        return cls(questionnaire)

    def _walk(self, answers: tuple[str, ...]) -> tuple[Question, str | None]:
        question = self.questionnaire.question(self.questionnaire.start)
        service: str | None = None
        for answer in answers:
            option = self._option(question, answer)
            if option.service is not None:
                service = option.service
            else:
                assert option.next is not None  # guaranteed by Option's validator
                question = self.questionnaire.question(option.next)
        return question, service

    @staticmethod
    def _option(question: Question, option_id: str) -> Option:
        for option in question.options:
            if option.id == option_id:
                return option
        raise KeyError(f"'{option_id}' is not an answer to '{question.id}'")

    @property
    def question(self) -> Question:
        """The question on screen (the last one asked once a service is chosen)."""
        return self._walk(self.answers if self.service is None else self.answers[:-1])[0]

    @property
    def finished(self) -> bool:
        return self.service is not None

    @property
    def step(self) -> int:
        """1-based number of the question on screen."""
        return len(self.answers) + (0 if self.service else 1)

    @property
    def can_go_back(self) -> bool:
        return bool(self.answers)

    def answer(self, option_id: str) -> Journey:
        if self.finished:
            raise ValueError("the questionnaire is already finished")
        question, _ = self._walk(self.answers)
        option = self._option(question, option_id)
        return Journey(self.questionnaire, (*self.answers, option_id), option.service)

    def back(self) -> Journey:
        if not self.answers:
            return self
        return Journey(self.questionnaire, self.answers[:-1], None)
