"""The form of one question: its id, its text in every language, and its answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import N_
from ui.admin.common import CODE, Field, line_edit, message_label, show_message
from ui.admin.localized_edit import LocalizedEdit, empty_text
from ui.admin.option_editor import OptionEditor, new_option
from ui.admin.ordered_list import OrderedList

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


def new_question(existing: list[dict[str, Any]], option_ids: set[str]) -> dict[str, Any]:
    taken = {str(q.get("id")) for q in existing}
    number = len(existing) + 1
    while f"question_{number}" in taken:
        number += 1
    first = new_option(option_ids)
    second = new_option(option_ids | {first["id"]})
    return {"id": f"question_{number}", "text": empty_text(), "options": [first, second]}


def _retranslate_option(row: OptionEditor, loc: Localizer, title: str) -> None:
    row.retranslate(loc, title)


class QuestionForm(QWidget):
    def __init__(
        self, other_option_ids: Callable[[], set[str]], name: str = "admin.question"
    ) -> None:
        super().__init__()
        self._locked = False
        self._other_option_ids = other_option_ids
        self._targets: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.general = message_label()
        layout.addWidget(self.general)
        self.id_edit = line_edit(f"{name}.id", max_length=48, hints=CODE)
        self.id_field = Field(self.id_edit)
        layout.addWidget(self.id_field)
        self.text = LocalizedEdit(f"{name}.text")
        layout.addWidget(self.text)
        self.options = OrderedList(
            f"{name}.options",
            OptionEditor,
            self._new_option,
            _retranslate_option,
            item_title=N_("Answer {n}"),
            add_text=N_("Add an answer"),
        )
        layout.addWidget(self.options)

    def _new_option(self, values: list[Any]) -> dict[str, Any]:
        ids = self._other_option_ids() | {str(v.get("id")) for v in values}
        return new_option(ids)

    # -- value -----------------------------------------------------------------------------
    def set_value(self, data: dict[str, Any]) -> None:
        self._locked = bool(data.get("_locked"))
        self.id_edit.setText(str(data.get("id", "")))
        self.id_edit.setReadOnly(self._locked)
        self.text.set_value(data.get("text"))
        self.options.set_values(list(data.get("options") or []))
        self.set_targets(*self._targets)
        self.clear_problems()

    def value(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(),
            "text": self.text.value(),
            "options": self.options.values(),
        }
        if self._locked:
            data["_locked"] = True
        return data

    def set_targets(
        self, questions: list[tuple[str, str]], services: list[tuple[str, str]]
    ) -> None:
        self._targets = (questions, services)
        for row in self.options.rows:
            row.set_targets(questions, services)

    def option(self, index: int) -> OptionEditor:
        row = self.options.rows[index]
        assert isinstance(row, OptionEditor)
        return row

    # -- problems --------------------------------------------------------------------------
    def show_problem(self, path: tuple[Any, ...], message: str) -> None:
        key = str(path[0]) if path else ""
        placed = False
        if key == "id":
            self.id_field.set_message(message)
            placed = True
        elif key == "text":
            placed = self.text.show_problem(path[1:], message)
        elif key == "options":
            placed = self.options.show_problem(path[1:], message)
        if not placed:
            text = self.general.text() if self.general.isVisibleTo(self) else ""
            show_message(self.general, f"{text}\n{message}" if text else message)

    def clear_problems(self) -> None:
        show_message(self.general, "")
        self.id_field.set_message("")
        self.text.clear_problems()
        self.options.clear_problems()

    def retranslate(self, loc: Localizer) -> None:
        self.id_field.set_title(loc.tr("Id (letters a–z, digits, _)"))
        self.text.retranslate(loc, loc.tr("Question shown to the customer"))
        self.options.retranslate(loc, loc.tr("Answers"))
        self.set_targets(*self._targets)
