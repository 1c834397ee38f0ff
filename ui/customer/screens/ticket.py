"""The ticket: issue it (stored first), print it, and show it large on screen.

Issuing and printing run on the worker. A print that fails, or has not
answered after :data:`PRINT_FALLBACK_MS`, switches to the "printer is not
working" message: the ticket is already stored, the customer sees the number
and the QR code, and the ticket's print status tells staff. In number-on-screen
mode (the printer reported paper out, cover open or offline before the customer
came) nothing is sent to the printer and the print status is ``none``. A
service paused or full at the moment of taking says so, with the alternative.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from kiosk.ticket import PrintStatus, TicketData
from printing.outcome import print_status
from ui.common.after_paint import after_paint
from ui.common.flow_layout import FlowLayout
from ui.common.language import Language
from ui.common.qr import qr_pixmap
from ui.common.widgets import (
    centered_column,
    identify,
    label,
    make_button,
    make_wrapping_button,
    scroll_area,
)
from ui.common.worker import JobGroup, Worker
from ui.customer.router import Screen
from ui.customer.screens.availability import GENERAL_ENQUIRY, enquiry_offered, refused_text
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.sms_optin import SmsOptInPanel
from ui.customer.screens.ticket_view import TicketView
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.contacts import ContactBook, ContactView
    from kiosk.reception import Reception
    from printing.job import TicketPrinter
    from printing.outcome import PrintOutcome

PRINT_FALLBACK_MS = 3000


class TicketState(enum.StrEnum):
    """Where the ticket screen is with this customer's ticket."""

    IDLE = "idle"
    ISSUING = "issuing"
    PRINTING = "printing"
    PRINTED = "printed"
    PRINT_FAILED = "print_failed"
    ON_SCREEN = "on_screen"
    """Not printed on purpose: the printer is known to be out of order."""
    ISSUE_FAILED = "issue_failed"
    REFUSED = "refused"
    """The service refused the ticket (paused, daily cap reached)."""


class LargePrint(enum.StrEnum):
    """The large-print slip of the number (``ticket.large_print``)."""

    OFFERED = "offered"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


