"""The ticket: issue it (stored first), print it, and show it large on screen.

Issuing and printing run on the worker. A print that fails, or has not
answered after :data:`PRINT_FALLBACK_MS`, switches to the "printer is not
working" message: the ticket is already stored, the customer sees the number
and the QR code, and the ticket's print status tells staff.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.ticket import PrintStatus, TicketData
from printing.layout import people_ahead_text, wait_text
from ui.language import Language
from ui.qr import qr_pixmap
from ui.router import Router
from ui.screens.base import ScreenBase
from ui.widgets import centered_column, identify, label, make_button, scroll_area
from ui.worker import Job, Worker

if TYPE_CHECKING:
    from kiosk.reception import Reception
    from printing.job import TicketPrinter
    from printing.outcome import PrintOutcome

PRINT_FALLBACK_MS = 3000


class TicketScreen(ScreenBase):
    ticket_did_issue = Signal(object)
    ticket_did_print = Signal(object)
    """Carries the :class:`~printing.outcome.PrintOutcome` (printed or failed)."""

    def __init__(
        self,
        language: Language,
        router: Router,
        reception: Reception,
        worker: Worker,
        printer: TicketPrinter | None,
        return_ms: int,
        print_fallback_ms: int = PRINT_FALLBACK_MS,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._printer = printer
        self.ticket: TicketData | None = None
        self._state = "idle"  # idle | issuing | printing | printed | print_failed | issue_failed
        self._jobs: list[Job] = []
        self._preview: QPixmap | None = None

        self.fallback_timer = QTimer(self)
        self.fallback_timer.setSingleShot(True)
        self.fallback_timer.setInterval(print_fallback_ms)
        self.fallback_timer.timeout.connect(self._printer_silent)
        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.return_timer.setInterval(return_ms)
        self.return_timer.timeout.connect(self.router.start_over)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1700)
        body = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom))
        body.setSpacing(40)
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
        self.next_steps = label("success")
        self.prepare = label()
        self.follow_up = label("muted")
        for widget in (self.fallback, self.next_steps, self.prepare, self.follow_up):
            info.addWidget(widget)
        info.addStretch(1)
        pictures = QHBoxLayout()
        pictures.setSpacing(32)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pictures.addStretch(1)
        pictures.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addStretch(1)
        body.addLayout(info, 3)
        body.addLayout(pictures, 2)
        column.addLayout(body)
        column.addStretch(1)
        self.content_area = scroll_area(page)
        outer.addWidget(self.content_area, 1)
        bottom, bottom_column = centered_column()
        self.done_button = make_button("ticket.done", self, role="primary")
        self.done_button.clicked.connect(lambda: self.router.start_over())
        bottom_column.addWidget(self.done_button)
        outer.addWidget(bottom, 0)
        self._show_state()

    @property
    def state(self) -> str:
        return self._state

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        session = self.router.session
        catalogue = self._reception.catalogue()
        service = catalogue.service(session.service_slug) if session.service_slug else None
        visit = session.visit_input(self.language.locale, service)
        self.ticket = None
        self._preview = None
        self.qr.clear()
        self._state = "issuing"
        self._show_state()
        self._jobs.append(
            self._worker.run(
                lambda: self._reception.take_ticket(visit), self._issued, self._not_issued
            )
        )

    def leave(self) -> None:
        for job in self._jobs:
            job.discard()
        self._jobs = []
        self.fallback_timer.stop()
        self.return_timer.stop()

    def reset(self) -> None:
        self.ticket = None
        self._preview = None
        self.qr.clear()
        self._state = "idle"
        self._show_state()

    # -- issuing and printing --------------------------------------------------------------
    def _issued(self, ticket: TicketData) -> None:
        self.ticket = ticket
        self.qr.setPixmap(qr_pixmap(ticket.reference, 300))
        self.router.session.finished = True
        self.ticket_did_issue.emit(ticket)
        self.return_timer.start()
        if self._printer is None:
            self._state = "print_failed"
            self._show_state()
            self._jobs.append(
                self._worker.run(
                    lambda: self._reception.set_print_status(
                        ticket.ticket_id, PrintStatus.FAILED, "config"
                    )
                )
            )
            return
        self._state = "printing"
        self._show_state()
        self.fallback_timer.start()
        self._jobs.append(self._worker.run(lambda: self._print(ticket), self._print_answered))

    def _print(self, ticket: TicketData) -> PrintOutcome:
        """On the worker: print, then store what happened (the outcome is the truth)."""
        assert self._printer is not None
        outcome = self._printer.print_ticket(ticket)
        problem = str(outcome.problem) if outcome.problem else None
        self._reception.set_print_status(ticket.ticket_id, outcome.status, problem)
        return outcome

    def _print_answered(self, outcome: PrintOutcome) -> None:
        self.fallback_timer.stop()
        if outcome.printed:
            self._state = "printed"
            if outcome.preview_png is not None:
                self._preview = QPixmap(str(outcome.preview_png))
        else:
            self._state = "print_failed"
        self._show_state()
        self.ticket_did_print.emit(outcome)

    def _printer_silent(self) -> None:
        """No answer within the fallback time: tell the customer; mark it failed for staff."""
        if self._state != "printing" or self.ticket is None:
            return
        self._state = "print_failed"
        self._show_state()
        ticket_id = self.ticket.ticket_id
        self._worker.run(
            lambda: self._reception.set_print_status(ticket_id, PrintStatus.FAILED, "timeout")
        )

    def _not_issued(self, _error: BaseException) -> None:
        self._state = "issue_failed"
        self._show_state()
        self.return_timer.start()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._show_state()

    def _show_state(self) -> None:
        loc = self.loc
        state, ticket = self._state, self.ticket
        self.done_button.setText(loc.tr("Done"))
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
        self.fallback.setText(
            loc.tr(
                "The printer is not working. Please remember your number or photograph "
                "the QR code; staff have been told."
            )
        )
        self.fallback.setVisible(state == "print_failed")
        shown = ticket is not None
        for widget in (self.number_caption, self.code, self.service, self.queue, self.qr):
            widget.setVisible(shown)
        self.preview.setVisible(shown and self._preview is not None)
        if self._preview is not None:
            self.preview.setPixmap(
                self._preview.scaledToHeight(520, Qt.TransformationMode.SmoothTransformation)
            )
        if ticket is None:
            self.code.setText("")
            for widget in (self.prepare, self.follow_up, self.next_steps):
                widget.setVisible(False)
            return
        self.number_caption.setText(loc.tr("Your number"))
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
