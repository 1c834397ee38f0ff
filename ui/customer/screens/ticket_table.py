"""Today's tickets for staff: number, service, status, print status, time, missing items.

One row is selectable (``staff.reprint`` acts on it); the selection follows the
ticket across a refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.i18n import N_
from kiosk.ticket import PrintStatus, TicketStatus
from ui.common.widgets import identify

if TYPE_CHECKING:
    from datetime import tzinfo

    from kiosk.catalogue.model import Catalogue
    from kiosk.i18n import Localizer
    from kiosk.reception import TicketSummary

TICKET_STATUS: dict[TicketStatus, str] = {
    TicketStatus.WAITING: N_("Waiting"),
    TicketStatus.CALLED: N_("Called"),
    TicketStatus.SERVING: N_("Serving"),
    TicketStatus.HELD: N_("Held"),
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


class TicketTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        identify(self, "staff.tickets")
        self.rows: list[TicketSummary] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        wrap = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        header.setDefaultAlignment(Qt.AlignmentFlag(wrap))  # a narrow column's title wraps
        header.setMinimumHeight(84)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wide in (1, 3):  # the service and what became of the print: wrapped, never cut
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)  # a count: its title wraps
        header.resizeSection(5, 130)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.resizeRowsToContents)  # wrapped cells, once widths settle

    def selected_row(self) -> TicketSummary | None:
        selected = self.selectionModel().selectedRows()
        if not selected or not 0 <= selected[0].row() < len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def select_ticket(self, ticket_id: int) -> None:
        for index, row in enumerate(self.rows):
            if row.ticket_id == ticket_id:
                self.selectRow(index)
                return

    def fill(
        self,
        rows: list[TicketSummary],
        loc: Localizer,
        catalogue: Catalogue,
        zone: tzinfo,
    ) -> None:
        """Show ``rows``; the selected ticket stays selected if it is still there."""
        kept = self.selected_row()
        self.rows = rows
        self.clearSelection()
        self.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.setAccessibleName(loc.tr("Today's tickets"))
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            try:
                service = loc.text(catalogue.service(row.service_slug).name)
            except KeyError:
                service = row.service_slug
            cells = (
                row.code,
                service,
                loc.tr(TICKET_STATUS.get(row.status, str(row.status))),
                print_cell(row, loc),
                loc.time(row.issued_at, zone),
                loc.number(len(row.materials_missing)),
            )
            for col, text in enumerate(cells):
                self.setItem(index, col, QTableWidgetItem(text))
        if kept is not None:
            self.select_ticket(kept.ticket_id)
        QTimer.singleShot(0, self.resizeRowsToContents)
