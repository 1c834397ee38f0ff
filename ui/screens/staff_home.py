"""Staff home: today's tickets with their status and print status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kiosk.i18n import N_
from kiosk.ticket import PrintStatus, TicketStatus
from ui.language import Language
from ui.router import Router
from ui.screens.base import ScreenBase
from ui.widgets import centered_column, identify, label, make_button
from ui.worker import Job, Worker

if TYPE_CHECKING:
    from datetime import tzinfo

    from kiosk.i18n import Localizer
    from kiosk.reception import Reception, TicketSummary
    from kiosk.staff import StaffMember

TICKET_STATUS: dict[TicketStatus, str] = {
    TicketStatus.WAITING: N_("Waiting"),
    TicketStatus.CALLED: N_("Called"),
    TicketStatus.SERVING: N_("Serving"),
    TicketStatus.DONE: N_("Done"),
    TicketStatus.NO_SHOW: N_("No-show"),
    TicketStatus.CANCELLED: N_("Cancelled"),
    TicketStatus.TRANSFERRED: N_("Transferred"),
}
PRINT_STATUS: dict[PrintStatus, str] = {
    PrintStatus.PENDING: N_("Printing"),
    PrintStatus.PRINTED: N_("Printed"),
    PrintStatus.FAILED: N_("Not printed"),
    PrintStatus.NONE: N_("Not printed (on screen only)"),
}
COLUMNS = (
    N_("Number"),
    N_("Service"),
    N_("Status"),
    N_("Ticket printed"),
    N_("Issued"),
    N_("Missing items"),
)


def print_cell(row: TicketSummary, loc: Localizer) -> str:
    text = loc.tr(PRINT_STATUS[row.print_status])
    if row.print_status is PrintStatus.FAILED and row.print_problem:
        from printing.outcome import PrinterProblem, problem_message

        try:
            problem = PrinterProblem(row.print_problem)
        except ValueError:
            return text
        return f"{text}: {problem_message(problem, loc)}"
    return text


class StaffHomeScreen(ScreenBase):
    def __init__(
        self,
        language: Language,
        router: Router,
        reception: Reception,
        worker: Worker,
        zone: tzinfo,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._zone = zone
        self._member: StaffMember | None = None
        self.rows: list[TicketSummary] = []
        self._job: Job | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1600)
        outer.addWidget(page)
        self.title = label("title")
        self.signed_in = label("muted")
        self.summary = label("subtitle")
        for widget in (self.title, self.signed_in, self.summary):
            column.addWidget(widget)
        self.table = QTableWidget(0, len(COLUMNS))
        identify(self.table, "staff.tickets")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(56)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.refresh_button = make_button("staff.refresh", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.exit_button = make_button("staff.exit", self, role="primary")
        self.exit_button.clicked.connect(lambda: self.router.start_over())
        row.addWidget(self.refresh_button)
        row.addWidget(self.exit_button)
        column.addLayout(row)
        self.retranslate()

    def set_member(self, member: StaffMember | None) -> None:
        self._member = member
        self.retranslate()

    def enter(self) -> None:
        self.refresh()

    def leave(self) -> None:
        if self._job is not None:
            self._job.discard()
            self._job = None

    def reset(self) -> None:
        self._member = None
        self.rows = []
        self.table.setRowCount(0)
        self.retranslate()

    def refresh(self) -> None:
        if self._job is not None:
            self._job.discard()
        self._job = self._worker.run(self._reception.todays_tickets, self._show, self._failed)

    def _show(self, rows: list[TicketSummary]) -> None:
        self._job = None
        self.rows = rows
        self._fill()

    def _failed(self, _error: BaseException) -> None:
        self._job = None
        self.summary.setText(self.loc.tr("The ticket list could not be read. Try again."))

    def _fill(self) -> None:
        loc = self.loc
        catalogue = self._reception.catalogue()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            try:
                service = loc.text(catalogue.service(row.service_slug).name)
            except KeyError:
                service = row.service_slug
            cells = (
                row.code,
                service,
                loc.tr(TICKET_STATUS[row.status]),
                print_cell(row, loc),
                loc.time(row.issued_at, self._zone),
                loc.number(len(row.materials_missing)),
            )
            for col, text in enumerate(cells):
                self.table.setItem(index, col, QTableWidgetItem(text))
        failed = sum(1 for r in self.rows if r.print_status is PrintStatus.FAILED)
        self.summary.setText(
            loc.ntr("{n} ticket today", "{n} tickets today", len(self.rows)).format(
                n=loc.number(len(self.rows))
            )
            + (
                " · "
                + loc.ntr("{n} not printed", "{n} not printed", failed).format(n=loc.number(failed))
                if failed
                else ""
            )
        )

    def retranslate(self) -> None:
        loc = self.loc
        self.title.setText(loc.tr("Today's tickets"))
        name = self._member.name if self._member else ""
        self.signed_in.setText(loc.tr("Signed in: {name}").format(name=name) if name else "")
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Today's tickets"))
        self.refresh_button.setText(loc.tr("Refresh"))
        self.exit_button.setText(loc.tr("Back to customer mode"))
        self._fill()
