"""An editor page of the catalogue (services, questions): a list of the draft's items
with add, delete, move up and move down, and the chosen item's form below it.

A view subclasses :class:`MasterDetail` and says what differs: the draft's list it
edits, how a new item is made, how an item is named in the list and in the form's
title, the object names and texts of its controls, and where its problems sit in
a problem's path. Selecting, storing the form back, placing problems, enabling the
buttons and retranslating are here, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ui.admin.common import button, list_widget
from ui.admin.style import CONTROL_PX
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.admin.problem_words import Problem


class ItemForm(Protocol):
    """The form of one item."""

    def value(self) -> dict[str, Any]: ...
    def set_value(self, value: dict[str, Any]) -> None: ...
    def clear_problems(self) -> None: ...
    def show_problem(self, path: tuple[Any, ...], message: str) -> None: ...
    def retranslate(self, loc: Localizer) -> None: ...
    def setVisible(self, visible: bool) -> None: ...


F = TypeVar("F", bound=ItemForm)


class MasterDetail(QWidget, Generic[F]):
    NAME: ClassVar[str]
    """``admin.catalogue.<NAME>s`` is the list, ``admin.catalogue.<NAME>_add`` … the buttons."""
    LIST_TEXT: ClassVar[str]
    ADD_TEXT: ClassVar[str]
    DELETE_TEXT: ClassVar[str]

    def __init__(self, form: F, form_widget: QWidget, above: QWidget | None = None) -> None:
        super().__init__()
        self._loc: Localizer | None = None
        self._problems: list[Problem] = []
        self.current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        if above is not None:
            layout.addWidget(above)
        name = self.NAME
        self.list = list_widget(f"admin.catalogue.{name}s")
        self.list.setFixedHeight(CONTROL_PX * 5 + 8)
        self.list.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.list)
        buttons = QGridLayout()
        self.add_button = button(f"admin.catalogue.{name}_add")
        self.up_button = button(f"admin.catalogue.{name}_up")
        self.down_button = button(f"admin.catalogue.{name}_down")
        self.delete_button = button(f"admin.catalogue.{name}_delete", role="danger")
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
        self.form = form
        layout.addWidget(form_widget)

    # -- what a view says ------------------------------------------------------------------
    def _items(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _new_item(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        raise NotImplementedError

    def _list_text(self, item: dict[str, Any]) -> str:
        """The item's line in the list."""
        raise NotImplementedError

    def _title(self, loc: Localizer, item: dict[str, Any] | None) -> str:
        """The form's title for ``item`` (None: nothing chosen)."""
        raise NotImplementedError

    def _problem_path(self, path: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The part of a problem's path inside the current item's form, or None."""
        raise NotImplementedError

    def _before_show(self, item: dict[str, Any]) -> None:
        """Just before the form shows ``item`` (e.g. offer the current targets)."""

    def _after_fill(self) -> None:
        """The list was redrawn (e.g. the start question's choices follow)."""

    def _place_other_problems(self, problems: list[Problem]) -> None:
        """Problems outside any item (e.g. the questionnaire's start)."""

    # -- the list --------------------------------------------------------------------------
    def reload(self, select: int = 0) -> None:
        """Show the draft's items afresh (after loading or discarding)."""
        self.current = -1
        self._fill()
        self.select(min(select, len(self._items()) - 1))

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._items():
            self.list.addItem(self._list_text(item))
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self._after_fill()
        self._enable()

    def select(self, index: int) -> None:
        self.store()
        items = self._items()
        self.current = index if 0 <= index < len(items) else -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self.form.setVisible(self.current >= 0)
        if self.current < 0:
            self.form.set_value({})  # nothing chosen: keep nothing on screen either
        else:
            self._before_show(items[self.current])
            self.form.set_value(items[self.current])
            self._place_problems()
        self._enable()
        self._retranslate_title()

    def _row_changed(self, row: int) -> None:
        if row != self.current:
            self.select(row)

    def store(self) -> None:
        """Write the form back into the draft."""
        items = self._items()
        if 0 <= self.current < len(items):
            items[self.current] = self.form.value()

    def add(self) -> None:
        self.store()
        items = self._items()
        items.append(self._new_item(items))
        self.current = -1
        self._fill()
        self.select(len(items) - 1)

    def move_item(self, delta: int) -> None:
        self.store()
        items, index = self._items(), self.current
        target = index + delta
        if 0 <= index < len(items) and 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            self.current = target
            self._fill()
            self.select(target)

    def delete(self) -> None:
        items, index = self._items(), self.current
        if 0 <= index < len(items):
            del items[index]
            self.current = -1
            self._fill()
            self.select(min(index, len(items) - 1))

    def _enable(self) -> None:
        count, index = len(self._items()), self.current
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < count - 1)
        self.delete_button.setEnabled(index >= 0)

    # -- problems --------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        self._place_problems()

    def _place_problems(self) -> None:
        self.form.clear_problems()
        self._place_other_problems(self._problems)
        for problem in self._problems:
            inside = self._problem_path(tuple(problem.path))
            if inside is not None:
                self.form.show_problem(inside, problem.message)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.list.setAccessibleName(loc.tr(self.LIST_TEXT))
        self.add_button.setText(loc.tr(self.ADD_TEXT))
        self.delete_button.setText(loc.tr(self.DELETE_TEXT))
        self.up_button.setText(loc.tr("Move up"))
        self.down_button.setText(loc.tr("Move down"))
        self.form.retranslate(loc)
        self.store()
        self._fill()
        self._retranslate_title()

    def _retranslate_title(self) -> None:
        loc, items = self._loc, self._items()
        if loc is None:
            return
        item = items[self.current] if 0 <= self.current < len(items) else None
        self.form_title.setText(self._title(loc, item))
