"""The staff home's printer status (``staff.printer_state``) and its alert
(``staff.printer_alert``): paper near end, paper out, cover open, offline…"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import Localizer
from ui.common.widgets import identify, label
from ui.customer.state import NUMBER_ON_SCREEN_STATES

NEEDS_STAFF = frozenset({"paper_near_end", "unreachable", *NUMBER_ON_SCREEN_STATES})


def state_text(state: str | None, has_printer: bool, loc: Localizer) -> str:
    if not has_printer:
        return loc.tr("No ticket printer is set up.")
    if state is None:
        return loc.tr("Checking the ticket printer…")
    from printing.outcome import problem_message
    from printing.status import PrinterState

    return problem_message(PrinterState(state), loc)


def alert_text(state: str, loc: Localizer) -> str:
    if state == "paper_near_end":
        return loc.tr("The paper roll is nearly used up. Please change it soon.")
    if state in NUMBER_ON_SCREEN_STATES:
        return loc.tr(
            "Customers get their number on screen, not printed, until the printer is ready again."
        )
    return loc.tr("Check the printer's cable and power, then try a test print.")


class PrinterIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.state_label = label("indicator")
        identify(self.state_label, "staff.printer_state")
        self.alert = label("warning")
        identify(self.alert, "staff.printer_alert")
        column.addWidget(self.state_label)
        column.addWidget(self.alert)
        self.alert.hide()

    def show_state(self, state: str | None, has_printer: bool, loc: Localizer) -> None:
        text = state_text(state, has_printer, loc)
        self.state_label.setText(text)
        self.state_label.setAccessibleName(text)
        self.state_label.setProperty("state", state or "")
        alert = has_printer and state in NEEDS_STAFF
        self.alert.setVisible(alert)
        if alert and state is not None:
            self.alert.setText(alert_text(state, loc))
            self.alert.setAccessibleName(self.alert.text())
