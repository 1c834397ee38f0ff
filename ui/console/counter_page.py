"""Choose the counter to serve at: one large button per counter in service (a counter
a manager has closed is not offered)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.counters import counter_label
from kiosk.desk import CounterInfo
from kiosk.i18n import Localizer
from ui.common.widgets import (
    HintButton,
    centered_column,
    clear_layout,
    identify,
    label,
    scroll_area,
)
from ui.console.texts import service_name


class CounterPage(QWidget):
    counter_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._counters: list[CounterInfo] = []
        self._catalogue: Catalogue | None = None
        self._staff_id: int | None = None
        self._loc: Localizer | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(960)
        outer.addWidget(page)
        self.title = label("title")
        identify(self.title, "console.counters_title")
        column.addWidget(self.title)
        self.empty = label("warning")
        identify(self.empty, "console.no_counters")
        self.empty.hide()
        column.addWidget(self.empty)
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(12)
        self.list.addStretch(1)
        column.addWidget(scroll_area(holder), 1)
        self.buttons: dict[str, HintButton] = {}

    def set_counters(
        self, counters: list[CounterInfo], catalogue: Catalogue | None, staff_id: int | None
    ) -> None:
        counters = [c for c in counters if c.in_service]
        self._counters, self._catalogue, self._staff_id = counters, catalogue, staff_id
        clear_layout(self.list)
        self.buttons = {}
        for counter in counters:
            button = HintButton(f"console.counter_{counter.id}", role="option", parent=self)
            button.clicked.connect(lambda _=False, c=counter.id: self.counter_chosen.emit(c))
            self.list.addWidget(button)
            self.buttons[counter.id] = button
        self.list.addStretch(1)
        self._refresh()

    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Choose your counter"))
        self._refresh()

    def _refresh(self) -> None:
        loc = self._loc
        if loc is None:
            return
        self.empty.setText(loc.tr("No counters are set up yet. Ask a manager to set them up."))
        self.empty.setVisible(not self._counters)
        for counter in self._counters:
            button = self.buttons[counter.id]
            button.setText(counter_label(counter.id, counter.name, loc))
            services = ", ".join(service_name(self._catalogue, s, loc) for s in counter.services)
            taken = counter.open and counter.staff_id not in (None, self._staff_id)
            state = loc.tr("In use by a colleague") if taken else ""
            button.set_hint(" · ".join(part for part in (services, state) if part))
