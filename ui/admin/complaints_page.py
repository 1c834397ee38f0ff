"""Complaint cases (managers): the list, newest first, filtered by state, category,
overdue and opening date; a touch on a case (``complaint.<id>``) opens it below the
list, where a manager moves it on with a note or makes a manager responsible."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.clock import business_day
from kiosk.complaint_book import CaseFilter, CaseSummary
from kiosk.complaint_rules import CATEGORIES, OVERDUE_LABELS, STATE_LABELS, CaseState
from kiosk.i18n import N_
from ui.admin.common import (
    AdminPage,
    Field,
    button,
    check_box,
    combo_box,
    date_edit,
    filter_grid,
    message_label,
    show_message,
)
from ui.admin.complaint_case_view import CaseView, case_title
from ui.admin.context import AdminContext
from ui.common.widgets import KioskButton, label

DEFAULT_DAYS = 30
SUMMARY_CHARS = 60


class ComplaintsPage(AdminPage):
    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.cases: list[CaseSummary] = []
        self.case_buttons: dict[int, KioskButton] = {}
        layout = self.page_column()
        self.state = combo_box("admin.complaints.state")
        self.category = combo_box("admin.complaints.category")
        self.since = date_edit("admin.complaints.since")
        self.until = date_edit("admin.complaints.until")
        self.fields = {
            "state": Field(self.state),
            "category": Field(self.category),
            "since": Field(self.since),
            "until": Field(self.until),
        }
        layout.addLayout(filter_grid(self.fields.values(), columns=2))
        boxes = QHBoxLayout()
        self.overdue_only = check_box("admin.complaints.overdue")
        self.by_date = check_box("admin.complaints.by_date")
        boxes.addWidget(self.overdue_only)
        boxes.addWidget(self.by_date)
        layout.addLayout(boxes)
        self.search_button = button("admin.complaints.search", role="primary")
        self.search_button.clicked.connect(self.search)
        layout.addWidget(self.search_button)
        self.count = label("muted")
        self.count.setObjectName("admin.complaints.count")
        layout.addWidget(self.count)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        layout.addWidget(self.list)
        self.view = CaseView(ctx)
        self.view.case_did_change.connect(lambda _id: self.search())
        layout.addWidget(self.view)
        self.status = message_label("warning")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Complaints")

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        book = self.ctx.complaint_book
        self.ctx.run(lambda _m: book.managers(), self.view.show_managers, self._failed)
        self.search()

    def _filter(self) -> CaseFilter:
        since: date | None = None
        until: date | None = None
        if self.by_date.isChecked():
            since, until = self.since.date().toPython(), self.until.date().toPython()  # type: ignore[assignment]
        return CaseFilter(
            state=self.state.currentData(),
            category=self.category.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            opened_from=since,
            opened_to=until,
        )

    def search(self) -> None:
        show_message(self.status, "")
        if not self.ctx.is_manager:
            show_message(self.status, self.loc.tr("Only a manager can do this."))
            return
        where, book = self._filter(), self.ctx.complaint_book
        self.ctx.run(lambda m: book.cases(m, where), self._show_cases, self._failed)

    def _show_cases(self, cases: list[CaseSummary]) -> None:
        self.cases = cases
        for old in self.case_buttons.values():
            self.list_layout.removeWidget(old)
            old.hide()
            old.setObjectName("")  # gone at once for anyone looking it up by name
            old.deleteLater()
        self.case_buttons = {}
        for case in cases:
            case_button = button(f"complaint.{case.id}", role="case")
            case_button.setProperty("overdue", "true" if case.overdue else "false")
            case_button.clicked.connect(lambda _=False, i=case.id: self.open_case(i))
            self.list_layout.addWidget(case_button)
            case_button.show()  # now, not after the next event loop pass
            self.case_buttons[case.id] = case_button
        self._fill()

    def open_case(self, case_id: int) -> None:
        self.view.load(case_id)

    # -- texts -----------------------------------------------------------------------------
    def case_text(self, case: CaseSummary) -> str:
        loc = self.loc
        summary = case.summary
        if len(summary) > SUMMARY_CHARS:
            summary = summary[: SUMMARY_CHARS - 1] + "…"
        parts = [
            case_title(loc, case.id, case.category, case.state),
            loc.date(case.opened_at.astimezone(self.ctx.zone).date()),
        ]
        if case.ticket_code:
            parts.append(case.ticket_code)
        if case.overdue:
            parts.append(loc.tr(OVERDUE_LABELS[case.overdue]))
        return " · ".join(parts) + f"\n{summary}"

    def _fill(self) -> None:
        for case in self.cases:
            self.case_buttons[case.id].setText(self.case_text(case))
        self.count.setText(
            self.loc.tr("Cases found: {count}").format(count=len(self.cases))
            if self.ctx.member is not None
            else ""
        )

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        titles = {
            "state": N_("State"),
            "category": N_("About"),
            "since": N_("Opened from"),
            "until": N_("Opened until"),
        }
        for key, msgid in titles.items():
            self.fields[key].set_title(loc.tr(msgid))
        current_state, current_category = self.state.currentData(), self.category.currentData()
        self.state.clear()
        self.state.addItem(loc.tr("Any state"), None)
        for state in CaseState:
            self.state.addItem(loc.tr(STATE_LABELS[state]), state)
        self.state.setCurrentIndex(max(0, self.state.findData(current_state)))
        self.category.clear()
        self.category.addItem(loc.tr("Anything"), None)
        for key, msgid in CATEGORIES.items():
            self.category.addItem(loc.tr(msgid), key)
        self.category.setCurrentIndex(max(0, self.category.findData(current_category)))
        self.overdue_only.setText(loc.tr("Only overdue cases"))
        self.by_date.setText(loc.tr("Only cases opened between these days"))
        self.search_button.setText(loc.tr("Search"))
        self.view.retranslate()
        self._fill()

    def wipe(self) -> None:
        business = self.ctx.settings.business
        today = business_day(self.ctx.clock(), business.zone, 0)
        first = today - timedelta(days=DEFAULT_DAYS - 1)
        self.since.setDate(QDate(first.year, first.month, first.day))
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.overdue_only.setChecked(False)
        self.by_date.setChecked(False)
        self._show_cases([])
        self.view.wipe()
        self.retranslate()
        self.state.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        show_message(self.status, "")
