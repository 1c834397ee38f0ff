"""The left-hand list of an editor page (services, questions): add, move, delete.

A view mixes this in and supplies its items (the draft's list it edits), how to
make a new one, how to redraw the list, and ``store``/``select``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.common.widgets import KioskButton


class MasterList:
    current: int
    up_button: KioskButton
    down_button: KioskButton
    delete_button: KioskButton

    # supplied by the view
    _items: Callable[[], list[dict[str, Any]]]
    _new_item: Callable[[list[dict[str, Any]]], dict[str, Any]]
    _refill: Callable[[], None]
    store: Callable[[], None]
    select: Callable[[int], None]

    # shared behaviour
    def add(self) -> None:
        self.store()
        items = self._items()
        items.append(self._new_item(items))
        self.current = -1
        self._refill()
        self.select(len(items) - 1)

    def move_item(self, delta: int) -> None:
        self.store()
        items, index = self._items(), self.current
        target = index + delta
        if 0 <= index < len(items) and 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            self.current = target
            self._refill()
            self.select(target)

    def delete(self) -> None:
        items, index = self._items(), self.current
        if 0 <= index < len(items):
            del items[index]
            self.current = -1
            self._refill()
            self.select(min(index, len(items) - 1))

    def _enable(self) -> None:
        count, index = len(self._items()), self.current
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < count - 1)
        self.delete_button.setEnabled(index >= 0)
