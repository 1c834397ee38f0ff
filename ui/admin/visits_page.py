"""Visit records (staff and managers): filter, list, one visit's timeline; CSV export
for managers (the domain refuses it to staff and audits every export)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
)

from kiosk.clock import business_today
from kiosk.i18n import N_
from kiosk.records import VisitFilter, VisitRecord
from ui.admin.common import (
    CAPITALS,
    AdminPage,
    Field,
    button,
    card,
    combo_box,
    date_edit,
    fill_table,
    filter_grid,
    line_edit,
    message_label,
    read_only_table,
    selected_index,
    show_message,
)
from ui.admin.context import AdminContext
from ui.admin.visit_detail import PRINT_LABELS, STATUS_LABELS, detail_lines
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue

COLUMNS = (N_("Arrived"), N_("Ticket"), N_("Service"), N_("Status"), N_("Ticket printed"))
DEFAULT_DAYS = 7


class VisitsPage(AdminPage):
    manager_only = False

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.rows: list[VisitRecord] = []
        self.catalogue: Catalogue | None = None
        layout = self.page_column()
        self.since, self.until = date_edit("admin.visits.since"), date_edit("admin.visits.until")
        self.service = combo_box("admin.visits.service")
        self.status_filter = combo_box("admin.visits.status")
        self.code = line_edit("admin.visits.code", max_length=8, hints=CAPITALS)
        self.fields = {
            "since": Field(self.since),
            "until": Field(self.until),
            "service": Field(self.service),
            "status": Field(self.status_filter),
            "code": Field(self.code),
        }
        filters = filter_grid(self.fields.values(), columns=3)
        self.search_button = button("admin.visits.search", role="primary")
        self.search_button.clicked.connect(self.search)
        self.code.returnPressed.connect(self.search)
        filters.addWidget(self.search_button, 1, 2)
        layout.addLayout(filters)
        self.table = read_only_table("admin.visits.table", len(COLUMNS), flexible=2)
        self.table.setMinimumHeight(320)
        self.table.itemSelectionChanged.connect(self._show_detail)
        layout.addWidget(self.table, 1)
        self.detail_frame, detail_layout = card()
        detail_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_title = label("subtitle")
        self.detail = label()
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail)
        layout.addWidget(self.detail_frame)
        bottom = QHBoxLayout()
        self.summary = label("muted")
        self.export_button = button("admin.visits.export")
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setVisible(ctx.is_manager)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self.status = message_label("success")
        layout.addWidget(self.status)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Visits")

    # -- filter ----------------------------------------------------------------------------
    def _today(self) -> date:
        return business_today(self.ctx.settings, self.ctx.clock)

    def visit_filter(self) -> VisitFilter:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        assert isinstance(since, date) and isinstance(until, date)
        return VisitFilter(
            since=since,
            until=until,
            service=self.service.currentData() or None,
            status=self.status_filter.currentData() or None,
            code=self.code.text().strip() or None,
        )

    # -- search ----------------------------------------------------------------------------
    def enter(self) -> None:
        self.search()

    def search(self) -> None:
        where = self.visit_filter()
        records, catalogue = self.ctx.records, self.ctx.catalogue

        def find(_member: Any) -> tuple[list[VisitRecord], Catalogue]:
            return records.find(where), catalogue.current()

        self.ctx.run(find, self._found, self._failed)

    def _found(self, result: tuple[list[VisitRecord], Catalogue]) -> None:
        self.rows, catalogue = result
        if self.catalogue is None or catalogue != self.catalogue:
            self.catalogue = catalogue
            self._fill_services()
        self._fill()

    def _service_name(self, slug: str | None) -> str:
        if not slug:
            return ""
        try:
            return self.loc.text(self.catalogue.service(slug).name) if self.catalogue else slug
        except KeyError:
            return slug

    def _fill(self) -> None:
        loc, zone = self.loc, self.ctx.zone
        fill_table(
            self.table,
            [
                (
                    loc.datetime(record.arrived_at, zone),
                    record.code or "–",
                    self._service_name(record.service_slug),
                    loc.tr(_status_label(record.status or "no_ticket")),
                    loc.tr(PRINT_LABELS.get(record.print_status or "", "–")),
                )
                for record in self.rows
            ],
        )
        self.summary.setText(
            loc.ntr("{n} visit", "{n} visits", len(self.rows)).format(n=loc.number(len(self.rows)))
        )
        self._show_detail()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def selected(self) -> VisitRecord | None:
        index = selected_index(self.table, len(self.rows))
        return None if index is None else self.rows[index]

    def _show_detail(self) -> None:
        loc, record = self.loc, self.selected()
        self.detail_frame.setVisible(record is not None)
        if record is None:
            return
        self.detail_title.setText(
            loc.tr("Visit {code}").format(code=record.code or f"#{record.visit_id}")
        )
        self.detail.setText("\n".join(detail_lines(record, self.catalogue, loc, self.ctx.zone)))

    # -- export ----------------------------------------------------------------------------
    def ask_export(self) -> None:
        self.ask_csv(self.loc.tr("Export visits (CSV)"), "visits.csv", self.export_to)

    def export_to(self, path: Path) -> None:
        where, records = self.visit_filter(), self.ctx.records
        self.export_csv(
            path,
            lambda member, buffer: records.export_csv(member, where, buffer),
            lambda n: self._exported(n, path),
        )

    def _exported(self, count: int, path: Path) -> str:
        return self.loc.ntr(
            "{n} visit exported to {path}", "{n} visits exported to {path}", count
        ).format(n=self.loc.number(count), path=str(path))

    # -- texts -----------------------------------------------------------------------------
    def _fill_services(self) -> None:
        current = self.service.currentData()
        self.service.clear()
        self.service.addItem(self.loc.tr("All services"), None)
        for service in self.catalogue.services if self.catalogue else []:
            self.service.addItem(self.loc.text(service.name), service.slug)
        self.service.setCurrentIndex(max(0, self.service.findData(current)))

    def _fill_statuses(self) -> None:
        current = self.status_filter.currentData()
        self.status_filter.clear()
        self.status_filter.addItem(self.loc.tr("Any status"), None)
        for status, msgid in STATUS_LABELS.items():
            self.status_filter.addItem(self.loc.tr(msgid), str(status))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        titles = {
            "since": N_("From"),
            "until": N_("To"),
            "service": N_("Service"),
            "status": N_("Status"),
            "code": N_("Ticket number"),
        }
        for key, msgid in titles.items():
            self.fields[key].set_title(loc.tr(msgid))
        self.search_button.setText(loc.tr("Search"))
        self.export_button.setText(loc.tr("Export CSV"))
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Visits"))
        self._fill_services()
        self._fill_statuses()
        self._fill()

    def wipe(self) -> None:
        today = self._today()
        first = today - timedelta(days=DEFAULT_DAYS - 1)
        self.since.setDate(QDate(first.year, first.month, first.day))
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.code.clear()
        self.rows = []
        self.catalogue = None
        self.retranslate()
        self.service.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        show_message(self.status, "")


def _status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)
