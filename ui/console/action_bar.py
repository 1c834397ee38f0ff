"""The counter's action buttons, enabled by the state of the ticket at the counter."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.desk import DeskTicket
from kiosk.i18n import N_, Localizer
from kiosk.ticket import TicketStatus
from ui.common.widgets import KioskButton, make_button

ACTIONS: dict[str, str] = {
    "call_next": N_("Call next"),
    "call_ticket": N_("Call selected"),
    "recall": N_("Recall"),
    "start": N_("Start serving"),
    "finish": N_("Finish…"),
    "no_show": N_("No-show"),
    "transfer": N_("Transfer…"),
    "hold": N_("Hold"),
    "resume": N_("Resume"),
    "pause": N_("Pause a service…"),
}
PER_ROW = 5

CALLED, SERVING, HELD = TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD


class ActionBar(QWidget):
    def __init__(self, no_show_after: int) -> None:
        super().__init__()
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.buttons: dict[str, KioskButton] = {}
        for action in ACTIONS:
            role = "primary" if action == "call_next" else None
            self.buttons[action] = make_button(f"console.{action}", self, role=role)
        self.per_row = 0
        self.set_per_row(PER_ROW)
        self._no_show_after = no_show_after

    def set_per_row(self, per_row: int) -> None:
        """Lay the buttons out ``per_row`` to a row (fewer on a narrow, portrait screen)."""
        if per_row == self.per_row:
            return
        grid = self._grid
        for button in self.buttons.values():
            grid.removeWidget(button)
        for column in range(max(per_row, self.per_row)):
            grid.setColumnStretch(column, 1 if column < per_row else 0)
        for index, button in enumerate(self.buttons.values()):
            grid.addWidget(button, index // per_row, index % per_row)
        self.per_row = per_row

    def __getitem__(self, action: str) -> KioskButton:
        return self.buttons[action]

    def update_for(
        self,
        current: DeskTicket | None,
        selected: bool,
        busy: bool,
    ) -> None:
        """Enable what fits the ticket at the counter (no-show only after enough recalls)."""
        state = current.status if current is not None else None
        free = state in (None, HELD)
        enabled = {
            "call_next": free,
            "call_ticket": free and selected,
            "recall": state == CALLED,
            "start": state == CALLED,
            "finish": state in (CALLED, SERVING),
            "no_show": state == CALLED
            and current is not None
            and current.recall_count >= self._no_show_after,
            "transfer": state in (CALLED, SERVING, HELD),
            "hold": state in (CALLED, SERVING),
            "resume": state == HELD,
            "pause": True,
        }
        for action, button in self.buttons.items():
            button.setEnabled(enabled[action] and not busy)

    def retranslate(self, loc: Localizer) -> None:
        for action, button in self.buttons.items():
            button.setText(loc.tr(ACTIONS[action]))
        self.buttons["no_show"].setToolTip(
            loc.ntr(
                "Available after {n} recall",
                "Available after {n} recalls",
                self._no_show_after,
            ).format(n=loc.number(self._no_show_after))
        )
