"""An editable, ordered list of items (steps, items to bring, notes, answers).

Each item is a card with its number and Move up / Move down / Delete buttons.
Rows stay where they are; moving an item moves its *value*, so the controls of
row 2 are always called ``<name>.2.…`` (stable names for tests and automation).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.admin.common import button, card, message_label, show_message
from ui.common.widgets import KioskButton, label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFrame, QLabel

    from kiosk.i18n import Localizer


class Row(Protocol):
    def set_value(self, value: Any) -> None: ...
    def value(self) -> Any: ...
    def show_problem(self, path: tuple[Any, ...], message: str) -> bool: ...
    def clear_problems(self) -> None: ...


class _Item:
    def __init__(self, frame: QFrame, title: QLabel, row: Any, buttons: list[KioskButton]):
        self.frame, self.title, self.row = frame, title, row
        self.up, self.down, self.delete = buttons


class OrderedList(QWidget):
    def __init__(
        self,
        name: str,
        make_row: Callable[[str], QWidget],
        new_value: Callable[[list[Any]], Any],
        retranslate_row: Callable[[Any, Localizer, str], None],
        *,
        item_title: str,
        add_text: str,
    ) -> None:
        super().__init__()
        self._name = name
        self._make_row = make_row
        self._new_value = new_value
        self._retranslate_row = retranslate_row
        self._item_title = item_title
        self._add_text = add_text
        self._loc: Localizer | None = None
        self.items: list[_Item] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = label("subtitle")
        layout.addWidget(self.heading)
        self.message = message_label()
        layout.addWidget(self.message)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(8)
        layout.addLayout(self._rows)
        self.add_button = button(f"{name}.add")
        self.add_button.clicked.connect(self.add)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)

    @property
    def rows(self) -> list[Any]:
        return [item.row for item in self.items]

    # -- values ----------------------------------------------------------------------------
    def values(self) -> list[Any]:
        return [item.row.value() for item in self.items]

    def set_values(self, values: list[Any]) -> None:
        while len(self.items) > len(values):
            item = self.items.pop()
            item.frame.setParent(None)
            item.frame.deleteLater()
        while len(self.items) < len(values):
            self._append()
        for item, value in zip(self.items, values, strict=True):
            item.row.set_value(value)
        self._refresh()

    def add(self) -> None:
        values = self.values()
        self.set_values([*values, self._new_value(values)])

    def move_item(self, index: int, delta: int) -> None:
        target = index + delta
        values = self.values()
        if 0 <= index < len(values) and 0 <= target < len(values):
            values[index], values[target] = values[target], values[index]
            self.set_values(values)

    def remove(self, index: int) -> None:
        values = self.values()
        if 0 <= index < len(values):
            del values[index]
            self.set_values(values)

    def _append(self) -> None:
        index = len(self.items)
        prefix = f"{self._name}.{index}"
        frame, layout = card()
        header = QHBoxLayout()
        title = label("field")
        header.addWidget(title, 1)
        buttons = [button(f"{prefix}.{kind}") for kind in ("up", "down", "delete")]
        buttons[2].setProperty("role", "danger")
        buttons[0].clicked.connect(lambda: self.move_item(index, -1))
        buttons[1].clicked.connect(lambda: self.move_item(index, 1))
        buttons[2].clicked.connect(lambda: self.remove(index))
        for widget in buttons:
            header.addWidget(widget)
        layout.addLayout(header)
        row = self._make_row(prefix)
        layout.addWidget(row)
        self._rows.addWidget(frame)
        self.items.append(_Item(frame, title, row, buttons))
        if self._loc is not None:
            self._retranslate_item(index, self._loc)

    def _refresh(self) -> None:
        for index, item in enumerate(self.items):
            item.up.setEnabled(index > 0)
            item.down.setEnabled(index < len(self.items) - 1)

    # -- problems --------------------------------------------------------------------------
    def show_problem(self, path: tuple[Any, ...], message: str) -> bool:
        if not path:
            text = self.message.text() if self.message.isVisibleTo(self) else ""
            show_message(self.message, f"{text}\n{message}" if text else message)
            return True
        if path and isinstance(path[0], int) and path[0] < len(self.items):
            return bool(self.items[path[0]].row.show_problem(path[1:], message))
        return False

    def clear_problems(self) -> None:
        show_message(self.message, "")
        for item in self.items:
            item.row.clear_problems()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer, heading: str) -> None:
        self._loc = loc
        self.heading.setText(heading)
        self.add_button.setText(loc.tr(self._add_text))
        for index in range(len(self.items)):
            self._retranslate_item(index, loc)

    def _retranslate_item(self, index: int, loc: Localizer) -> None:
        item = self.items[index]
        title = loc.tr(self._item_title).format(n=loc.number(index + 1))
        item.title.setText(title)
        item.up.setText(loc.tr("Move up"))
        item.down.setText(loc.tr("Move down"))
        item.delete.setText(loc.tr("Delete"))
        self._retranslate_row(item.row, loc, title)
