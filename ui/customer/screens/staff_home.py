"""Staff home: today's tickets, the printer's state, reprint, test print, admin mode.

Everything that reads the database or talks to the printer runs on the worker.
A reprint acts on the selected row: it counts the reprint, prints once, stores
the print status and is audited (``ticket.reprint``). The printer indicator
follows the kiosk's periodic printer check (:mod:`ui.customer.watches.printer`); paper near
its end is an alert here only. An audit trail that did not verify at the daily
check (:mod:`ui.customer.watches.audit`) is an alert too (``staff.audit_alert``), so
the next person to sign in sees it. ``staff.exit_kiosk`` shows in kiosk mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout

from kiosk.complaint_rules import overdue_line
from kiosk.ticket import PrintStatus
from ui.common.language import Language
from ui.common.widgets import centered_column, identify, label, make_button
from ui.common.worker import Job, Worker
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.printer_indicator import PrinterIndicator
from ui.customer.screens.ticket_table import TicketTable
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.audit import AuditLog, TrailCheck
    from kiosk.complaint_book import ComplaintBook
    from kiosk.i18n import Localizer
    from kiosk.reception import Reception, TicketSummary
    from printing.job import TicketPrinter
    from printing.outcome import PrintOutcome
    from ui.common.settings_in_force import SettingsInForce
    from ui.customer.staff_jobs import Reprinted


class StaffHomeScreen(ScreenBase):
    admin_requested = Signal(object)
    """Open the admin panel for the signed-in member (carries the member)."""
    exit_kiosk_requested = Signal()
    printer_check_requested = Signal()
    print_did_finish = Signal(object)
    """A reprint or test print answered (carries the PrintOutcome)."""

    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        worker: Worker,
        settings: SettingsInForce,
        state: KioskState | None = None,
        printer: TicketPrinter | None = None,
        audit: AuditLog | None = None,
        complaint_book: ComplaintBook | None = None,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._settings = settings
        self._kiosk = state or KioskState()
        self._printer = printer
        self._audit = audit
        self._complaint_book = complaint_book
        self._overdue = 0
        self._overdue_job: Job | None = None
        self._member: StaffMember | None = None
        self._job: Job | None = None
        self._action: Job | None = None
        self._note = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1600)
        outer.addWidget(page)
        body = self.split(
            QBoxLayout(QBoxLayout.Direction.TopToBottom)
        )  # buttons beside in landscape
        body.setSpacing(32)
        column.addLayout(body, 1)
        main = QVBoxLayout()
        main.setSpacing(24)
        body.addLayout(main, 1)
        self.title = label("title")
        self.signed_in = label("muted")
        self.printer = PrinterIndicator(self)
        self.audit_alert = label("warning")
        identify(self.audit_alert, "staff.audit_alert")
        self.audit_alert.hide()
        self.summary = label("subtitle")
        self.overdue = label("warning")
        identify(self.overdue, "staff.overdue")
        self.overdue.hide()
        for widget in (
            self.title,
            self.signed_in,
            self.printer,
            self.audit_alert,
            self.summary,
            self.overdue,
        ):
            main.addWidget(widget)
        self.table = TicketTable()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        main.addWidget(self.table, 1)
        self.message = label("success")
        identify(self.message, "staff.message")
        main.addWidget(self.message)
        self.refresh_button = make_button("staff.refresh", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.reprint_button = make_button("staff.reprint", self)
        self.reprint_button.clicked.connect(self.reprint)
        self.test_print_button = make_button("staff.test_print", self)
        self.test_print_button.clicked.connect(self.test_print)
        self.admin_button = make_button("staff.admin", self)
        self.admin_button.clicked.connect(self._open_admin)
        self.exit_kiosk_button = make_button("staff.exit_kiosk", self)
        self.exit_kiosk_button.clicked.connect(self.exit_kiosk_requested)
        self.exit_kiosk_button.hide()
        self.exit_button = make_button("staff.exit", self, role="primary")
        self.exit_button.clicked.connect(lambda: self.router.start_over())
        self._buttons = (
            self.refresh_button,
            self.reprint_button,
            self.test_print_button,
            self.admin_button,
            self.exit_kiosk_button,
            self.exit_button,
        )
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        body.addLayout(self._grid, 0)
        for index, button in enumerate(self._buttons):  # three rows of two: each text fits
            self._grid.addWidget(button, index // 2, index % 2)
        self._kiosk.state_did_change.connect(self._show_printer)
        self._kiosk.state_did_change.connect(self._show_audit)
        self.retranslate()

    @property
    def rows(self) -> list[TicketSummary]:
        return self.table.rows

    @property
    def member(self) -> StaffMember | None:
        return self._member

    def set_member(self, member: StaffMember | None) -> None:
        self._member = member
        self.retranslate()

    def set_kiosk_mode(self, on: bool) -> None:
        """Offer ``staff.exit_kiosk`` (kiosk lockdown is on)."""
        self.exit_kiosk_button.setVisible(on)

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()
        self.printer_check_requested.emit()

    def leave(self) -> None:
        for job in (self._job, self._action, self._overdue_job):
            if job is not None:
                job.discard()
        self._job = self._action = self._overdue_job = None

    def reset(self) -> None:
        """Signed out: nothing of what was shown stays."""
        self._member = None
        self._note = ""
        self._overdue = 0
        self.table.rows = []
        self.table.setRowCount(0)
        self.retranslate()

    def refresh(self) -> None:
        if self._job is not None:
            self._job.discard()
        self._job = self._worker.run(self._reception.todays_tickets, self._show, self._failed)
        book = self._complaint_book
        if book is not None and self._overdue_job is None:
            self._overdue_job = self._worker.run(
                book.overdue_cases, self._show_overdue, self._overdue_failed
            )

    def _show_overdue(self, ids: list[int]) -> None:
        self._overdue_job = None
        self._overdue = len(ids)
        self._say_overdue()

    def _overdue_failed(self, _error: BaseException) -> None:
        self._overdue_job = None  # the ticket list says when the database is not answering

    def _say_overdue(self) -> None:
        text = overdue_line(self.loc, self._overdue)
        self.overdue.setText(text)
        self.overdue.setAccessibleName(text)
        self.overdue.setVisible(bool(text))

    def _show(self, rows: list[TicketSummary]) -> None:
        self._job = None
        self._fill(rows)

    def _failed(self, _error: BaseException) -> None:
        self._job = None
        self.summary.setText(self.loc.tr("The ticket list could not be read. Try again."))

    # -- reprint and test print ------------------------------------------------------------
    def reprint(self) -> None:
        from ui.customer.staff_jobs import reprint

        row, member = self.table.selected_row(), self._member
        printer, audit, reception = self._printer, self._audit, self._reception
        if row is None or member is None or printer is None or audit is None or self._action:
            return
        self._say(self.loc.tr("Reprinting ticket {code}…").format(code=row.code))
        self._action = self._worker.run(
            lambda: reprint(reception, printer, audit, member, row.ticket_id),
            self._reprinted,
            self._action_failed,
        )
        self._update_buttons()

    def _reprinted(self, result: Reprinted) -> None:
        self._action = None
        loc, outcome = self.loc, result.outcome
        if outcome.printed:
            self._say(loc.tr("Ticket {code} was printed again.").format(code=result.code))
        else:
            self._say(
                loc.tr("Ticket {code} was not printed: {problem}").format(
                    code=result.code, problem=self._problem(outcome)
                )
            )
        self.print_did_finish.emit(outcome)
        self.refresh()
        self._update_buttons()

    def test_print(self) -> None:
        printer = self._printer
        if printer is None or self._action is not None:
            return
        branch, locale = self._settings.current.kiosk.branch_name, self.language.locale
        self._say(self.loc.tr("Printing a test page…"))
        self._action = self._worker.run(
            lambda: printer.print_test_page(branch, locale), self._test_printed, self._action_failed
        )
        self._update_buttons()

    def _test_printed(self, outcome: PrintOutcome) -> None:
        self._action = None
        loc = self.loc
        if outcome.printed:
            self._say(loc.tr("The test page was printed."))
        else:
            self._say(
                loc.tr("The test page was not printed: {problem}").format(
                    problem=self._problem(outcome)
                )
            )
        self.print_did_finish.emit(outcome)
        self._update_buttons()

    def _action_failed(self, _error: BaseException) -> None:
        self._action = None
        self._say(self.loc.tr("That did not work. Please try again."))
        self._update_buttons()

    def _problem(self, outcome: PrintOutcome) -> str:
        from printing.outcome import PrinterProblem, problem_message

        return problem_message(outcome.problem or PrinterProblem.UNKNOWN, self.loc)

    def _say(self, text: str) -> None:
        self._note = text
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def _open_admin(self) -> None:
        if self._member is not None:
            self.admin_requested.emit(self._member)

    # -- texts -----------------------------------------------------------------------------
    def _fill(self, rows: list[TicketSummary]) -> None:
        loc = self.loc
        self.table.fill(
            rows, loc, self._reception.catalogue(), self._settings.current.business.zone
        )
        failed = sum(1 for r in rows if r.print_status is PrintStatus.FAILED)
        summary = loc.ntr("{n} ticket today", "{n} tickets today", len(rows)).format(
            n=loc.number(len(rows))
        )
        if failed:
            summary += " · " + loc.ntr("{n} not printed", "{n} not printed", failed).format(
                n=loc.number(failed)
            )
        self.summary.setText(summary)
        self._update_buttons()

    def _show_printer(self) -> None:
        self.printer.show_state(self._kiosk.printer_state, self._printer is not None, self.loc)

    def _show_audit(self) -> None:
        text = audit_alert_text(self._kiosk.audit_check, self.loc)
        self.audit_alert.setText(text)
        self.audit_alert.setAccessibleName(text)
        self.audit_alert.setVisible(bool(text))

    def _update_buttons(self) -> None:
        idle = self._action is None and self._printer is not None
        self.reprint_button.setEnabled(idle and self.table.selected_row() is not None)
        self.test_print_button.setEnabled(idle)
        self.admin_button.setEnabled(self._member is not None)

    def retranslate(self) -> None:
        loc = self.loc
        self.title.setText(loc.tr("Today's tickets"))
        name = self._member.name if self._member else ""
        self.signed_in.setText(loc.tr("Signed in: {name}").format(name=name) if name else "")
        self.refresh_button.setText(loc.tr("Refresh"))
        self.reprint_button.setText(loc.tr("Reprint ticket"))
        self.test_print_button.setText(loc.tr("Test print"))
        self.admin_button.setText(loc.tr("Admin mode"))
        self.exit_kiosk_button.setText(loc.tr("Leave kiosk mode"))
        self.exit_button.setText(loc.tr("Back to customer mode"))
        self._say(self._note)
        self._say_overdue()
        self._show_printer()
        self._show_audit()
        self._fill(self.table.rows)


def audit_alert_text(check: TrailCheck | None, loc: Localizer) -> str:
    """What the staff home says about the last daily check ("" when it verified)."""
    if check is None or check.intact:
        return ""
    lines = []
    if check.broken:
        n = len(check.broken)
        lines.append(
            loc.ntr(
                "The audit trail was changed outside the app: {n} entry does not match.",
                "The audit trail was changed outside the app: {n} entries do not match.",
                n,
            ).format(n=loc.number(n))
        )
    if check.lost_after is not None:
        lines.append(loc.tr("Entries were deleted from the end of the audit trail."))
    lines.append(loc.tr("Tell a manager now: “kiosk audit verify” lists what is wrong."))
    return "\n".join(lines)
