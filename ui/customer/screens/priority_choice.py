"""The optional priority request on the guidance screen: one toggle, then a choice of three.

``ticket.priority`` ("I need priority service: senior, disability or pregnancy")
shows ``priority.elderly`` / ``priority.disabled`` / ``priority.pregnant``; the
choice is kept in the customer's session (``Priority`` value) and wiped with it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import N_, Localizer
from ui.common.widgets import CheckItem, KioskButton, label, make_button
from ui.customer.session import NORMAL, CustomerSession

CHOICES = (
    ("elderly", N_("Senior")),
    ("disabled", N_("Disability")),
    ("pregnant", N_("Pregnancy")),
)
"""(``Priority`` value, label msgid)."""


class PriorityChoice(QWidget):
    priority_did_change = Signal()

    def __init__(self, session: CustomerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.toggle = CheckItem("ticket.priority", self)
        self.toggle.toggled.connect(self._toggled)
        layout.addWidget(self.toggle)
        self.choices_host = QWidget(self)
        column = QVBoxLayout(self.choices_host)
        column.setContentsMargins(0, 0, 0, 0)
        self.prompt = label("muted")
        column.addWidget(self.prompt)
        row = self._row = QHBoxLayout()
        row.setSpacing(16)
        self.group = QButtonGroup(self)
        self.choice_buttons: dict[str, KioskButton] = {}
        for value, _msgid in CHOICES:
            button = make_button(f"priority.{value}", self.choices_host, role="choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self._chose(v))
            self.group.addButton(button)
            row.addWidget(button)
            self.choice_buttons[value] = button
        column.addLayout(row)
        layout.addWidget(self.choices_host)
        self.choices_host.hide()

    def row_width(self) -> int:
        """How wide the row of choices must be for each word to fit (shown or not)."""
        buttons = list(self.choice_buttons.values())
        hints = sum(button.sizeHint().width() for button in buttons)
        return hints + self._row.spacing() * (len(buttons) - 1)

    @property
    def needs_choice(self) -> bool:
        """The toggle is on but no kind of priority is chosen yet."""
        return self.toggle.isChecked() and self._session.priority == NORMAL

    def sync(self) -> None:
        """Show what the session holds (a new customer: nothing)."""
        chosen = self._session.priority
        self.toggle.blockSignals(True)
        self.toggle.setChecked(chosen != NORMAL)
        self.toggle.blockSignals(False)
        self._check(chosen)
        self.choices_host.setVisible(chosen != NORMAL)

    def _toggled(self, on: bool) -> None:
        if not on:
            self._session.priority = NORMAL
            self._check(NORMAL)
        self.choices_host.setVisible(on)
        self.priority_did_change.emit()

    def _chose(self, value: str) -> None:
        self._session.priority = value
        self._check(value)
        self.priority_did_change.emit()

    def _check(self, value: str) -> None:
        self.group.setExclusive(False)
        for key, button in self.choice_buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)

    def retranslate(self, loc: Localizer) -> None:
        self.toggle.setText(loc.tr("I need priority service: senior, disability or pregnancy"))
        self.toggle.set_tag(loc.tr("Optional"))
        self.toggle.set_hint(loc.tr("Priority customers are called sooner."))
        self.prompt.setText(loc.tr("Which applies to you?"))
        for value, msgid in CHOICES:
            self.choice_buttons[value].setText(loc.tr(msgid))
