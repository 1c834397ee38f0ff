"""The form of one service: every field of :class:`~kiosk.catalogue.model.Service`.

The form edits a plain dict (the draft); the catalogue page validates the whole
draft with the domain's models on saving and hands each problem back here to be
shown next to its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import N_
from ui.admin.common import (
    CAPITALS,
    CODE,
    Field,
    check_box,
    line_edit,
    message_label,
    show_message,
    spin_box,
)
from ui.admin.localized_edit import LocalizedEdit, empty_text
from ui.admin.material_editor import MaterialEditor, new_material
from ui.admin.ordered_list import OrderedList

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


def _text_row(name: str) -> LocalizedEdit:
    return LocalizedEdit(name, heading=False, long=True)


def _retranslate_text_row(row: LocalizedEdit, loc: Localizer, title: str) -> None:
    row.retranslate(loc, title)


def _retranslate_material(row: MaterialEditor, loc: Localizer, title: str) -> None:
    row.retranslate(loc, title)


def new_service(existing: list[dict[str, Any]]) -> dict[str, Any]:
    taken = {str(s.get("slug")) for s in existing}
    number = len(existing) + 1
    while f"service_{number}" in taken:
        number += 1
    return {
        "slug": f"service_{number}",
        "prefix": "",
        "category": "general",
        "name": empty_text(),
        "description": empty_text(),
        "steps": [empty_text(), empty_text(), empty_text()],
        "materials": [],
        "follow_up": [empty_text()],
        "average_minutes": 10,
        "sla_minutes": 20,
        "allow_without_required": True,
        "active": True,
        "daily_cap": None,
        "pause": None,
    }


class ServiceForm(QWidget):
    def __init__(self, name: str = "admin.service") -> None:
        super().__init__()
        self._locked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.general = message_label()
        layout.addWidget(self.general)
        self.slug = line_edit(f"{name}.slug", max_length=48, hints=CODE)
        self.prefix = line_edit(f"{name}.prefix", max_length=2, hints=CAPITALS)
        self.prefix.textEdited.connect(lambda text: self.prefix.setText(text.upper()))
        self.category = line_edit(f"{name}.category", max_length=48, hints=CODE)
        self.fields: dict[str, Field] = {
            "slug": Field(self.slug),
            "prefix": Field(self.prefix),
            "category": Field(self.category),
        }
        ids = QHBoxLayout()
        for key in ("slug", "prefix", "category"):
            ids.addWidget(self.fields[key], 2 if key != "prefix" else 1)
        layout.addLayout(ids)
        self.name = LocalizedEdit(f"{name}.name", max_length=120)
        self.description = LocalizedEdit(f"{name}.description", long=True)
        layout.addWidget(self.name)
        layout.addWidget(self.description)
        self.average = spin_box(f"{name}.average_minutes")
        self.sla = spin_box(f"{name}.sla_minutes")
        self.cap = spin_box(f"{name}.daily_cap")
        numbers = QHBoxLayout()
        for key, widget in (
            ("average_minutes", self.average),
            ("sla_minutes", self.sla),
            ("daily_cap", self.cap),
        ):
            self.fields[key] = Field(widget, wide=False)
            numbers.addWidget(self.fields[key])
        layout.addLayout(numbers)
        self.allow = check_box(f"{name}.allow_without_required")
        self.active = check_box(f"{name}.active")
        self.paused = check_box(f"{name}.paused")
        self.paused.toggled.connect(self._pause_toggled)
        for box in (self.allow, self.active, self.paused):
            layout.addWidget(box)
        self.pause_reason = LocalizedEdit(f"{name}.pause_reason", long=True)
        self.pause_alternative = LocalizedEdit(
            f"{name}.pause_alternative", optional=True, long=True
        )
        layout.addWidget(self.pause_reason)
        layout.addWidget(self.pause_alternative)
        self.steps = OrderedList(
            f"{name}.steps",
            _text_row,
            lambda _v: empty_text(),
            _retranslate_text_row,
            item_title=N_("Step {n}"),
            add_text=N_("Add a step"),
        )
        self.materials = OrderedList(
            f"{name}.materials",
            MaterialEditor,
            new_material,
            _retranslate_material,
            item_title=N_("Item to bring {n}"),
            add_text=N_("Add an item to bring"),
        )
        self.follow_up = OrderedList(
            f"{name}.follow_up",
            _text_row,
            lambda _v: empty_text(),
            _retranslate_text_row,
            item_title=N_("Note {n}"),
            add_text=N_("Add a follow-up note"),
        )
        self.lists = {"steps": self.steps, "materials": self.materials, "follow_up": self.follow_up}
        for ordered in self.lists.values():
            layout.addWidget(ordered)

    def _pause_toggled(self, on: bool) -> None:
        self.pause_reason.setEnabled(on)
        self.pause_alternative.setEnabled(on)

    # -- value -----------------------------------------------------------------------------
    def set_value(self, data: dict[str, Any]) -> None:
        self._locked = bool(data.get("_locked"))
        self.slug.setText(str(data.get("slug", "")))
        self.slug.setReadOnly(self._locked)
        self.prefix.setText(str(data.get("prefix", "")))
        self.category.setText(str(data.get("category", "")))
        self.name.set_value(data.get("name"))
        self.description.set_value(data.get("description"))
        self.average.setValue(int(data.get("average_minutes") or 0))
        self.sla.setValue(int(data.get("sla_minutes") or 0))
        self.cap.setValue(int(data.get("daily_cap") or 0))
        self.allow.setChecked(bool(data.get("allow_without_required", True)))
        self.active.setChecked(bool(data.get("active", True)))
        pause = data.get("pause") or None
        self.paused.setChecked(pause is not None)
        self.pause_reason.set_value(pause.get("reason") if pause else None)
        self.pause_alternative.set_value(pause.get("alternative") if pause else None)
        self._pause_toggled(pause is not None)
        for key, widget in self.lists.items():
            widget.set_values(list(data.get(key) or []))
        self.clear_problems()

    def value(self) -> dict[str, Any]:
        pause = None
        if self.paused.isChecked():
            pause = {
                "reason": self.pause_reason.value(),
                "alternative": self.pause_alternative.value(),
            }
        data: dict[str, Any] = {
            "slug": self.slug.text().strip(),
            "prefix": self.prefix.text().strip(),
            "category": self.category.text().strip(),
            "name": self.name.value(),
            "description": self.description.value(),
            "steps": self.steps.values(),
            "materials": self.materials.values(),
            "follow_up": self.follow_up.values(),
            "average_minutes": self.average.value(),
            "sla_minutes": self.sla.value(),
            "allow_without_required": self.allow.isChecked(),
            "active": self.active.isChecked(),
            "daily_cap": self.cap.value() or None,
            "pause": pause,
        }
        if self._locked:
            data["_locked"] = True
        return data

    # -- problems --------------------------------------------------------------------------
    def show_problem(self, path: tuple[Any, ...], message: str) -> None:
        key = str(path[0]) if path else ""
        rest = path[1:]
        placed = False
        if key in self.fields:
            self.fields[key].set_message(message)
            placed = True
        elif key in ("name", "description"):
            placed = (self.name if key == "name" else self.description).show_problem(rest, message)
        elif key == "pause" and rest:
            editor = self.pause_reason if rest[0] == "reason" else self.pause_alternative
            placed = editor.show_problem(rest[1:], message)
        elif key in self.lists:
            placed = self.lists[key].show_problem(rest, message)
        if not placed:
            text = self.general.text()
            show_message(self.general, f"{text}\n{message}" if text else message)

    def clear_problems(self) -> None:
        show_message(self.general, "")
        for field in self.fields.values():
            field.set_message("")
        for editor in (self.name, self.description, self.pause_reason, self.pause_alternative):
            editor.clear_problems()
        for widget in self.lists.values():
            widget.clear_problems()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        titles = {
            "slug": loc.tr("Id (letters a–z, digits, _)"),
            "prefix": loc.tr("Ticket prefix (A–Z)"),
            "category": loc.tr("Category"),
            "average_minutes": loc.tr("Average minutes"),
            "sla_minutes": loc.tr("Target wait (minutes)"),
            "daily_cap": loc.tr("Daily ticket limit"),
        }
        for key, text in titles.items():
            self.fields[key].set_title(text)
        self.cap.setSpecialValueText(loc.tr("No limit"))
        self.name.retranslate(loc, loc.tr("Service name"))
        self.description.retranslate(loc, loc.tr("Description"))
        self.allow.setText(loc.tr("Ticket allowed when a required item is missing"))
        self.active.setText(loc.tr("Active (customers can choose it)"))
        self.paused.setText(loc.tr("Paused for now"))
        self.pause_reason.retranslate(loc, loc.tr("Why it is paused"))
        self.pause_alternative.retranslate(loc, loc.tr("What to do instead (optional)"))
        self.steps.retranslate(loc, loc.tr("Steps"))
        self.materials.retranslate(loc, loc.tr("Items to bring"))
        self.follow_up.retranslate(loc, loc.tr("What happens next"))
