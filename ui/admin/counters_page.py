"""The branch's counters (managers): list, add, edit, remove.

Each change goes to :class:`~kiosk.counters.CounterAdmin`, which checks it (an
unknown service, a duplicate id, a counter with a customer at it), audits it and
says why it refuses; the page shows the refusal in plain words and keeps the form
as it was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView

from kiosk.catalogue.model import Catalogue
from kiosk.counters import Counter, counter_label
from kiosk.i18n import N_, Localizer
from ui.admin.common import (
    AdminPage,
    Field,
    button,
    card,
    check_box,
    fill_table,
    line_edit,
    message_label,
    read_only_table,
    selected_index,
    show_message,
)
from ui.admin.context import AdminContext
from ui.admin.localized_edit import LocalizedEdit
from ui.admin.ordered_list import OrderedList
from ui.admin.style import CONTROL_PX
from ui.common.widgets import identify, label

COLUMNS = (N_("Counter"), N_("Counter name"), N_("Services"), N_("State"))


class ServiceChoice(QComboBox):
    """One service of the counter, chosen from the catalogue."""

    def __init__(self, name: str) -> None:
        super().__init__()
        identify(self, name)
        self.setMinimumHeight(CONTROL_PX)
        self._slug = ""
        self._services: list[tuple[str, str]] = []

    def offer(self, services: list[tuple[str, str]]) -> None:
        """(slug, name) of every service; the chosen one stays chosen."""
        current = self.value() or self._slug
        self._services = services
        self.blockSignals(True)
        self.clear()
        for slug, name in services:
            self.addItem(name, slug)
        self.blockSignals(False)
        self.set_value(current)

    def set_value(self, value: Any) -> None:
        self._slug = str(value or "")
        self.setCurrentIndex(max(0, self.findData(self._slug)))

    def value(self) -> str:
        data = self.currentData()
        return str(data) if data else self._slug

    def show_problem(self, path: tuple[Any, ...], message: str) -> bool:
        return False

    def clear_problems(self) -> None:
        """A choice from the list has no problem of its own."""


class CountersPage(AdminPage):
    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.counters: list[Counter] = []
        self.catalogue: Catalogue | None = None
        self._editing: str | None = None  # None: no form; "": a new counter
        layout = self.page_column(12)
        self.table = read_only_table("admin.counters.table", len(COLUMNS))
        self.table.setMinimumHeight(240)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.add_button = button("admin.counters.add", role="primary")
        self.edit_button = button("admin.counters.edit")
        self.remove_button = button("admin.counters.remove", role="danger")
        for widget in (self.add_button, self.edit_button, self.remove_button):
            actions.addWidget(widget)
        layout.addLayout(actions)
        self.add_button.clicked.connect(self.start_add)
        self.edit_button.clicked.connect(self.start_edit)
        self.remove_button.clicked.connect(self.ask_remove)

        self.confirm, confirm_layout = card()
        self.confirm_text = label("field")
        confirm_layout.addWidget(self.confirm_text)
        confirm_row = QHBoxLayout()
        self.confirm_button = button("admin.counters.confirm_remove", role="danger")
        self.keep_button = button("admin.counters.keep")
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.keep_button)
        confirm_layout.addLayout(confirm_row)
        self.confirm_button.clicked.connect(self.remove)
        self.keep_button.clicked.connect(self.confirm.hide)
        layout.addWidget(self.confirm)
        self.confirm.hide()

        self.status = message_label("success")
        layout.addWidget(self.status)

        self.form, form_layout = card()
        self.form_title = label("subtitle")
        form_layout.addWidget(self.form_title)
        self.counter_id = line_edit("admin.counters.id", max_length=16)
        self.id_field = Field(self.counter_id, wide=False)
        form_layout.addWidget(self.id_field)
        self.names = LocalizedEdit("admin.counters.name", optional=True, max_length=40)
        form_layout.addWidget(self.names)
        self.in_service = check_box("admin.counters.in_service")
        form_layout.addWidget(self.in_service)
        self.services = OrderedList(
            "admin.counters.services",
            ServiceChoice,
            self._next_service,
            self._retranslate_service,
            item_title=N_("Service {n}"),
            add_text=N_("Add a service"),
        )
        form_layout.addWidget(self.services)
        self.form_message = message_label()
        form_layout.addWidget(self.form_message)
        form_row = QHBoxLayout()
        self.save_button = button("admin.counters.save", role="primary")
        self.cancel_button = button("admin.counters.cancel")
        form_row.addWidget(self.save_button)
        form_row.addWidget(self.cancel_button)
        form_layout.addLayout(form_row)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.close_form)
        layout.addWidget(self.form)
        self.form.hide()
        self.retranslate()

    def title(self) -> str:
        return self.loc.tr("Counters")

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        counters, catalogue = self.ctx.counters, self.ctx.catalogue
        self.ctx.run(
            lambda m: (counters.counters(m), catalogue.current()), self._loaded, self._failed
        )

    def _loaded(self, result: tuple[list[Counter], Catalogue]) -> None:
        selected = self.selected()
        self.counters, self.catalogue = result
        self._fill()
        if selected is not None:
            self.select_id(selected.id)

    def _service_name(self, slug: str) -> str:
        if self.catalogue is not None:
            for service in self.catalogue.services:
                if service.slug == slug:
                    return self.loc.text(service.name)
        return slug

    def _fill(self) -> None:
        loc = self.loc
        fill_table(
            self.table,
            [
                (
                    counter.id,
                    counter_label(counter.id, counter.name, loc),
                    ", ".join(self._service_name(s) for s in counter.services),
                    loc.tr("In service") if counter.in_service else loc.tr("Closed"),
                )
                for counter in self.counters
            ],
        )
        self._selection_changed()

    def selected(self) -> Counter | None:
        index = selected_index(self.table, len(self.counters))
        return None if index is None else self.counters[index]

    def select_id(self, counter_id: str) -> None:
        for row, counter in enumerate(self.counters):
            if counter.id == counter_id:
                self.table.selectRow(row)
                return

    # -- the form --------------------------------------------------------------------------
    def _offered(self) -> list[tuple[str, str]]:
        services = self.catalogue.services if self.catalogue is not None else ()
        return [(s.slug, self.loc.text(s.name)) for s in services]

    def _next_service(self, chosen: list[Any]) -> str:
        free = [slug for slug, _name in self._offered() if slug not in chosen]
        return free[0] if free else ""

    def _retranslate_service(self, row: ServiceChoice, loc: Localizer, title: str) -> None:
        row.offer(self._offered())
        row.setAccessibleName(title)

    def start_add(self) -> None:
        self._open_form("", None)

    def start_edit(self) -> None:
        target = self.selected()
        if target is not None:
            self._open_form(target.id, target)

    def _open_form(self, editing: str, counter: Counter | None) -> None:
        self._editing = editing
        self.confirm.hide()
        self.counter_id.setText(counter.id if counter else "")
        self.counter_id.setReadOnly(counter is not None)
        self.names.set_value(counter.name if counter else {})
        self.in_service.setChecked(counter.in_service if counter else True)
        self.services.set_values(list(counter.services) if counter else [])
        if counter is None:
            self.services.add()
        show_message(self.form_message, "")
        self.set_status("", "")
        self.form.show()
        self.retranslate()
        self.counter_id.setFocus()

    def close_form(self) -> None:
        self._editing = None
        self.form.hide()

    def save(self) -> None:
        editing = self._editing
        if editing is None:
            return
        counters = self.ctx.counters
        name = self.names.value() or {}
        services = [s for s in self.services.values() if s]
        in_service = self.in_service.isChecked()
        if editing:
            self.ctx.run(
                lambda m: counters.edit(
                    m, editing, name=name, services=services, in_service=in_service
                ),
                lambda c: self._done(N_("{name} was saved."), c),
                self._refused,
            )
            return
        counter_id = self.counter_id.text()
        self.ctx.run(
            lambda m: counters.add(
                m, counter_id, name=name, services=services, in_service=in_service
            ),
            lambda c: self._done(N_("{name} was added."), c),
            self._refused,
        )

    # -- removing --------------------------------------------------------------------------
    def ask_remove(self) -> None:
        target = self.selected()
        if target is None:
            return
        self.close_form()
        self.confirm.show()
        self.retranslate()
        self.keep_button.setFocus()

    def remove(self) -> None:
        target = self.selected()
        self.confirm.hide()
        if target is None:
            return
        counters = self.ctx.counters
        self.ctx.run(
            lambda m: counters.remove(m, target.id),
            lambda _none: self._done(N_("{name} was removed."), target),
            self._failed,
        )

    # -- answers ---------------------------------------------------------------------------
    def _done(self, msgid: str, counter: Counter) -> None:
        self.close_form()
        name = counter_label(counter.id, counter.name, self.loc)
        self.set_status(self.loc.tr(msgid).format(name=name), "success")
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        show_message(self.form_message, self.ctx.error_text(error), "warning")

    # -- texts -----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        if not chosen:
            self.confirm.hide()

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Counters"))
        self.add_button.setText(loc.tr("Add counter"))
        self.edit_button.setText(loc.tr("Edit counter"))
        self.remove_button.setText(loc.tr("Remove counter"))
        self.confirm_button.setText(loc.tr("Remove"))
        self.keep_button.setText(loc.tr("Keep it"))
        target = self.selected()
        if target is not None:
            self.confirm_text.setText(
                loc.tr("Remove {name}? Tickets already served there keep their records.").format(
                    name=counter_label(target.id, target.name, loc)
                )
            )
        self.id_field.set_title(loc.tr("Counter, as announced (e.g. 3)"))
        self.names.retranslate(loc, loc.tr("Name (left blank: “Counter 3”)"))
        self.in_service.setText(loc.tr("In service (staff can open it and it takes calls)"))
        self.services.retranslate(loc, loc.tr("Services, in order of preference"))
        if self._editing:
            self.form_title.setText(loc.tr("Edit counter {counter}").format(counter=self._editing))
        else:
            self.form_title.setText(loc.tr("New counter"))
        self.save_button.setText(loc.tr("Save"))
        self.cancel_button.setText(loc.tr("Cancel"))
        if self.counters:
            self._fill()

    def wipe(self) -> None:
        self.close_form()
        self.confirm.hide()
        self.counters = []
        self.catalogue = None
        self.table.setRowCount(0)
        self.set_status("", "")
