"""One complaint case in the admin panel: what happened, its targets and history, and
what a manager can do next (the moves its state allows, a note, the responsible
manager). The domain decides whether a change is allowed; this shows its answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import visit_reasons
from kiosk.complaint_book import CaseDetail
from kiosk.complaint_rules import (
    CATEGORIES,
    MOVES,
    OVERDUE_LABELS,
    SOURCE_LABELS,
    STATE_LABELS,
    CaseState,
)
from kiosk.i18n import N_, Localizer
from ui.admin.common import Field, button, card, combo_box, message_label, show_message, text_box
from ui.admin.context import AdminContext
from ui.common.theme import repolish
from ui.common.widgets import KioskButton, label

#: The button that makes each move, by the state it goes to.
MOVE_LABELS: dict[CaseState, str] = {
    CaseState.ACKNOWLEDGED: N_("Acknowledge"),
    CaseState.IN_PROGRESS: N_("Start working on it"),
    CaseState.RESOLVED: N_("Resolve"),
    CaseState.REJECTED: N_("Reject with explanation"),
}
KIND_LABELS = {
    "open": N_("Opened"),
    "state": N_("{old} → {new}"),
    "assign": N_("Made responsible: {name}"),
    "note": N_("Note"),
}


def case_title(loc: Localizer, case_id: int, category: str, state: CaseState) -> str:
    return loc.tr("Case {id} · {category} · {state}").format(
        id=case_id,
        category=loc.tr(CATEGORIES.get(category, category)),
        state=loc.tr(STATE_LABELS[state]),
    )


class CaseView(QWidget):
    case_did_change = Signal(int)
    """A change was saved: the list refreshes, the case reloads."""

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.detail: CaseDetail | None = None
        self.managers: list[tuple[int, str]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame: QFrame
        self.frame, layout = card()
        outer.addWidget(self.frame)
        self.title = label("subtitle")
        self.facts = label()
        self.history = label("muted")
        for widget in (self.title, self.facts, self.history):
            layout.addWidget(widget)
        self.note = text_box("admin.complaints.note")
        self.note_field = Field(self.note)
        layout.addWidget(self.note_field)
        moves = QHBoxLayout()
        self.move_buttons: dict[CaseState, KioskButton] = {}
        for state in MOVE_LABELS:
            move = button(f"admin.complaints.move.{state}", role="primary")
            move.clicked.connect(lambda _=False, s=state: self.move_to(s))
            moves.addWidget(move)
            self.move_buttons[state] = move
        self.note_button = button("admin.complaints.add_note")
        self.note_button.clicked.connect(self.add_note)
        moves.addWidget(self.note_button)
        layout.addLayout(moves)
        assign = QHBoxLayout()
        self.manager = combo_box("admin.complaints.manager")
        self.manager_field = Field(self.manager)
        self.assign_button = button("admin.complaints.assign")
        self.assign_button.clicked.connect(self.assign)
        assign.addWidget(self.manager_field, 1)
        assign.addWidget(self.assign_button)
        layout.addLayout(assign)
        self.status = message_label("warning")
        self.status.setObjectName("admin.complaints.case_status")
        layout.addWidget(self.status)
        self.show_detail(None)

    @property
    def loc(self) -> Localizer:
        return self.ctx.loc

    # -- showing ---------------------------------------------------------------------------
    def load(self, case_id: int) -> None:
        book = self.ctx.complaint_book
        self.ctx.run(lambda m: book.case(m, case_id), self.show_detail, self._failed)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.frame.setVisible(detail is not None)
        self._fill()

    def show_managers(self, managers: list[tuple[int, str]]) -> None:
        self.managers = managers
        self._fill_managers()

    def _fill_managers(self) -> None:
        current = self.manager.currentData()
        if self.detail is not None and current is None:
            current = self.detail.case.manager_id
        self.manager.clear()
        for manager_id, name in self.managers:
            self.manager.addItem(name, manager_id)
        self.manager.setCurrentIndex(max(0, self.manager.findData(current)))

    def _fill(self) -> None:
        detail, loc = self.detail, self.loc
        if detail is None:
            return
        case = detail.case
        zone = self.ctx.zone
        self.title.setText(case_title(loc, case.id, case.category, case.state))
        lines = [
            loc.tr("From: {source}").format(source=loc.tr(SOURCE_LABELS[case.source])),
            loc.tr("Opened: {when}").format(when=loc.datetime(case.opened_at, zone)),
            loc.tr("What happened: {text}").format(text=self._summary_text()),
        ]
        if case.ticket_code:
            lines.append(loc.tr("Ticket: {code}").format(code=case.ticket_code))
        if detail.staff_name:
            lines.append(loc.tr("Staff involved: {name}").format(name=detail.staff_name))
        lines.append(
            loc.tr("Responsible manager: {name}").format(
                name=case.manager_name or loc.tr("none yet")
            )
        )
        lines.append(
            loc.tr("Acknowledge by {ack} · resolve by {resolve}").format(
                ack=loc.datetime(case.acknowledge_due, zone),
                resolve=loc.datetime(case.resolve_due, zone),
            )
        )
        if case.overdue:
            lines.append(loc.tr(OVERDUE_LABELS[case.overdue]))
        if detail.resolution:
            lines.append(loc.tr("Outcome: {text}").format(text=detail.resolution))
        self.facts.setText("\n".join(lines))
        role = "warning" if case.overdue else None
        if self.facts.property("role") != role:
            self.facts.setProperty("role", role)
            repolish(self.facts)
        self.history.setText("\n".join(self._change_line(i) for i in range(len(detail.changes))))
        allowed = MOVES[case.state]
        for state, move in self.move_buttons.items():
            move.setVisible(state in allowed)
        closed = case.state.closed
        for widget in (self.assign_button, self.manager_field):
            widget.setVisible(not closed)
        self._fill_managers()

    def _summary_text(self) -> str:
        assert self.detail is not None
        rating = self.detail.rating
        if rating is None:
            return self.detail.case.summary
        score, reasons = rating
        named = ", ".join(self.loc.tr(visit_reasons.label(r)) for r in reasons) or "–"
        return self.loc.tr("rated {score} of 5 ({reasons})").format(score=score, reasons=named)

    def _change_line(self, index: int) -> str:
        assert self.detail is not None
        change, loc = self.detail.changes[index], self.loc
        what = loc.tr(KIND_LABELS.get(change.kind, change.kind)).format(
            old=loc.tr(STATE_LABELS[change.from_state]) if change.from_state else "",
            new=loc.tr(STATE_LABELS[change.to_state]) if change.to_state else "",
            name=change.manager_name,
        )
        line = f"{loc.datetime(change.at, self.ctx.zone)} · {change.actor_name} · {what}"
        return f"{line}: {change.note}" if change.note and change.kind != "open" else line

    # -- acting ----------------------------------------------------------------------------
    def _act(self, action: Callable[..., object]) -> None:
        if self.detail is None:
            return
        case_id = self.detail.case.id
        show_message(self.status, "")

        def saved(_result: object) -> None:
            self.note.setText("")
            self.case_did_change.emit(case_id)
            self.load(case_id)

        self.ctx.run(lambda m: action(m, case_id), saved, self._failed)

    def move_to(self, state: CaseState) -> None:
        note, complaints, notify = self.note.text(), self.ctx.complaints, self.ctx.notify_resolution
        self._act(lambda m, i: complaints.move(m, i, state, note, notify_resolution=notify))

    def add_note(self) -> None:
        note, complaints = self.note.text(), self.ctx.complaints
        self._act(lambda m, i: complaints.add_note(m, i, note))

    def assign(self) -> None:
        manager_id, note, complaints = (
            self.manager.currentData(),
            self.note.text(),
            self.ctx.complaints,
        )
        if manager_id is None:
            show_message(self.status, self.loc.tr("Choose an active manager."))
            return
        self._act(lambda m, i: complaints.assign(m, i, manager_id, note))

    def _failed(self, error: BaseException) -> None:
        show_message(self.status, self.ctx.error_text(error))

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        loc = self.loc
        self.note_field.set_title(loc.tr("Note (needed to resolve or reject)"))
        self.manager_field.set_title(loc.tr("Responsible manager"))
        for state, move in self.move_buttons.items():
            move.setText(loc.tr(MOVE_LABELS[state]))
        self.note_button.setText(loc.tr("Add note"))
        self.assign_button.setText(loc.tr("Make responsible"))
        self._fill()

    def wipe(self) -> None:
        self.note.setText("")
        self.managers = []
        self.manager.clear()
        show_message(self.status, "")
        self.show_detail(None)
