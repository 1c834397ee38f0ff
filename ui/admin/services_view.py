"""The catalogue editor's services: the list (add, reorder, delete) and one service's form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ui.admin.common import button, list_widget
from ui.admin.master_list import MasterList
from ui.admin.service_form import ServiceForm, new_service
from ui.admin.style import CONTROL_PX
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.admin.problem_words import Problem


class ServicesView(MasterList, QWidget):
    def __init__(self, services: Callable[[], list[dict[str, Any]]]) -> None:
        super().__init__()
        self._services = services
        self._loc: Localizer | None = None
        self._problems: list[Problem] = []
        self.current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.list = list_widget("admin.catalogue.services")
        self.list.setFixedHeight(CONTROL_PX * 5 + 8)
        self.list.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.list)
        buttons = QGridLayout()
        self.add_button = button("admin.catalogue.service_add")
        self.up_button = button("admin.catalogue.service_up")
        self.down_button = button("admin.catalogue.service_down")
        self.delete_button = button("admin.catalogue.service_delete", role="danger")
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
        self.form = ServiceForm()
        layout.addWidget(self.form)

    # -- the list --------------------------------------------------------------------------
    def reload(self, select: int = 0) -> None:
        """Show the draft's services afresh (after loading or discarding)."""
        self.current = -1
        self._fill_list()
        self.select(min(select, len(self._services()) - 1))

    def _new_item(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        return new_service(items)

    def _refill(self) -> None:
        self._fill_list()

    def _items(self) -> list[dict[str, Any]]:
        return self._services()

    def _fill_list(self) -> None:
        loc = self._loc
        self.list.blockSignals(True)
        self.list.clear()
        for service in self._services():
            name = (loc.text(service.get("name")) if loc else "") or service.get("slug", "")
            prefix = service.get("prefix") or "?"
            self.list.addItem(f"{prefix} · {name}")
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self._enable()

    def select(self, index: int) -> None:
        self.store()
        services = self._services()
        self.current = index if 0 <= index < len(services) else -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self.form.setVisible(self.current >= 0)
        if self.current < 0:
            self.form.set_value({})  # nothing chosen: keep nothing on screen either
        else:
            self.form.set_value(services[self.current])
            self._place_problems()
        self._enable()
        self._retranslate_title()

    def _row_changed(self, row: int) -> None:
        if row != self.current:
            self.select(row)

    def store(self) -> None:
        """Write the form back into the draft."""
        services = self._services()
        if 0 <= self.current < len(services):
            services[self.current] = self.form.value()

    # -- problems --------------------------------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        self._place_problems()

    def _place_problems(self) -> None:
        self.form.clear_problems()
        for problem in self._problems:
            path = problem.path
            if len(path) >= 2 and path[0] == "services" and path[1] == self.current:
                self.form.show_problem(path[2:], problem.message)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.list.setAccessibleName(loc.tr("Services"))
        self.add_button.setText(loc.tr("Add service"))
        self.delete_button.setText(loc.tr("Delete service"))
        self.up_button.setText(loc.tr("Move up"))
        self.down_button.setText(loc.tr("Move down"))
        self.form.retranslate(loc)
        self.store()
        self._fill_list()
        self._retranslate_title()

    def _retranslate_title(self) -> None:
        loc, services = self._loc, self._services()
        if loc is None:
            return
        if 0 <= self.current < len(services):
            service = services[self.current]
            name = loc.text(service.get("name")) or str(service.get("slug", ""))
            self.form_title.setText(loc.tr("Service “{name}”").format(name=name))
        else:
            self.form_title.setText(loc.tr("No service chosen"))