class TicketScreen(ScreenBase):
    ticket_did_issue = Signal(object)
    ticket_did_print = Signal(object)
    """Carries the :class:`~printing.outcome.PrintOutcome` (printed or failed)."""
    service_did_refuse = Signal(str)
    """The service turned paused/full/inactive as the ticket was taken (carries the reason)."""

    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        worker: Worker,
        printer: TicketPrinter | None,
        return_ms: int,
        print_fallback_ms: int = PRINT_FALLBACK_MS,
        state: KioskState | None = None,
        tick_ms: int = 1000,
        contacts: ContactBook | None = None,
    ) -> None:
        """``return_ms``: how long the screen stays, counted down on screen in seconds
        (one each ``tick_ms``) before it goes back to the start. ``contacts``: where
        "Text me" records the customer's number (None: not offered)."""
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._printer = printer
        self._kiosk = state or KioskState()
        self.ticket: TicketData | None = None
        self._state = TicketState.IDLE
        self._refused: tuple[str, str] | None = None
        """(reason, service slug) when the service refused the ticket."""
        self._offer_enquiry = False
        self._jobs = JobGroup(worker)
        self._preview: QPixmap | None = None

        self.fallback_timer = QTimer(self)
        self.fallback_timer.setSingleShot(True)
        self.fallback_timer.setInterval(print_fallback_ms)
        self.fallback_timer.timeout.connect(self._printer_silent)
        self._return_s = max(1, -(-return_ms // 1000))
        self.remaining_s = self._return_s
        self.return_timer = QTimer(self)
        self.return_timer.setInterval(tick_ms)
        self.return_timer.timeout.connect(self._count_down)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1700)
        self.view = TicketView(self)
        self.split(self.view.body)
        self.view.enquiry_button.clicked.connect(self._enquiry)
        self.code = self.view.code
        self.qr = self.view.qr
        column.addWidget(self.view)
        column.addStretch(1)
        self.content_area = scroll_area(page)
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.content_area)
        self._contacts = contacts
        self.optin: SmsOptInPanel | None = None
        """ "Text me": built once the first ticket has been painted (or at the first tap),
        not at start-up: its notice is read from a YAML file the idle kiosk never needs."""
        outer.addWidget(self.middle, 1)
        bottom, bottom_column = centered_column()
        extras = FlowLayout()  # one line where the width allows: the screen keeps its height
        extras.addWidget(self.access_bar())
        bottom_column.addLayout(extras)
        self.countdown = label("muted", wrap=False)
        identify(self.countdown, "ticket.countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bottom_column.addWidget(self.countdown)
        self.sms_button = make_wrapping_button("sms.optin", self)
        self.sms_button.clicked.connect(self._optin_open)
        extras.addWidget(self.sms_button)
        self.large_print = LargePrint.OFFERED
        self.large_print_button = make_wrapping_button("ticket.large_print", self)
        self.large_print_button.clicked.connect(self._print_large)
        extras.addWidget(self.large_print_button)
        self.done_button = make_button("ticket.done", self, role="primary")
        self.done_button.clicked.connect(lambda: self.router.start_over())
        bottom_column.addWidget(self.done_button)
        outer.addWidget(bottom, 0)
        self._show_state()

    @property
    def state(self) -> TicketState:
        return self._state

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        session = self.router.session
        catalogue = self._reception.catalogue()
        slug = session.service_slug
        service = next((s for s in catalogue.services if s.slug == slug), None)  # gone: refused
        visit = session.visit_input(self.language.locale, service)
        self.ticket = None
        self._preview = None
        self.qr.clear()
        self.large_print = LargePrint.OFFERED
        self._state = TicketState.ISSUING
        self._show_state()
        self._jobs.run(lambda: self._reception.take_ticket(visit), self._issued, self._not_issued)
        if self._contacts is not None and self.optin is None:
            after_paint(self, self._ensure_optin)  # while the customer reads the ticket

    def leave(self) -> None:
        self._jobs.discard()
        self.fallback_timer.stop()
        self.return_timer.stop()
        self._show_countdown()

    def reset(self) -> None:
        if self.optin is not None:
            self.optin.reset()
        self.middle.setCurrentIndex(0)
        self.large_print = LargePrint.OFFERED
        self.ticket = None
        self._preview = None
        self.qr.clear()
        self._state = TicketState.IDLE
        self._refused = None
        self._show_state()

    # -- back to the start ----------------------------------------------------------------
    def _start_countdown(self) -> None:
        if self.router.current is not Screen.TICKET:
            return  # an answer or a reset after the customer left: never count down elsewhere
        self.remaining_s = self._return_s
        self.return_timer.start()
        self._show_countdown()

    def _count_down(self) -> None:
        if self.router.current is not Screen.TICKET:
            self.return_timer.stop()
            return
        self.remaining_s -= 1
        if self.remaining_s <= 0:
            self.return_timer.stop()
            self.router.start_over()
            return
        self._show_countdown()

    def _show_countdown(self) -> None:
        """The seconds left, while counting (from the ticket or the refusal on)."""
        text = ""
        if self.return_timer.isActive():
            seconds = self.loc.number(self.remaining_s)
            text = self.loc.tr("Back to the start in {seconds} s").format(seconds=seconds)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)
        self.countdown.setVisible(bool(text))

    # -- issuing and printing --------------------------------------------------------------
    def _issued(self, ticket: TicketData) -> None:
        self.ticket = ticket
        self.qr.setPixmap(qr_pixmap(ticket.reference, 300))
        self.router.session.finished = True
        self.ticket_did_issue.emit(ticket)
        self._start_countdown()
        if self._printer is None or self._kiosk.number_on_screen:
            status, problem = PrintStatus.FAILED, "config"
            if self._printer is not None:  # number-on-screen mode: not printed on purpose
                status, problem = PrintStatus.NONE, self._kiosk.printer_state or "unknown"
            self._state = (
                TicketState.PRINT_FAILED if status is PrintStatus.FAILED else TicketState.ON_SCREEN
            )
            self._show_state()
            self._jobs.run(
                lambda: self._reception.set_print_status(ticket.ticket_id, status, problem)
            )
            return
        self._state = TicketState.PRINTING
        self._show_state()
        self.fallback_timer.start()
        self._jobs.run(lambda: self._print(ticket), self._print_answered)

    def _print(self, ticket: TicketData) -> PrintOutcome:
        """On the worker: print, then store what happened (the outcome is the truth)."""
        assert self._printer is not None
        outcome = self._printer.print_ticket(ticket)
        status, problem = print_status(outcome)  # the same rule as a reprint's
        self._reception.set_print_status(ticket.ticket_id, status, problem)
        return outcome

    def _print_answered(self, outcome: PrintOutcome) -> None:
        self.fallback_timer.stop()
        if outcome.printed and not outcome.may_be_incomplete:
            self._state = TicketState.PRINTED
            if outcome.preview_png is not None:
                self._preview = QPixmap(str(outcome.preview_png))
        else:
            self._state = TicketState.PRINT_FAILED
        self._show_state()
        self.ticket_did_print.emit(outcome)

    def _printer_silent(self) -> None:
        """No answer within the fallback time: tell the customer; mark it failed for staff."""
        if self._state != TicketState.PRINTING or self.ticket is None:
            return
        self._state = TicketState.PRINT_FAILED
        self._show_state()
        ticket_id = self.ticket.ticket_id
        self._worker.run(
            lambda: self._reception.set_print_status(ticket_id, PrintStatus.FAILED, "timeout")
        )

    def _not_issued(self, error: BaseException) -> None:
        from kiosk.reception import ServiceUnavailable

        self._start_countdown()
        if not isinstance(error, ServiceUnavailable):
            self._state = TicketState.ISSUE_FAILED
            self._show_state()
            return
        catalogue = self._reception.catalogue()
        service = next((s for s in catalogue.services if s.slug == error.slug), None)
        self._offer_enquiry = service is not None and enquiry_offered(catalogue, service)
        self._refused = (error.reason, error.slug)
        self._state = TicketState.REFUSED
        self._show_state()
        self.service_did_refuse.emit(error.reason)

    # -- "text me" --------------------------------------------------------------------------
    def _ensure_optin(self) -> None:
        """Build the "Text me" panel the first time it is wanted (when it is offered)."""
        if self.optin is None and self._contacts is not None:
            self.optin = _optin_panel(self.language, self._worker, self._contacts, self)
            self.optin.closed.connect(self._optin_closed)
            self.optin.customer_did_act.connect(self._start_countdown)
            self.middle.addWidget(scroll_area(self.optin))

    def _optin_open(self) -> None:
        self._ensure_optin()
        if self.optin is None or self.ticket is None:
            return
        self.optin.begin(self.ticket.ticket_id)
        self.middle.setCurrentIndex(1)
        self._start_countdown()
        self._show_state()

    def _optin_closed(self) -> None:
        self.middle.setCurrentIndex(0)
        self._start_countdown()
        self._show_state()

    def _print_large(self) -> None:
        """The number again, as large as the printer prints it (on the worker)."""
        printer, ticket = self._printer, self.ticket
        if printer is None or ticket is None or self.large_print is LargePrint.PRINTING:
            return
        self.large_print = LargePrint.PRINTING
        self._show_large_print()
        self._jobs.run(
            lambda: printer.print_large_number(ticket),
            lambda outcome: self._large_printed(bool(outcome.printed)),
            lambda _error: self._large_printed(False),
        )

    def _large_printed(self, printed: bool) -> None:
        self.large_print = LargePrint.PRINTED if printed else LargePrint.FAILED
        self._show_large_print()

    def _show_large_print(self) -> None:
        """Offered once the ticket has printed: the printer works."""
        loc = self.loc
        button = self.large_print_button
        button.setVisible(self._state == TicketState.PRINTED and self._printer is not None)
        button.setEnabled(self.large_print in (LargePrint.OFFERED, LargePrint.FAILED))
        button.setText(
            {
                LargePrint.OFFERED: loc.tr("Print my number in large type"),
                LargePrint.PRINTING: loc.tr("Printing your number in large type…"),
                LargePrint.PRINTED: loc.tr("Your number in large type is printed."),
                LargePrint.FAILED: loc.tr("The large print did not work. Touch to try again."),
            }[self.large_print]
        )

    def _enquiry(self) -> None:
        self.router.session.choose_service(GENERAL_ENQUIRY, via_questionnaire=False)
        self.router.go(Screen.SERVICE_DETAIL)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.optin is not None:
            self.optin.retranslate()
        self._show_state()

    def _refusal_text(self) -> str:
        """Why the service refused, in the customer's language (the catalogue's words)."""
        if self._refused is None:
            return ""
        reason, slug = self._refused
        catalogue = self._reception.catalogue()
        service = next((s for s in catalogue.services if s.slug == slug), None)
        return refused_text(reason, service, self.loc, self._offer_enquiry)

    def _show_state(self) -> None:
        loc = self.loc
        self.done_button.setText(loc.tr("Done"))
        self.sms_button.setText(loc.tr("Text me"))
        self.sms_button.setVisible(
            self._contacts is not None
            and self.ticket is not None
            and (self.optin is None or self.optin.saved_for != self.ticket.ticket_id)
            and self.middle.currentIndex() == 0
        )
        self._show_countdown()
        self._show_large_print()
        self.view.show_state(
            self._state, self.ticket, self._preview, loc, self._refusal_text(), self._offer_enquiry
        )


def _optin_panel(
    language: Language, worker: Worker, contacts: ContactBook, parent: TicketScreen
) -> SmsOptInPanel:
    from kiosk.sms_texts import load_texts

    settings = contacts.settings

    def opt_in(
        ticket_id: int, typed: str, purposes: Sequence[str], locale: str, version: str
    ) -> ContactView:
        return contacts.opt_in(
            ticket_id=ticket_id,
            typed=typed,
            purposes=purposes,
            locale=locale,
            notice_version=version,
        )

    notice = load_texts(settings.sms.texts_file).notice
    return SmsOptInPanel(
        language, worker, notice, settings.sms.contact_retention_days, opt_in, parent
    )
