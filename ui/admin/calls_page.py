"""The phone survey (staff and managers): customers who consented to the survey and
did not answer the text, oldest visit first. Numbers are masked; "Show number" shows
one in full to call it (audited). The call's outcome is recorded (audited): the
customer's score with reasons and a comment, no answer (called again later, up to
the limit), declined, or do not contact. Managers export the list as CSV (audited)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout

from kiosk.i18n import ENDONYMS, N_
from kiosk.phone_survey import CallEntry, CallOutcome
from kiosk.visit_reasons import REASONS
from ui.admin.common import (
    AdminCheckBox,
    AdminPage,
    Field,
    button,
    check_box,
    combo_box,
    fill_table,
    line_edit,
    message_label,
    read_only_table,
    selected_index,
    show_message,
)
from ui.admin.context import AdminContext
from ui.common.flow_layout import FlowLayout
from ui.common.widgets import label

COLUMNS = (
    N_("Visit ended"),
    N_("Ticket"),
    N_("Service"),
    N_("Number"),
    N_("Calls"),
    N_("Language"),
)
OUTCOMES = (
    (CallOutcome.ANSWERED, "admin.calls.answered", N_("Save the answer")),
    (CallOutcome.NO_ANSWER, "admin.calls.no_answer", N_("No answer")),
    (CallOutcome.DECLINED, "admin.calls.declined", N_("Declined")),
    (CallOutcome.DO_NOT_CONTACT, "admin.calls.do_not_contact", N_("Do not contact again")),
)


class CallsPage(AdminPage):
    manager_only = False

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.entries: list[CallEntry] = []
        self.revealed: tuple[int, str] | None = None
        layout = self.page_column()
        row = FlowLayout()  # wraps in a portrait column instead of running off the side
        self.refresh_button = button("admin.calls.refresh")
        self.reveal_button = button("admin.calls.reveal", role="primary")
        self.export_button = button("admin.calls.export")
        self.export_button.setVisible(ctx.is_manager)
        self.refresh_button.clicked.connect(self.enter)
        self.reveal_button.clicked.connect(self.reveal)
        self.export_button.clicked.connect(self.ask_export)
        for widget in (self.refresh_button, self.reveal_button, self.export_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.table = read_only_table("admin.calls.table", len(COLUMNS), flexible=2)
        self.table.setFixedHeight(320)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table)
        self.number = label("title")
        self.number.setObjectName("admin.calls.number")
        layout.addWidget(self.number)
        self.score = combo_box("admin.calls.score")
        self.comment = line_edit("admin.calls.comment", max_length=500)
        self.fields = {"score": Field(self.score), "comment": Field(self.comment)}
        layout.addWidget(self.fields["score"])
        grid = FlowLayout()
        self.reasons: dict[str, AdminCheckBox] = {}
        for key in REASONS:
            box = check_box(f"admin.calls.reason.{key}")
            grid.addWidget(box)
            self.reasons[key] = box
        layout.addLayout(grid)
        layout.addWidget(self.fields["comment"])
        outcomes = QGridLayout()
        self.outcome_buttons = {}
        for index, (outcome, name, _msgid) in enumerate(OUTCOMES):
            outcome_button = button(name, role="primary" if index == 0 else None)
            outcome_button.clicked.connect(lambda _=False, o=outcome: self.record(o))
            outcomes.addWidget(outcome_button, index // 2, index % 2)
            self.outcome_buttons[outcome] = outcome_button
        layout.addLayout(outcomes)
        self.status = message_label("warning")
        layout.addWidget(self.status)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Phone survey")

    # -- the list --------------------------------------------------------------------------
    def enter(self) -> None:
        ctx = self.ctx
        ctx.run(lambda m: ctx.phone_survey.call_list(m), self._show, self._failed)

    def _show(self, entries: list[CallEntry]) -> None:
        self.entries = entries
        self._fill()

    def _fill(self) -> None:
        loc, zone = self.loc, self.ctx.zone
        rows = [
            (
                loc.datetime(e.visit_ended_at, zone),
                e.code,
                e.service_slug.replace("_", " "),
                self.revealed[1]
                if self.revealed and self.revealed[0] == e.contact_id
                else e.masked,
                loc.number(e.attempts),
                ENDONYMS.get(e.locale, e.locale),
            )
            for e in self.entries
        ]
        fill_table(self.table, rows)
        self._selected()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _current(self) -> CallEntry | None:
        index = selected_index(self.table, len(self.entries))
        return None if index is None else self.entries[index]

    def _selected(self) -> None:
        entry = self._current()
        for widget in (self.reveal_button, *self.outcome_buttons.values()):
            widget.setEnabled(entry is not None)
        if entry is None or self.revealed is None or self.revealed[0] != entry.contact_id:
            self.number.setText(entry.masked if entry else "")
        self.number.setAccessibleName(self.number.text())

    # -- actions ---------------------------------------------------------------------------
    def reveal(self) -> None:
        entry = self._current()
        if entry is None:
            return
        contact_id, ctx = entry.contact_id, self.ctx
        ctx.run(
            lambda m: ctx.contacts.reveal(m, contact_id),
            lambda number: self._revealed(contact_id, number),
            self._failed,
        )

    def _revealed(self, contact_id: int, number: str) -> None:
        self.revealed = (contact_id, number)
        self.number.setText(number)
        self.number.setAccessibleName(number)

    def record(self, outcome: CallOutcome) -> None:
        entry = self._current()
        if entry is None:
            return
        score = self.score.currentData()
        reasons = [key for key, box in self.reasons.items() if box.isChecked()]
        comment, contact_id, ctx = self.comment.text(), entry.contact_id, self.ctx

        def save(member: Any) -> object:
            return ctx.phone_survey.record(
                member, contact_id, outcome, score=score, reasons=reasons, comment=comment
            )

        ctx.run(save, lambda _answer: self._recorded(), self._failed)

    def _recorded(self) -> None:
        self._clear_form()
        show_message(self.status, self.loc.tr("Saved."), "success")
        self.enter()

    def ask_export(self) -> None:
        self.ask_csv(self.loc.tr("Export the call list (CSV)"), "call-list.csv", self.export_to)

    def export_to(self, path: Path) -> None:
        self.export_csv(path, self.ctx.phone_survey.export_csv, lambda n: self._exported(n, path))

    def _exported(self, count: int, path: Path) -> str:
        return self.loc.ntr(
            "{n} customer exported to {path}", "{n} customers exported to {path}", count
        ).format(n=self.loc.number(count), path=str(path))

    # -- texts -----------------------------------------------------------------------------
    def _clear_form(self) -> None:
        self.revealed = None
        self.score.setCurrentIndex(0)
        self.comment.clear()
        for box in self.reasons.values():
            box.setChecked(False)

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Phone survey"))
        self.refresh_button.setText(loc.tr("Refresh"))
        self.reveal_button.setText(loc.tr("Show number"))
        self.export_button.setText(loc.tr("Export CSV"))
        self.fields["score"].set_title(loc.tr("Score (1 poor – 5 excellent)"))
        self.fields["comment"].set_title(loc.tr("Comment"))
        current = self.score.currentData()
        self.score.clear()
        self.score.addItem("—", None)
        for value in range(1, 6):
            self.score.addItem(loc.number(value), value)
        self.score.setCurrentIndex(max(0, self.score.findData(current)))
        for key, box in self.reasons.items():
            box.setText(loc.tr(REASONS[key]))
        for outcome, _name, msgid in OUTCOMES:
            self.outcome_buttons[outcome].setText(loc.tr(msgid))
        self._fill()

    def wipe(self) -> None:
        self.entries = []
        self._clear_form()
        self.retranslate()
        show_message(self.status, "")
