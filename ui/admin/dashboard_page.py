"""The manager's dashboard: today live (refreshing) or any range of business days;
the services against their targets, waits and service times by day, arrivals by
weekday and hour, the materials customers came without, where the questionnaire
fails, and where customers walked away from the kiosk. Every chart has its numbers in
a table beside it. Queries run on the worker; exports are audited by the domain."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QTableWidget

from kiosk.i18n import N_
from kiosk.reports import export, tables
from kiosk.reports.service import Dashboard
from ui.admin.common import (
    AdminPage,
    Field,
    button,
    combo_box,
    date_edit,
    fill_table,
    message_label,
    read_only_table,
    show_message,
)
from ui.admin.context import AdminContext
from ui.admin.table_fit import fit_height
from ui.common.report_charts import BarChart, HeatMapChart, TrendChart, draw_all
from ui.common.review_pack import chart_images, write_review_pdf
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue

#: (key, msgid, days back from today for the first day; None: the dates chosen)
RANGES = (
    ("today", N_("Today (live)"), 0),
    ("week", N_("Last 7 days"), 6),
    ("month", N_("Last 30 days"), 29),
    ("custom", N_("Dates chosen"), None),
)
LIVE_MS = 30_000
#: The tables in the order shown, with their column counts.
TABLES = (("services", 8), ("service_times", 6), ("trend", 5), ("heat_map", 25), ("missing", 5),
          ("paths", 2), ("abandoned", 2), ("satisfaction", 2))  # fmt: skip
_GOOD, _BAD = QColor("#d7f0dc"), QColor("#f8d7d3")


class DashboardPage(AdminPage):
    manager_only = True

    def __init__(self, ctx: AdminContext, live_ms: int = LIVE_MS) -> None:
        super().__init__(ctx)
        self.data: Dashboard | None = None
        self.catalogue: Catalogue | None = None
        self.tables: dict[str, QTableWidget] = {}
        layout = self.page_column()
        self.range = combo_box("report.range")
        self.first, self.last = date_edit("report.from"), date_edit("report.to")
        self.fields = {"range": Field(self.range), "from": Field(self.first),
                       "to": Field(self.last)}  # fmt: skip
        controls = QHBoxLayout()
        for field in self.fields.values():
            controls.addWidget(field)
        self.show_button = button("report.show", role="primary")
        self.show_button.clicked.connect(self.load)
        controls.addWidget(self.show_button)
        layout.addLayout(controls)
        exports = QHBoxLayout()
        self.csv_button, self.xlsx_button = (
            button("report.export_csv"),
            button("report.export_xlsx"),
        )
        self.csv_button.clicked.connect(lambda: self.export_to(self._default_dir() / "csv", "csv"))
        self.xlsx_button.clicked.connect(
            lambda: self.export_to(self._default_dir() / "review.xlsx", "xlsx")
        )
        self.pdf_button = button("report.export_pdf", role="primary")
        self.pdf_button.clicked.connect(
            lambda: self.export_to(self._default_dir() / "review.pdf", "pdf")
        )
        exports.addWidget(self.pdf_button)
        exports.addWidget(self.csv_button)
        exports.addWidget(self.xlsx_button)
        exports.addStretch(1)
        layout.addLayout(exports)
        self.status = message_label("success")
        layout.addWidget(self.status)
        self.summary = label("muted")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.titles: dict[str, Any] = {}
        self.trend_chart = TrendChart("report.chart.trend")
        self.heat_chart = HeatMapChart("report.chart.heat_map")
        self.missing_chart = BarChart("report.chart.missing")
        charts = {"trend": self.trend_chart, "heat_map": self.heat_chart,
                  "missing": self.missing_chart}  # fmt: skip
        for key, columns in TABLES:
            self.titles[key] = label("subtitle")
            layout.addWidget(self.titles[key])
            flexible = (
                0 if key in ("heat_map", "paths", "abandoned", "satisfaction") else columns - 1
            )
            table = read_only_table(f"report.{key}.table", columns, flexible=flexible)
            self.tables[key] = table
            if key == "missing":  # a short table: beside its chart
                row = QHBoxLayout()
                row.addWidget(charts[key], 1)
                row.addWidget(table, 1)
                layout.addLayout(row)
            else:  # the chart above, the table under it at full width
                if key in charts:
                    layout.addWidget(charts[key])
                layout.addWidget(table)
        self.range.currentIndexChanged.connect(self._range_chosen)
        self.live = QTimer(self)
        self.live.setInterval(live_ms)
        self.live.timeout.connect(self._refresh)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Dashboard")

    # -- the range -------------------------------------------------------------------------
    def _default_dir(self) -> Path:
        return Path(self.ctx.settings.kiosk.data_dir) / "reports"

    def _today(self) -> date:
        return self.ctx.reports.today()

    def _range_chosen(self) -> None:
        key = self.range.currentData()
        back = next((b for k, _m, b in RANGES if k == key), None)
        custom = back is None
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            today = self._today()
            self._set_dates(today - timedelta(days=back or 0), today)
        if key == "today":
            self.live.start()
        else:
            self.live.stop()

    def _set_dates(self, first: date, last: date) -> None:
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(last.year, last.month, last.day))

    def dates(self) -> tuple[date, date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        self._range_chosen()
        self.load()

    def _refresh(self) -> None:
        if not self.ctx.busy and self.isVisible():
            self._range_chosen()  # today moves on at the day's reset
            self.load()

    def load(self) -> None:
        first, last = self.dates()
        reports, catalogue = self.ctx.reports, self.ctx.catalogue

        def read(member: Any) -> tuple[Dashboard, Catalogue]:
            return reports.dashboard(member, first, last), catalogue.current()

        self.ctx.run(read, self._loaded, self._failed)

    def _loaded(self, result: tuple[Dashboard, Catalogue]) -> None:
        self.data, self.catalogue = result
        show_message(self.status, "")
        self._fill()

    # -- showing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        loc, data = self.loc, self.data
        for table in self.tables.values():
            table.setRowCount(0)
        if data is None:
            self.summary.setText("")
            return
        self.summary.setText(tables.summary(data, loc))
        for table_data in tables.all_tables(data, loc, self.catalogue):
            widget = self.tables[table_data.key]
            widget.setColumnCount(len(table_data.columns))
            widget.setHorizontalHeaderLabels([loc.tr(c) for c in table_data.columns])
            fill_table(widget, table_data.rows)
            fit_height(widget)
            for row, ok in enumerate(table_data.flags or []):
                if ok is not None:
                    for column in tables.FLAGGED_COLUMNS:
                        item = widget.item(row, column)
                        if item is not None:
                            item.setBackground(QBrush(_GOOD if ok else _BAD))
        self._draw(data)

    def _draw(self, data: Dashboard) -> None:
        draw_all(data, self.loc, self.trend_chart, self.heat_chart, self.missing_chart)

    # -- exports ---------------------------------------------------------------------------
    def export_to(self, path: Path, kind: str) -> None:
        data, loc, catalogue = self.data, self.loc, self.catalogue
        if data is None:
            show_message(self.status, loc.tr("Show a range first."), "warning")
            return
        reports, branch = self.ctx.reports, self.ctx.settings.kiosk.branch_name
        first, last = data.window.first, data.window.last
        images = chart_images(data, loc) if kind == "pdf" else {}  # widgets: on this thread

        def write(member: Any) -> Path:
            reports.record_export(member, kind, first, last, str(path))  # managers only
            made = tables.all_tables(data, loc, catalogue)
            if kind == "pdf":
                write_review_pdf(path, data, loc, catalogue, branch, images)
            elif kind == "csv":
                export.write_csv(path, made, loc)
            else:
                export.write_xlsx(path, made, loc)
            return path

        self.ctx.run(write, self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        show_message(self.status, self.loc.tr("Saved to {path}").format(path=str(path)), "success")

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        for key, msgid in (("range", N_("Range")), ("from", N_("From")), ("to", N_("To"))):
            self.fields[key].set_title(loc.tr(msgid))
        current = self.range.currentData()
        self.range.blockSignals(True)
        self.range.clear()
        for key, msgid, _back in RANGES:
            self.range.addItem(loc.tr(msgid), key)
        self.range.setCurrentIndex(max(0, self.range.findData(current)))
        self.range.blockSignals(False)
        self.show_button.setText(loc.tr("Show"))
        self.pdf_button.setText(loc.tr("Review pack (PDF)"))
        self.csv_button.setText(loc.tr("Export CSV"))
        self.xlsx_button.setText(loc.tr("Export XLSX"))
        titles = tables.TITLES
        for key, widget in self.titles.items():
            widget.setText(loc.tr(titles[key]))
            self.tables[key].setAccessibleName(loc.tr(titles[key]))
        self.trend_chart.set_title(loc.tr(titles["trend"]))
        self.heat_chart.set_title(loc.tr(titles["heat_map"]))
        self.missing_chart.set_title(loc.tr(titles["missing"]))
        self._fill()

    def wipe(self) -> None:
        self.live.stop()
        self.data = None
        self.catalogue = None
        self.retranslate()
        self.range.setCurrentIndex(0)
        today = self._today()
        self._set_dates(today, today)
        show_message(self.status, "")

    def hideEvent(self, event: Any) -> None:
        self.live.stop()
        super().hideEvent(event)
