"""One item a customer brings for a service: id, text, required, note, what to do if missing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.admin.common import CODE, Field, check_box, line_edit
from ui.admin.localized_edit import LocalizedEdit, empty_text

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


def new_material(existing: list[Any]) -> dict[str, Any]:
    taken = {str(m.get("id")) for m in existing if isinstance(m, dict)}
    number = len(existing) + 1
    while f"item_{number}" in taken:
        number += 1
    return {
        "id": f"item_{number}",
        "text": empty_text(),
        "required": True,
        "note": None,
        "if_missing": None,
    }


class MaterialEditor(QWidget):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._locked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.id_edit = line_edit(f"{name}.id", max_length=48, hints=CODE)
        self.id_field = Field(self.id_edit)
        self.required = check_box(f"{name}.required")
        top = QHBoxLayout()
        top.addWidget(self.id_field, 1)
        top.addWidget(self.required)
        layout.addLayout(top)
        self.text = LocalizedEdit(f"{name}.text")
        self.note = LocalizedEdit(f"{name}.note", optional=True, long=True)
        self.if_missing = LocalizedEdit(f"{name}.if_missing", optional=True, long=True)
        for widget in (self.text, self.note, self.if_missing):
            layout.addWidget(widget)

    def set_value(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        self._locked = bool(data.get("_locked"))
        self.id_edit.setText(str(data.get("id", "")))
        self.id_edit.setReadOnly(self._locked)
        self.required.setChecked(bool(data.get("required", True)))
        self.text.set_value(data.get("text"))
        self.note.set_value(data.get("note"))
        self.if_missing.set_value(data.get("if_missing"))
        self.clear_problems()

    def value(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(),
            "text": self.text.value(),
            "required": self.required.isChecked(),
            "note": self.note.value(),
            "if_missing": self.if_missing.value(),
        }
        if self._locked:
            data["_locked"] = True
        return data

    def show_problem(self, path: tuple[Any, ...], message: str) -> bool:
        key = path[0] if path else ""
        if key == "id" or not path:
            self.id_field.set_message(message)
            return True
        editors = {"text": self.text, "note": self.note, "if_missing": self.if_missing}
        if key in editors:
            return editors[str(key)].show_problem(path[1:], message)
        return False

    def clear_problems(self) -> None:
        self.id_field.set_message("")
        for editor in (self.text, self.note, self.if_missing):
            editor.clear_problems()

    def retranslate(self, loc: Localizer, title: str) -> None:
        self.id_field.set_title(loc.tr("Id (letters a–z, digits, _)"))
        self.required.setText(loc.tr("Required"))
        self.text.retranslate(loc, loc.tr("What to bring"))
        self.note.retranslate(loc, loc.tr("Note (optional), e.g. original, not a copy"))
        self.if_missing.retranslate(loc, loc.tr("If missing (optional): what to do"))
