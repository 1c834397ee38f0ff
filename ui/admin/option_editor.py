"""One answer of a question: id, label, hint, and where it leads (a question OR a service).

"Leads to" is one list holding the questions and the services, so an answer can
never lead to both; "not chosen" is allowed on screen and refused on saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.admin.common import CODE, Field, combo_box, line_edit
from ui.admin.localized_edit import LocalizedEdit, empty_text

if TYPE_CHECKING:
    from kiosk.i18n import Localizer

Target = tuple[str, str] | None
"""("next", question id) or ("service", slug); None: not chosen yet."""


def new_option(existing_ids: set[str]) -> dict[str, Any]:
    number = len(existing_ids) + 1
    while f"answer_{number}" in existing_ids:
        number += 1
    return {"id": f"answer_{number}", "label": empty_text(), "hint": None}


class OptionEditor(QWidget):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._locked = False
        self._target: Target = None
        self._loc: Localizer | None = None
        self._questions: list[tuple[str, str]] = []
        self._services: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.id_edit = line_edit(f"{name}.id", max_length=48, hints=CODE)
        self.target = combo_box(f"{name}.target")
        self.target.currentIndexChanged.connect(self._picked)
        self.id_field, self.target_field = Field(self.id_edit), Field(self.target)
        top = QHBoxLayout()
        top.addWidget(self.id_field, 1)
        top.addWidget(self.target_field, 2)
        layout.addLayout(top)
        self.label = LocalizedEdit(f"{name}.label")
        self.hint = LocalizedEdit(f"{name}.hint", optional=True)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)

    # -- value -----------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        self._locked = bool(data.get("_locked"))
        self.id_edit.setText(str(data.get("id", "")))
        self.id_edit.setReadOnly(self._locked)
        self.label.set_value(data.get("label"))
        self.hint.set_value(data.get("hint"))
        if data.get("next"):
            self._target = ("next", str(data["next"]))
        elif data.get("service"):
            self._target = ("service", str(data["service"]))
        else:
            self._target = None
        self._fill_targets()
        self.clear_problems()

    def value(self) -> dict[str, Any]:
        kind, target = self._target or ("", "")
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(),
            "label": self.label.value(),
            "hint": self.hint.value(),
            "next": target if kind == "next" else None,
            "service": target if kind == "service" else None,
        }
        if self._locked:
            data["_locked"] = True
        return data

    # -- where it leads --------------------------------------------------------------------
    def set_targets(
        self, questions: list[tuple[str, str]], services: list[tuple[str, str]]
    ) -> None:
        """The questions and services an answer may lead to: (id, label) pairs."""
        self._questions, self._services = questions, services
        self._fill_targets()

    def choose(self, kind: str, target: str) -> None:
        self._target = (kind, target)
        self._fill_targets()

    def _picked(self, index: int) -> None:
        data = str(self.target.itemData(index) or "")
        kind, _, target = data.partition(":")
        self._target = (kind, target) if target else None

    def _fill_targets(self) -> None:
        loc = self._loc
        if loc is None:
            return
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(loc.tr("— Not chosen —"), "")
        for qid, text in self._questions:
            self.target.addItem(loc.tr("Question: {text}").format(text=text), f"next:{qid}")
        for slug, text in self._services:
            self.target.addItem(loc.tr("Service: {name}").format(name=text), f"service:{slug}")
        known = {("next", q) for q, _ in self._questions} | {
            ("service", s) for s, _ in self._services
        }
        if self._target is not None and self._target not in known:
            self.target.addItem(
                loc.tr("{target} (no longer exists)").format(target=self._target[1]),
                ":".join(self._target),
            )
        index = self.target.findData(":".join(self._target)) if self._target else 0
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)

    # -- problems --------------------------------------------------------------------------
    def show_problem(self, path: tuple[Any, ...], message: str) -> bool:
        key = path[0] if path else ""
        if key == "id":
            self.id_field.set_message(message)
            return True
        if key in ("next", "service", ""):
            self.target_field.set_message(message)
            return True
        editors = {"label": self.label, "hint": self.hint}
        if key in editors:
            return editors[str(key)].show_problem(path[1:], message)
        return False

    def clear_problems(self) -> None:
        self.id_field.set_message("")
        self.target_field.set_message("")
        self.label.clear_problems()
        self.hint.clear_problems()

    def retranslate(self, loc: Localizer, title: str) -> None:
        self._loc = loc
        self.id_field.set_title(loc.tr("Id (letters a–z, digits, _)"))
        self.target_field.set_title(loc.tr("Leads to"))
        self.label.retranslate(loc, loc.tr("Answer shown to the customer"))
        self.hint.retranslate(loc, loc.tr("Hint under the answer (optional)"))
        self._fill_targets()
