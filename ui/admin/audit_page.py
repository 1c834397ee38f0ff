"""The audit trail (managers): browse and filter, read only, and check the hash chain.

There is deliberately nothing here that edits or deletes: the table takes no
input, and the page offers no such action. "Check the trail" runs
:meth:`AuditLog.verify` and says whether every entry still matches its chain.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout

from kiosk.access import StaffMember
from kiosk.audit import AuditEntry, TrailCheck, action_label
from kiosk.clock import business_day
from kiosk.i18n import N_
from ui.admin.common import (
    AdminPage,
    Field,
    button,
    card,
    combo_box,
    date_edit,
    fill_table,
    filter_grid,
    message_label,
    read_only_table,
    selected_index,
    show_message,
)
from ui.admin.context import AdminContext
from ui.common.widgets import label

ACTIONS: tuple[tuple[str, str], ...] = (
    ("auth.", N_("Sign-ins")),
    ("staff.", N_("Staff accounts")),
    ("catalogue.", N_("Catalogue")),
    ("settings.", N_("Settings")),
    ("service.", N_("Service pauses")),
    ("visits.", N_("Visit exports")),
    ("retention.", N_("Record clean-up")),
    ("archive.", N_("Archives")),
)
COLUMNS = (N_("When"), N_("Who"), N_("Action"), N_("Target"), N_("Details"))
DEFAULT_DAYS = 7
SUMMARY_CHARS = 90


def describe(detail: dict[str, Any]) -> str:
    """A detail dict as short readable text: ``old → new`` where there is one."""
    if set(detail) >= {"old", "new"}:
        return f"{detail['old']} → {detail['new']}"
    changes = detail.get("changes")
    if isinstance(changes, dict):
        return "; ".join(
            f"{key}: {value.get('old')} → {value.get('new')}"
            for key, value in changes.items()
            if isinstance(value, dict)
        )
    return json.dumps(detail, ensure_ascii=False, default=str) if detail else ""


class AuditPage(AdminPage):
    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.entries: list[AuditEntry] = []
        self.people: list[StaffMember] = []
        self.check: TrailCheck | None = None
        layout = self.page_column()
        self.since, self.until = date_edit("admin.audit.since"), date_edit("admin.audit.until")
        self.action = combo_box("admin.audit.action")
        self.who = combo_box("admin.audit.who")
        self.fields = {
            "since": Field(self.since),
            "until": Field(self.until),
            "action": Field(self.action),
            "who": Field(self.who),
        }
        layout.addLayout(filter_grid(self.fields.values(), columns=2))
        row = QHBoxLayout()
        self.search_button = button("admin.audit.search", role="primary")
        self.verify_button = button("admin.audit.verify")
        self.search_button.clicked.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        row.addWidget(self.search_button)
        row.addWidget(self.verify_button)
        layout.addLayout(row)
        self.trail = message_label("success")
        self.trail.setObjectName("admin.audit.trail")
        layout.addWidget(self.trail)
        self.table = read_only_table("admin.audit.table", len(COLUMNS))
        self.table.setMinimumHeight(360)
        self.table.itemSelectionChanged.connect(self._show_detail)
        layout.addWidget(self.table, 1)
        self.detail_frame, detail_layout = card()
        self.detail = label()
        detail_layout.addWidget(self.detail)
        layout.addWidget(self.detail_frame)
        self.status = message_label("warning")
        layout.addWidget(self.status)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Audit trail")

    # -- search ----------------------------------------------------------------------------
    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=self.ctx.zone).astimezone(UTC)

    def enter(self) -> None:
        self.ctx.run(lambda m: self.ctx.staff.members(m), self._show_people, self._failed)
        self.search()

    def search(self) -> None:
        show_message(self.status, "")
        if not self.ctx.is_manager:  # the domain refuses too; this avoids a useless round trip
            show_message(self.status, self.loc.tr("Only a manager can do this."))
            return
        since, until = self.since.date().toPython(), self.until.date().toPython()
        assert isinstance(since, date) and isinstance(until, date)
        start, end = self._day_start(since), self._day_start(until + timedelta(days=1))
        action, who, log = self.action.currentData(), self.who.currentData(), self.ctx.audit
        self.ctx.run(
            lambda m: log.browse(m, since=start, until=end, action=action, actor_id=who, limit=500),
            self._show_entries,
            self._failed,
        )

    def _show_entries(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self._fill()

    def _show_people(self, people: list[StaffMember]) -> None:
        self.people = people
        self._fill_who()

    def _fill(self) -> None:
        loc = self.loc
        rows = []
        for entry in self.entries:
            summary = describe(entry.detail)
            if len(summary) > SUMMARY_CHARS:
                summary = summary[: SUMMARY_CHARS - 1] + "…"
            rows.append(
                (
                    loc.datetime(entry.at, self.ctx.zone),
                    entry.actor_name,
                    loc.tr(action_label(entry.action)),
                    entry.target,
                    summary,
                )
            )
        fill_table(self.table, rows)
        self._show_detail()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _show_detail(self) -> None:
        index = selected_index(self.table, len(self.entries))
        entry = None if index is None else self.entries[index]
        self.detail_frame.setVisible(entry is not None)
        if entry is None:
            return
        details = entry.detail.get("changes", entry.detail)
        action = self.loc.tr(action_label(entry.action))
        lines = [f"{action} · {entry.target} · {entry.actor_name} · {entry.kiosk_id}"]
        if isinstance(details, dict):
            lines += [
                f"{key}: {describe(value) if isinstance(value, dict) else value}"
                for key, value in details.items()
            ]
        self.detail.setText("\n".join(lines))

    # -- verify ----------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.ctx.run(lambda m: self.ctx.audit.check_as(m), self._verified, self._verify_failed)

    def _verified(self, check: TrailCheck) -> None:
        self.verify_button.setEnabled(True)
        self.check = check
        self._show_trail()

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._failed(error)

    def _show_trail(self) -> None:
        check = self.check
        if check is None:
            show_message(self.trail, "")
        elif check.intact:
            show_message(
                self.trail, self.loc.tr("Intact: every entry matches the one before it."), "success"
            )
        else:
            lines = []
            if check.broken:
                ids = ", ".join(str(i) for i in check.broken[:20])
                lines.append(
                    self.loc.tr("Changed outside the app! Entries that do not match: {ids}").format(
                        ids=ids
                    )
                )
            if check.lost_after is not None:
                lines.append(
                    self.loc.tr(
                        "Entries were deleted: the trail ends at entry {n}, but later ones "
                        "were written here."
                    ).format(n=check.lost_after)
                )
            show_message(self.trail, "\n".join(lines), "warning")

    @property
    def broken(self) -> list[int] | None:
        return None if self.check is None else self.check.broken

    @property
    def trail_intact(self) -> bool | None:
        return None if self.check is None else self.check.intact

    # -- texts -----------------------------------------------------------------------------
    def _fill_who(self) -> None:
        current = self.who.currentData()
        self.who.clear()
        self.who.addItem(self.loc.tr("Anyone"), None)
        for person in self.people:
            self.who.addItem(f"{person.number} · {person.name}", person.id)
        self.who.setCurrentIndex(max(0, self.who.findData(current)))

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        titles = {"since": N_("From"), "until": N_("To"), "action": N_("Action"), "who": N_("Who")}
        for key, msgid in titles.items():
            self.fields[key].set_title(loc.tr(msgid))
        current = self.action.currentData()
        self.action.clear()
        self.action.addItem(loc.tr("Any action"), None)
        for prefix, msgid in ACTIONS:
            self.action.addItem(f"{loc.tr(msgid)} ({prefix}…)", prefix)
        self.action.setCurrentIndex(max(0, self.action.findData(current)))
        self._fill_who()
        self.search_button.setText(loc.tr("Search"))
        self.verify_button.setText(loc.tr("Check the trail"))
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Audit trail"))
        self._fill()
        self._show_trail()

    def wipe(self) -> None:
        business = self.ctx.settings.business
        today = business_day(self.ctx.clock(), business.zone, 0)
        first = today - timedelta(days=DEFAULT_DAYS - 1)
        self.since.setDate(QDate(first.year, first.month, first.day))
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.entries, self.people, self.check = [], [], None
        self.retranslate()
        self.action.setCurrentIndex(0)
        self.who.setCurrentIndex(0)
        show_message(self.status, "")
