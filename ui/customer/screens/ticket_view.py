"""What the ticket screen shows: the status line, the number large, the QR code, the
printed-ticket preview, and what to do next — for each state of the ticket."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from printing.layout import people_ahead_text, wait_text
from ui.common.widgets import identify, label, make_wrapping_button

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from kiosk.ticket import TicketData

ON_SCREEN_STATES = frozenset({"print_failed", "on_screen"})
"""States in which the customer has only the screen to note their number from."""


class TicketView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(40)
        info = QVBoxLayout()
        info.setSpacing(20)
        self.status = label("subtitle")
        self.number_caption = label("muted")
        self.code = label("code", wrap=False)
        identify(self.code, "ticket.code")
        self.service = label("title")
        self.queue = label("subtitle")
        for widget in (self.status, self.number_caption, self.code, self.service, self.queue):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            info.addWidget(widget)
        self.fallback = label("warning")
        identify(self.fallback, "ticket.notice")
        self.enquiry_button = make_wrapping_button("ticket.enquiry", self)
        self.next_steps = label("success")
        self.prepare = label()
        self.follow_up = label("muted")
        info.addWidget(self.fallback)
        info.addWidget(self.enquiry_button)
        for note in (self.next_steps, self.prepare, self.follow_up):
            info.addWidget(note)
        info.addStretch(1)
        pictures = QHBoxLayout()
        pictures.setSpacing(32)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        identify(self.qr, "ticket.qr")
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        identify(self.preview, "ticket.preview")
        pictures.addStretch(1)
        pictures.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addStretch(1)
        self.body.addLayout(info, 3)
        self.body.addLayout(pictures, 2)

    def show_state(
        self,
        state: str,
        ticket: TicketData | None,
        preview: QPixmap | None,
        loc: Localizer,
        refusal: str = "",
        offer_enquiry: bool = False,
    ) -> None:
        statuses = {
            "issuing": loc.tr("Printing your ticket…"),
            "printing": loc.tr("Printing your ticket…"),
            "printed": loc.tr("Please take your ticket from the printer."),
            "issue_failed": loc.tr(
                "Sorry, we could not issue a ticket just now. Please ask a member of staff."
            ),
        }
        self.status.setText(statuses.get(state, ""))
        self.status.setVisible(state in statuses)
        notices = {
            "print_failed": loc.tr(
                "The printer is not working. Please remember your number or photograph "
                "the QR code; staff have been told."
            ),
            "on_screen": loc.tr(
                "Your ticket is not printed: please remember your number or photograph the QR code."
            ),
            "refused": refusal,
        }
        self.fallback.setText(notices.get(state, ""))
        self.fallback.setAccessibleName(self.fallback.text())
        self.fallback.setVisible(state in notices)
        self.enquiry_button.setText(loc.tr("Ask at the general enquiry desk instead"))
        self.enquiry_button.setVisible(state == "refused" and offer_enquiry)
        shown = ticket is not None
        for widget in (self.number_caption, self.code, self.service, self.queue, self.qr):
            widget.setVisible(shown)
        self.preview.setVisible(shown and preview is not None)
        if preview is not None:
            self.preview.setPixmap(
                preview.scaledToHeight(520, Qt.TransformationMode.SmoothTransformation)
            )
        if ticket is None:
            self.code.setText("")
            for widget in (self.prepare, self.follow_up, self.next_steps):
                widget.setVisible(False)
            return
        self.number_caption.setText(loc.tr("Your number"))
        # pictures have no text of their own: what they show, for a screen reader
        self.qr.setAccessibleName(loc.tr("QR code of ticket {code}").format(code=ticket.code))
        self.preview.setAccessibleName(loc.tr("Ticket {code} as printed").format(code=ticket.code))
        self.code.setText(ticket.code)
        self.code.setAccessibleName(ticket.code)
        self.service.setText(loc.text(ticket.service_name))
        self.queue.setText(
            f"{people_ahead_text(ticket.people_ahead, loc)}\n"
            f"{wait_text(ticket.estimated_wait_minutes, loc)}"
        )
        items = [loc.text(m) for m in ticket.materials_to_prepare]
        self.prepare.setVisible(bool(items))
        self.prepare.setText(
            "\n".join([loc.tr("Please have these ready:"), *(f"•  {i}" for i in items)])
        )
        hint = loc.text(ticket.follow_up_hint) if ticket.follow_up_hint else ""
        self.follow_up.setVisible(bool(hint))
        self.follow_up.setText(hint)
        self.next_steps.setVisible(True)
        self.next_steps.setText(
            loc.tr("Please take a seat. Your number will be called at the counter.")
        )
