"""The guidance screen's actions — take a ticket, print the list, go to the enquiry
desk — and the notices on what stops or changes taking a ticket.

It says, in this order of importance: the service cannot take tickets now
(paused, full, inactive), the printer is out of service (the number will be
shown on screen), which required items are missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.common.widgets import identify, label, make_wrapping_button
from ui.customer.screens.availability import unavailable_reason, unavailable_text
from ui.customer.session import CustomerSession
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.catalogue.model import Service
    from kiosk.i18n import Localizer
    from kiosk.reception import WaitEstimate


def printer_notice(state: str, loc: Localizer) -> str:
    """ "The ticket printer is out of paper. You can still take a number; …"."""
    from printing.outcome import problem_message
    from printing.status import PrinterState

    return " ".join(
        [
            problem_message(PrinterState(state), loc),
            loc.tr(
                "You can still take a number; it will be shown on screen — please remember "
                "it or photograph the QR code."
            ),
        ]
    )


class GuidanceActions(QWidget):
    take_requested = Signal()
    print_list_requested = Signal()
    enquiry_requested = Signal()

    def __init__(
        self, session: CustomerSession, state: KioskState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._state = state
        column = self.column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.unavailable_box = QFrame(self)
        identify(self.unavailable_box, "guidance.unavailable")
        self.unavailable_box.setProperty("role", "warning")
        box = QVBoxLayout(self.unavailable_box)
        box.setSpacing(12)
        self.unavailable_title = label("subtitle")
        self.unavailable_text = label()
        box.addWidget(self.unavailable_title)
        box.addWidget(self.unavailable_text)
        self.enquiry_button = make_wrapping_button("guidance.enquiry", self.unavailable_box)
        self.enquiry_button.clicked.connect(self.enquiry_requested)
        box.addWidget(self.enquiry_button)
        self.notices = QWidget()
        """What is missing and the printer's state: placed by the screen with the checklist
        they are about, where they scroll with it (not in this fixed panel)."""
        notices = QVBoxLayout(self.notices)
        notices.setContentsMargins(0, 0, 0, 0)
        notices.setSpacing(16)
        self.printer_notice = label("warning")
        identify(self.printer_notice, "guidance.printer_notice")
        self.missing_box = QFrame(self.notices)
        self.missing_box.setObjectName("guidance.missing")
        self.missing_box.setProperty("role", "warning")
        missing = QVBoxLayout(self.missing_box)
        self.missing_text = label()
        self.blocked_reason = label()
        missing.addWidget(self.missing_text)
        missing.addWidget(self.blocked_reason)
        self.take_button = make_wrapping_button("ticket.take", self, role="primary")
        self.take_button.clicked.connect(self.take_requested)
        self.print_list_button = make_wrapping_button("ticket.print_list", self)
        self.print_list_button.clicked.connect(self.print_list_requested)
        notices.addWidget(self.missing_box)
        notices.addWidget(self.printer_notice)
        self.print_list_unavailable = label("muted")
        identify(self.print_list_unavailable, "guidance.print_list_unavailable")
        for widget in (
            self.unavailable_box,
            self.take_button,
            self.print_list_button,
            self.print_list_unavailable,
        ):
            column.addWidget(widget)
        optional_parts = (self.unavailable_box, self.printer_notice, self.missing_box)
        for optional in (*optional_parts, self.print_list_unavailable):
            optional.hide()  # shown by refresh() when they apply

    def refresh(
        self,
        service: Service,
        estimate: WaitEstimate | None,
        loc: Localizer,
        offered: bool,
        priority_unchosen: bool = False,
    ) -> bool:
        """Show what applies to ``service`` now; ``offered``: the enquiry desk is open;
        ``priority_unchosen``: priority was asked for but not which. True if available."""
        state = self._state
        reason = unavailable_reason(service, estimate)
        available = reason is None
        self.unavailable_box.setVisible(not available)
        if reason is not None:
            title, why = unavailable_text(reason, service, loc, offered)
            self.unavailable_title.setText(title)
            self.unavailable_text.setText(why)
            self.unavailable_text.setVisible(bool(why))
        self.enquiry_button.setVisible(not available and offered)
        self.enquiry_button.setText(loc.tr("Ask at the general enquiry desk instead"))

        on_screen = available and state.number_on_screen and state.printer_state is not None
        self.printer_notice.setVisible(on_screen)
        if on_screen and state.printer_state is not None:
            self.printer_notice.setText(printer_notice(state.printer_state, loc))
            self.printer_notice.setAccessibleName(self.printer_notice.text())

        missing = set(self._session.missing_required(service))
        lines = []
        for material in service.materials:
            if material.id in missing:
                advice = loc.text(material.if_missing)
                name = loc.text(material.text)
                lines.append(f"•  {name} — {advice}" if advice else f"•  {name}")
        self.missing_box.setVisible(available and bool(missing))
        self.missing_text.setText(
            "\n".join([loc.tr("You have not ticked these required items:"), *lines])
        )
        blocked = bool(missing) and not service.allow_without_required
        self.blocked_reason.setVisible(blocked)
        self.blocked_reason.setText(
            loc.tr(
                "We cannot serve you for this without them. Please print the list and come back."
            )
        )
        # the list is printed on the ticket printer: not offered while it cannot print
        wants_list = bool(missing) if available else bool(service.materials)
        printer_down = state.number_on_screen
        self.print_list_button.setVisible(wants_list and not printer_down)
        self.print_list_button.setText(loc.tr("Print what to bring and come back later"))
        self.print_list_unavailable.setVisible(wants_list and printer_down)
        self.print_list_unavailable.setText(
            loc.tr(
                "The list cannot be printed just now: the ticket printer is not working. "
                "The items are listed on this screen; you may photograph them."
            )
        )
        self.print_list_unavailable.setAccessibleName(self.print_list_unavailable.text())
        self.take_button.setVisible(available)
        self.take_button.setEnabled(not blocked and state.can_take_ticket and not priority_unchosen)
        if blocked or not state.can_take_ticket:
            self.take_button.setText(loc.tr("Ticket not available"))
        elif priority_unchosen:
            self.take_button.setText(loc.tr("Choose the kind of priority first"))
        elif missing:
            self.take_button.setText(loc.tr("Take a ticket anyway"))
        else:
            self.take_button.setText(loc.tr("Take a ticket"))
        return available
