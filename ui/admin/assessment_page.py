"""Staff assessment: each staff member's figures over a range beside the branch's
median, each with the count it rests on, and managers' notes (strengths, improvement
advice, recognition) for the period. Managers see everyone and write notes; a staff
member sees only their own page (the domain refuses anything else)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout

from kiosk.i18n import N_
from kiosk.reports import staff_tables
from kiosk.reports.service import Note, StaffReport
from kiosk.reports.staff_figures import BranchMedians, StaffFigures
from ui.admin.common import (
    AdminPage,
    Field,
    LongTextEdit,
    button,
    card,
    date_edit,
    fill_table,
    message_label,
    read_only_table,
    selected_index,
    show_message,
    text_box,
)
from ui.admin.context import AdminContext
from ui.admin.table_fit import fit_height
from ui.common.widgets import identify, label

DEFAULT_DAYS = 30
NOTE_PARTS = (
    ("strengths", N_("Strengths")),
    ("advice", N_("Improvement advice")),
    ("recognition", N_("Recognition")),
)


class AssessmentPage(AdminPage):
    manager_only = False

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.figures: dict[int, StaffFigures] = {}
        self.medians: BranchMedians | None = None
        self.report: StaffReport | None = None
        self.person: int | None = None
        layout = self.page_column()
        self.first, self.last = date_edit("staff_report.from"), date_edit("staff_report.to")
        self.fields = {"from": Field(self.first), "to": Field(self.last)}
        row = QHBoxLayout()
        for field in self.fields.values():
            row.addWidget(field)
        self.show_button = button("staff_report.show", role="primary")
        self.show_button.clicked.connect(self.load)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        self.table = read_only_table("staff_report.table", len(staff_tables.COLUMNS), flexible=0)
        self.table.itemSelectionChanged.connect(self._chosen)
        layout.addWidget(self.table)
        self.key = label("muted")
        self.key.setWordWrap(True)
        layout.addWidget(self.key)
        self.person_frame, person = card()
        self.person_frame.setFrameShape(QFrame.Shape.NoFrame)
        self.person_title = label("subtitle")
        self.person_lines = label()
        self.person_lines.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.notes = label("muted")
        self.notes.setWordWrap(True)
        for widget in (self.person_title, self.person_lines, self.notes):
            person.addWidget(widget)
        self.note_fields: dict[str, Field] = {}
        self.note_boxes: dict[str, LongTextEdit] = {}
        for key, _msgid in NOTE_PARTS:
            self.note_boxes[key] = text_box(f"staff_report.note.{key}")
            self.note_fields[key] = Field(self.note_boxes[key])
            person.addWidget(self.note_fields[key])
        self.save_button = button("staff_report.save_note", role="primary")
        self.save_button.clicked.connect(self.save_note)
        person.addWidget(self.save_button)
        layout.addWidget(self.person_frame)
        self.status = message_label("success")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Assessment")

    def dates(self) -> tuple[date, date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.load()

    def load(self) -> None:
        first, last = self.dates()
        reports, manager = self.ctx.reports, self.ctx.is_manager

        def read(member: Any) -> Any:
            if manager:
                return reports.staff_overview(member, first, last)
            return reports.staff_report(member, member.id, first, last)

        self.ctx.run(read, self._loaded, self._failed)

    def _loaded(self, result: Any) -> None:
        show_message(self.status, "")
        if isinstance(result, StaffReport):
            member = self.ctx.member
            self.figures = {member.id: result.figures} if member and result.figures else {}
            self.medians = result.medians
            self._show_person(member.id if member else None, result)
        else:
            self.figures, self.medians = result
            self.person, self.report = None, None
        self._fill()

    def _chosen(self) -> None:
        if not self.ctx.is_manager:
            return
        index = selected_index(self.table, len(self.figures))
        if index is None:
            return
        staff_id = list(self.figures)[index]
        first, last = self.dates()
        reports = self.ctx.reports
        self.ctx.run(
            lambda member: reports.staff_report(member, staff_id, first, last),
            lambda report: self._show_person(staff_id, report),
            self._failed,
        )

    def _show_person(self, staff_id: int | None, report: StaffReport) -> None:
        self.person, self.report = staff_id, report
        identify(self.person_frame, f"staff_report.{staff_id}")
        self._fill_person()

    # -- notes -----------------------------------------------------------------------------
    def save_note(self) -> None:
        if self.person is None:
            return
        staff_id, (first, last) = self.person, self.dates()
        parts = {k: box.text() for k, box in self.note_boxes.items()}
        reports = self.ctx.reports

        def write(member: Any) -> StaffReport:
            reports.write_note(member, staff_id, first, last, **parts)
            return reports.staff_report(member, staff_id, first, last)

        self.ctx.run(write, self._saved, self._failed)

    def _saved(self, report: StaffReport) -> None:
        for box in self.note_boxes.values():
            box.setText("")
        self._show_person(self.person, report)
        show_message(self.status, self.loc.tr("The note is kept."), "success")

    # -- showing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        loc = self.loc
        self.table.setVisible(self.ctx.is_manager)
        self.key.setVisible(self.ctx.is_manager)
        if self.medians is None:
            self.table.setRowCount(0)
        else:
            table = staff_tables.staff_table(loc, self.figures, self.medians)
            self.table.setHorizontalHeaderLabels([loc.tr(c) for c in table.columns])
            fill_table(self.table, table.rows)
        fit_height(self.table)
        self._fill_person()

    def _fill_person(self) -> None:
        loc, report = self.loc, self.report
        self.person_frame.setVisible(report is not None)
        for widget in (*self.note_fields.values(), self.save_button):
            widget.setVisible(self.ctx.is_manager)
        if report is None:
            return
        name = report.figures.name if report.figures else ""
        self.person_title.setText(name or loc.tr("Your figures"))
        lines = staff_tables.person_lines(loc, report.figures, report.medians)
        lines += staff_tables.satisfaction_lines(
            loc, report.csat, report.branch_csat, report.complaints
        )
        self.person_lines.setText("\n".join(lines))
        self.notes.setText("\n\n".join(self._note_text(n) for n in report.notes))

    def _note_text(self, note: Note) -> str:
        loc = self.loc
        head = loc.tr("{first} – {last}, by {author}").format(
            first=loc.date(note.period_start), last=loc.date(note.period_end),
            author=note.author_name)  # fmt: skip
        parts = [f"{loc.tr(m)}: {getattr(note, k)}" for k, m in NOTE_PARTS if getattr(note, k)]
        return "\n".join([head, *parts])

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.fields["from"].set_title(loc.tr("From"))
        self.fields["to"].set_title(loc.tr("To"))
        for key, msgid in NOTE_PARTS:
            self.note_fields[key].set_title(loc.tr(msgid))
        self.show_button.setText(loc.tr("Show"))
        self.save_button.setText(loc.tr("Keep the note"))
        self.table.setAccessibleName(loc.tr("Staff"))
        self.key.setText(loc.tr(staff_tables.KEY))
        self._fill()

    def wipe(self) -> None:
        today = self.ctx.reports.today()
        first = today - timedelta(days=DEFAULT_DAYS - 1)
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(today.year, today.month, today.day))
        self.figures, self.medians, self.report, self.person = {}, None, None, None
        for box in self.note_boxes.values():
            box.setText("")
        self.retranslate()
        show_message(self.status, "")
