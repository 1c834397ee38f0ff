"""Staff accounts (managers): list, add, activate/deactivate, change role, reset PIN.

Every action goes to :class:`~kiosk.staff.StaffDirectory`, which refuses what a
manager may not do (the last manager, a weak or reused PIN, a duplicate number,
a caller who is not a manager); the refusal is shown in plain words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
)

from kiosk.access import ROLE_LABELS, ROLE_MANAGER, ROLE_STAFF, StaffMember
from kiosk.i18n import N_
from kiosk.staff import PinRejected
from ui.admin.common import (
    DIGITS,
    AdminPage,
    Field,
    button,
    card,
    combo_box,
    fill_table,
    line_edit,
    message_label,
    read_only_table,
    selected_index,
)
from ui.admin.context import AdminContext
from ui.admin.pin_entry import PinEntry
from ui.common.widgets import label

COLUMNS = (N_("Staff no."), N_("Name"), N_("Role"), N_("Active"))


class StaffPage(AdminPage):
    own_access_did_change = Signal()
    """The signed-in member lost the manager role or was deactivated: sign out now."""

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.members: list[StaffMember] = []
        self._mode = ""  # "" | add | reset
        layout = self.page_column(12)
        self.table = read_only_table("admin.staff.table", len(COLUMNS), flexible=1)
        self.table.setMinimumHeight(300)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        actions = QGridLayout()
        self.add_button = button("admin.staff.add", role="primary")
        self.active_button = button("admin.staff.toggle_active")
        self.role_button = button("admin.staff.toggle_role")
        self.reset_button = button("admin.staff.reset_pin")
        for index, widget in enumerate(
            (self.add_button, self.active_button, self.role_button, self.reset_button)
        ):
            actions.addWidget(widget, index // 2, index % 2)
        layout.addLayout(actions)
        self.add_button.clicked.connect(self.start_add)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.toggle_role)
        self.reset_button.clicked.connect(self.start_reset)
        self.status = message_label("success")
        layout.addWidget(self.status)

        self.form, form_layout = card()
        self.form_title = label("subtitle")
        form_layout.addWidget(self.form_title)
        self.number = line_edit("admin.staff.number", max_length=8, hints=DIGITS)
        self.name = line_edit("admin.staff.name", max_length=80)
        self.role = combo_box("admin.staff.role")
        self.number_field, self.name_field = Field(self.number), Field(self.name)
        self.role_field = Field(self.role, wide=False)
        details = QHBoxLayout()
        for field in (self.number_field, self.name_field, self.role_field):
            details.addWidget(field)
        form_layout.addLayout(details)
        self.pin = PinEntry("admin.staff.pin")
        self.pin.pin_did_complete.connect(self._pin_entered)
        self.pin.pin_did_cancel.connect(self.close_form)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.pin, 8)
        centred.addStretch(1)
        form_layout.addLayout(centred)
        layout.addWidget(self.form)
        self.form.hide()
        self.retranslate()

    def title(self) -> str:
        return self.loc.tr("Staff")

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.ctx.run(lambda m: self.ctx.staff.members(m), self._show_members, self._failed)

    def _show_members(self, members: list[StaffMember]) -> None:
        selected = self.selected()
        self.members = members
        self._fill()
        if selected is not None:
            self.select_number(selected.number)

    def _fill(self) -> None:
        loc = self.loc
        fill_table(
            self.table,
            [
                (
                    member.number,
                    member.name,
                    loc.tr(ROLE_LABELS.get(member.role, member.role)),
                    loc.tr("Yes") if member.active else loc.tr("No"),
                )
                for member in self.members
            ],
        )
        self._selection_changed()

    def selected(self) -> StaffMember | None:
        index = selected_index(self.table, len(self.members))
        return None if index is None else self.members[index]

    def select_number(self, number: str) -> None:
        for row, member in enumerate(self.members):
            if member.number == number:
                self.table.selectRow(row)
                return

    # -- actions ---------------------------------------------------------------------------
    def start_add(self) -> None:
        self._mode = "add"
        self.number.clear()
        self.name.clear()
        self.role.setCurrentIndex(0)
        self._open_form()

    def start_reset(self) -> None:
        if self.selected() is None:
            return
        self._mode = "reset"
        self._open_form()

    def _open_form(self) -> None:
        self.pin.wipe()
        for field in (self.number_field, self.name_field, self.role_field):
            field.setVisible(self._mode == "add")
            field.set_message("")
        self.set_status("", "")
        self.form.show()
        self.retranslate()
        (self.number if self._mode == "add" else self.pin).setFocus()

    def close_form(self) -> None:
        self._mode = ""
        self.pin.wipe()
        self.number.clear()
        self.name.clear()
        self.form.hide()

    def _pin_entered(self, pin: str) -> None:
        if self._mode == "add":
            role = str(self.role.currentData() or ROLE_STAFF)
            self.submit_add(self.number.text(), self.name.text(), role, pin)
        elif self._mode == "reset" and (target := self.selected()) is not None:
            self.submit_reset(target.id, pin)

    def submit_add(self, number: str, name: str, role: str, pin: str) -> None:
        staff = self.ctx.staff
        self.ctx.run(
            lambda m: staff.add(m, number=number, name=name, role=role, pin=pin),
            lambda added: self._done(N_("{name} was added."), added),
            self._refused,
        )

    def submit_reset(self, staff_id: int, pin: str) -> None:
        staff = self.ctx.staff
        self.ctx.run(
            lambda m: staff.reset_pin(m, staff_id, pin),
            lambda _none: self._done(N_("The PIN was changed."), None),
            self._refused,
        )

    def toggle_active(self) -> None:
        target = self.selected()
        if target is not None:
            self.set_active(target.id, not target.active)

    def set_active(self, staff_id: int, active: bool) -> None:
        done = N_("{name} can sign in again.") if active else N_("{name} can no longer sign in.")
        self.ctx.run(
            lambda m: self.ctx.staff.set_active(m, staff_id, active),
            lambda member: self._done(done, member),
            self._refused,
        )

    def toggle_role(self) -> None:
        target = self.selected()
        if target is not None:
            self.set_role(target.id, ROLE_STAFF if target.is_manager else ROLE_MANAGER)

    def set_role(self, staff_id: int, role: str) -> None:
        self.ctx.run(
            lambda m: self.ctx.staff.set_role(m, staff_id, role),
            lambda member: self._done(N_("{name} is now: {role}"), member),
            self._refused,
        )

    # -- answers ---------------------------------------------------------------------------
    def _done(self, msgid: str, member: StaffMember | None) -> None:
        me = self.ctx.member
        if (
            me is not None
            and member is not None
            and member.id == me.id
            and (not member.active or not member.is_manager)
        ):
            self.own_access_did_change.emit()
            return
        values: dict[str, Any] = {}
        if member is not None:
            values = {"name": member.name, "role": self.loc.tr(ROLE_LABELS[member.role])}
        elif (target := self.selected()) is not None:
            values = {"name": target.name}
        self.close_form()
        self.set_status(self.loc.tr(msgid).format(**values), "success")
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, PinRejected) and not self.form.isHidden():
            self.pin.show_problems(error.problems)
            return
        self.pin.wipe()
        self.set_status(self.ctx.error_text(error), "warning")

    # -- texts -----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        target = self.selected()
        for widget in (self.active_button, self.role_button, self.reset_button):
            widget.setEnabled(target is not None)
        self.retranslate_actions()

    def retranslate_actions(self) -> None:
        loc, target = self.loc, self.selected()
        deactivate = target is None or target.active
        self.active_button.setText(loc.tr("Deactivate") if deactivate else loc.tr("Activate"))
        manager = target is not None and target.is_manager
        self.role_button.setText(loc.tr("Make staff") if manager else loc.tr("Make manager"))

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Staff members"))
        self.add_button.setText(loc.tr("Add staff member"))
        self.reset_button.setText(loc.tr("Reset PIN"))
        self.retranslate_actions()
        self.number_field.set_title(loc.tr("Staff number (1 to 8 digits)"))
        self.name_field.set_title(loc.tr("Name"))
        self.role_field.set_title(loc.tr("Role"))
        current = self.role.currentData()
        self.role.clear()
        for role in (ROLE_STAFF, ROLE_MANAGER):
            self.role.addItem(loc.tr(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))
        target = self.selected()
        if self._mode == "reset" and target is not None:
            self.form_title.setText(loc.tr("New PIN for {name}").format(name=target.name))
        else:
            self.form_title.setText(loc.tr("New staff member"))
        self.pin.retranslate(loc)
        if self.members:
            self._fill()

    def wipe(self) -> None:
        self.close_form()
        self.members = []
        self.table.setRowCount(0)
        self.set_status("", "")
