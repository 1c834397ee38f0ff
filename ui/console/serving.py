"""The serving view of one counter: the ticket at the counter, the actions, held
tickets, the waiting list, and the finish / transfer / pause panels beside it.

The logic (desk calls, polling) is :class:`~ui.console.counter_desk.CounterDesk`;
this page shows its state and turns touches into its actions.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.complaint_rules import overdue_line
from kiosk.counters import counter_label
from kiosk.i18n import Catalogs
from ui.common.language import Language
from ui.common.theme import Theme, repolish
from ui.common.widgets import KioskButton, clear_layout, identify, label, make_button
from ui.console.action_bar import PER_ROW, ActionBar
from ui.console.anything_else_panel import AnythingElsePanel
from ui.console.complaint_panel import ComplaintPanel
from ui.console.counter_desk import CounterDesk, DeskChange
from ui.console.finish_panel import FinishPanel
from ui.console.pause_panel import PausePanel
from ui.console.ticket_panel import TicketPanel
from ui.console.transfer_panel import TransferPanel
from ui.console.waiting_list import WaitingList

PORTRAIT_PER_ROW = 4


class ServingPage(QWidget):
    def __init__(
        self,
        desk: CounterDesk,
        language: Language,
        catalogs: Catalogs,
        theme: Theme,
        no_show_after: int,
        tick_ms: int = 30_000,
    ) -> None:
        super().__init__()
        self.desk, self._language, self._theme = desk, language, theme
        self.tick = QTimer(self)
        self.tick.setInterval(tick_ms)
        self.tick.timeout.connect(self.show_state)  # waited minutes and over-target markers
        self.ticket_panel = TicketPanel()
        self.held_row = QHBoxLayout()
        self.held_caption = label("muted", wrap=False)
        identify(self.held_caption, "console.held_title")
        self.held_buttons: dict[int, KioskButton] = {}
        self.message = label("success")
        identify(self.message, "console.message")
        self.message.hide()
        self._warned = False
        self.complaint_button = make_button("console.complaint", self, role="small")
        self.overdue = label("warning")
        identify(self.overdue, "console.overdue")
        self.overdue.hide()
        self.action_bar = ActionBar(no_show_after)
        self.waiting_title = label("subtitle")
        identify(self.waiting_title, "console.waiting_title")
        self.waiting_list = WaitingList()
        self.finish_panel = FinishPanel()
        self.transfer_panel = TransferPanel()
        self.pause_panel = PausePanel(catalogs)
        self.anything_else = AnythingElsePanel()
        self.complaint_panel = ComplaintPanel()
        self.side = QStackedWidget()
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.ticket_panel, 1)
        held = QHBoxLayout()
        held.addWidget(self.held_caption)
        held.addLayout(self.held_row, 1)
        held.addWidget(self.complaint_button)  # at any time, also while serving
        left.addLayout(held)
        left.addWidget(self.overdue)
        left.addWidget(self.message)
        waiting = QWidget()
        column = QVBoxLayout(waiting)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.waiting_title)
        column.addWidget(self.waiting_list, 1)
        self.side.setObjectName("console.side")
        for panel in (
            waiting,
            self.finish_panel,
            self.transfer_panel,
            self.pause_panel,
            self.anything_else,
            self.complaint_panel,
        ):
            self.side.addWidget(panel)
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(24)
        top.addLayout(left, 2)
        top.addWidget(self.side, 3)
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 12, 24, 16)
        page.setSpacing(16)
        page.addLayout(top, 1)
        page.addWidget(self.action_bar)

    def _connect(self) -> None:
        a, desk = self.action_bar, self.desk
        a["call_next"].clicked.connect(desk.call_next)
        a["call_ticket"].clicked.connect(self._call_selected)
        for change in DeskChange:
            a[change].clicked.connect(lambda _=False, c=change: desk.change(c))
        a["no_show"].clicked.connect(desk.no_show)
        a["finish"].clicked.connect(lambda: self.show_side(self.finish_panel))
        a["transfer"].clicked.connect(self._open_transfer)
        a["pause"].clicked.connect(self._open_pause)
        self.complaint_button.clicked.connect(self._open_complaint)
        self.waiting_list.itemSelectionChanged.connect(self._enable)
        self.finish_panel.finish_requested.connect(desk.finish)
        self.transfer_panel.transfer_requested.connect(desk.transfer)
        self.pause_panel.pause_requested.connect(desk.pause)
        for panel in (self.finish_panel, self.transfer_panel, self.pause_panel):
            panel.cancelled.connect(lambda: self.show_side(None))
        self.anything_else.follow_on_requested.connect(desk.follow_on)
        self.anything_else.complaint_requested.connect(self._open_complaint)
        self.anything_else.cancelled.connect(self._nothing_else)
        self.complaint_panel.complaint_requested.connect(desk.log_complaint)
        self.complaint_panel.cancelled.connect(self._after_visit)
        desk.state_did_change.connect(self.show_state)
        desk.message_did_change.connect(self.say)
        desk.action_did_finish.connect(self._action_finished)
        desk.overdue_did_change.connect(lambda _n: self._show_overdue())
        self.tick.timeout.connect(desk.check_overdue)
        self._language.language_did_change.connect(lambda _loc: self._language_changed())

    def set_portrait(self, portrait: bool) -> None:
        """On a portrait screen the ticket sits above the waiting list and the panels
        (side by side they need more width than such a screen has)."""
        self.top.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.action_bar.set_per_row(PORTRAIT_PER_ROW if portrait else PER_ROW)

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        self.show_side(None)
        self.say("", False)
        self.tick.start()
        self.desk.check_overdue()
        self.retranslate()

    def stop(self) -> None:
        self.tick.stop()

    # -- panels ----------------------------------------------------------------------------
    def show_side(self, panel: QWidget | None) -> None:
        if panel is self.finish_panel:
            self.finish_panel.reset()
        self.side.setCurrentIndex(0 if panel is None else self.side.indexOf(panel))
        # "Anything else?" offers the complaint itself: one such button on screen
        self.complaint_button.setVisible(panel not in (self.anything_else, self.complaint_panel))

    def _action_finished(self) -> None:
        """After an action: "anything else?" once a visit is finished; a panel whose
        action was refused stays open with what was typed; else the waiting list."""
        side = self.side.currentWidget()
        if self._warned and side in (self.anything_else, self.complaint_panel):
            return
        if side in (self.finish_panel, self.anything_else, self.complaint_panel):
            self._after_visit()
        else:
            self.show_side(None)

    def _after_visit(self) -> None:
        finished = self.desk.last_finished
        if finished is None:
            self.show_side(None)
            return
        loc = self._language.loc
        self.anything_else.set_visit(finished.code, finished.service_slug, self.desk.catalogue, loc)
        self.show_side(self.anything_else)

    def _nothing_else(self) -> None:
        self.desk.nothing_else()
        self.show_side(None)

    def _open_complaint(self) -> None:
        ticket = self.desk.current or self.desk.last_finished
        self.complaint_panel.reset(ticket.code if ticket else "")
        self.complaint_panel.retranslate(self._language.loc)
        self.show_side(self.complaint_panel)

    def _show_overdue(self) -> None:
        count = self.desk.overdue
        text = overdue_line(self._language.loc, count)
        self.overdue.setText(text)
        self.overdue.setAccessibleName(text)
        self.overdue.setVisible(bool(count))

    def _call_selected(self) -> None:
        chosen = self.waiting_list.selected_ticket()
        if chosen is not None:
            self.desk.call(chosen.ticket_id)

    def _open_transfer(self) -> None:
        current = self.desk.current.service_slug if self.desk.current else ""
        self.transfer_panel.set_services(self.desk.catalogue, current, self._language.loc)
        self.show_side(self.transfer_panel)

    def _open_pause(self) -> None:
        self.pause_panel.set_catalogue(self.desk.catalogue)
        if self.desk.current is not None:
            self.pause_panel.select_service(self.desk.current.service_slug)
        self.show_side(self.pause_panel)

    # -- showing ---------------------------------------------------------------------------
    def say(self, text: str, warning: bool) -> None:
        self._warned = warning
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setProperty("role", "warning" if warning else "success")
        repolish(self.message)
        self.message.setVisible(bool(text))

    def _enable(self) -> None:
        selected = self.waiting_list.selected_ticket() is not None
        self.action_bar.update_for(self.desk.current, selected, self.desk.busy)
        self.complaint_button.setEnabled(not self.desk.busy)

    def show_state(self) -> None:
        desk, loc = self.desk, self._language.loc
        now = desk.clock()
        self.ticket_panel.show_ticket(desk.current, desk.catalogue, loc, now)
        self.waiting_title.setText(
            loc.tr("Waiting for {counter_name}: {n}").format(
                counter_name=counter_label(desk.counter_id, desk.counter_name, loc),
                n=loc.number(len(desk.waiting)),
            )
        )
        self.waiting_list.setAccessibleName(self.waiting_title.text())
        palette = self._theme.palette
        self.waiting_list.show_tickets(desk.waiting, desk.catalogue, loc, now, palette)
        if self.side.currentWidget() is self.pause_panel:
            self.pause_panel.set_catalogue(desk.catalogue)
        self._render_held()
        self._enable()

    def _render_held(self) -> None:
        loc, held = self._language.loc, self.desk.held
        if list(held) != list(self.held_buttons):
            clear_layout(self.held_row)
            self.held_buttons = {}
            for ticket in held.values():
                button = make_button(f"console.held_{ticket.code}", self, role="small")
                button.clicked.connect(lambda _=False, t=ticket.ticket_id: self.desk.select_held(t))
                self.held_row.addWidget(button)
                button.show()
                self.held_buttons[ticket.ticket_id] = button
            self.held_row.addStretch(1)
        for ticket_id, button in self.held_buttons.items():
            button.setText(loc.tr("{code} (on hold)").format(code=held[ticket_id].code))
        self.held_caption.setText(loc.tr("On hold:") if held else "")
        self.held_caption.setAccessibleName(self.held_caption.text())
        self.held_caption.setVisible(bool(held))

    def _language_changed(self) -> None:
        # what the last action said was said in the other language: it goes, rather
        # than staying untranslated (the screen shows the state itself anyway)
        self.say("", False)
        self.retranslate()

    def retranslate(self) -> None:
        loc = self._language.loc
        self.action_bar.retranslate(loc)
        self.complaint_button.setText(loc.tr("Log a complaint…"))
        for panel in (
            self.finish_panel,
            self.transfer_panel,
            self.pause_panel,
            self.anything_else,
            self.complaint_panel,
        ):
            panel.retranslate(loc)
        if self.side.currentWidget() is self.transfer_panel:
            self._open_transfer()
        self._show_overdue()
        self.show_state()
