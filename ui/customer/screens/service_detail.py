"""Service guidance: what the service is, its steps, the wait, and the materials checklist.

The customer ticks what they have. While required items are unticked a plain
message names them with what to do about each, and the actions follow the
service's rule: take a ticket anyway (when allowed), or print the list of what
to bring and come back later. A paused or full service says why instead of
offering a ticket (see :class:`~ui.customer.screens.guidance_actions.GuidanceActions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.common.after_paint import after_paint
from ui.common.language import Language
from ui.common.widgets import CheckItem, centered_column, identify, label, scroll_area
from ui.common.worker import Job, Worker
from ui.customer.router import Screen
from ui.customer.screens.availability import GENERAL_ENQUIRY, enquiry_offered
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.guidance_actions import GuidanceActions
from ui.customer.screens.priority_choice import PriorityChoice
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.catalogue.model import Service
    from kiosk.i18n import Localizer
    from kiosk.reception import Reception, WaitEstimate


def queue_text(estimate: WaitEstimate | None, loc: Localizer) -> str:
    """ "3 people waiting · about 24 minutes"."""
    if estimate is None:
        return loc.tr("Checking the queue…")
    if estimate.people_ahead <= 0:
        return loc.tr("No one is waiting now.")
    people = loc.ntr("{n} person waiting", "{n} people waiting", estimate.people_ahead)
    about = loc.tr("about {duration}").format(duration=loc.minutes(estimate.minutes))
    return f"{people.format(n=loc.number(estimate.people_ahead))} · {about}"


class ServiceDetailScreen(ScreenBase):
    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        worker: Worker,
        state: KioskState | None = None,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._state = state or KioskState()
        self._service: Service | None = None
        self._estimate: WaitEstimate | None = None
        self._estimate_job: Job | None = None
        self._cancel_estimate: Callable[[], None] | None = None
        self.material_items: dict[str, CheckItem] = {}
        self.step_labels: list[QLabel] = []
        self._step_pool: list[QLabel] = []
        self._item_pool: list[CheckItem] = []
        self._shown: Service | None = None
        """The service the rows are filled for (it may outlive the customer's choice)."""
        self._syncing = False

        # Portrait: everything scrolls in one column above the actions. Landscape: the
        # service and its steps on the left (Back / Start over under them), the
        # checklist with what is missing on the right, above the actions it decides.
        self.columns = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom, self))
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(0)
        left, right = QVBoxLayout(), QVBoxLayout()
        for side in (left, right):
            side.setContentsMargins(0, 0, 0, 0)
            side.setSpacing(0)
            self.columns.addLayout(side)
        self.columns.setStretch(0, 1)
        page, column = centered_column()
        self._content_column = column
        column.addLayout(self.language_bar())
        self.title = self.make_headline()
        self.description = label("muted")
        self.queue = label("subtitle")
        self.steps_heading = label("subtitle")
        steps_host = QWidget()
        self.steps_layout = QVBoxLayout(steps_host)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.priority = PriorityChoice(router.session, self)  # next to the wait it changes
        self.priority.priority_did_change.connect(self._update_actions)
        for part in (
            self.title,
            self.description,
            self.queue,
            self.priority,
            self.steps_heading,
            steps_host,
        ):
            column.addWidget(part)
        column.addStretch(1)
        self.content_area = scroll_area(page)
        left.addWidget(self.content_area, 1)
        self.nav_panel, self._nav_column = centered_column()
        self._nav_column.setSpacing(16)
        _no_top_margin(self.nav_panel)
        self.nav_panel.hide()
        left.addWidget(self.nav_panel, 0)

        self.guidance = GuidanceActions(router.session, self._state, self)
        self.guidance.take_requested.connect(self._take)
        self.guidance.print_list_requested.connect(self._print_list)
        self.guidance.enquiry_requested.connect(self._enquiry)
        self._state.state_did_change.connect(self._update_actions)
        self.take_button = self.guidance.take_button
        self.print_list_button = self.guidance.print_list_button

        self.checklist = QWidget()
        checklist = QVBoxLayout(self.checklist)
        checklist.setContentsMargins(0, 0, 0, 0)
        checklist.setSpacing(16)
        self.materials_heading = label("subtitle")
        self.materials_intro = label("muted")
        materials_host = QWidget()
        self.materials_layout = QVBoxLayout(materials_host)
        self.materials_layout.setContentsMargins(0, 0, 0, 0)
        self.materials_layout.setSpacing(16)
        for part in (self.materials_heading, self.materials_intro, materials_host):
            checklist.addWidget(part)
        checklist.addWidget(self.guidance.notices)
        column.insertWidget(column.count() - 1, self.checklist)
        checklist_page, self._checklist_column = centered_column()
        checklist_page_layout = checklist_page.layout()
        assert checklist_page_layout is not None
        checklist_page_layout.setContentsMargins(48, 16, 48, 16)  # room for one more item
        self._checklist_column.addStretch(1)
        self.checklist_area = scroll_area(checklist_page)
        self.checklist_area.hide()
        right.addWidget(self.checklist_area, 1)

        bottom, bottom_column = centered_column()
        self.action_panel = bottom
        _no_top_margin(bottom)  # the content above ends with its own margin
        self._action_column = bottom_column
        bottom_column.setSpacing(16)
        bottom_column.addStretch(1)
        bottom_column.addWidget(self.guidance)
        self.nav = QWidget()
        nav = self.nav_bar()
        nav.setContentsMargins(0, 0, 0, 0)
        self.nav.setLayout(nav)
        bottom_column.addWidget(self.nav)
        right.addWidget(bottom, 0)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        """Move the checklist, "print the list" and the nav bar between the one column and
        the two (in landscape the checklist keeps the right column's height but for the
        button that takes the ticket)."""
        content, checklist_column = self._content_column, self._checklist_column
        actions, print_list = self.guidance.column, self.print_list_button
        if landscape:
            content.removeWidget(self.checklist)
            checklist_column.insertWidget(0, self.checklist)
            self._action_column.removeWidget(self.nav)
            actions.removeWidget(print_list)
            self._nav_column.addWidget(print_list)
            self._nav_column.addWidget(self.nav)
        else:
            checklist_column.removeWidget(self.checklist)
            content.insertWidget(content.count() - 1, self.checklist)
            self._nav_column.removeWidget(print_list)
            self._nav_column.removeWidget(self.nav)
            actions.addWidget(print_list)
            self._action_column.addWidget(self.nav)
        self.checklist_area.setVisible(landscape)
        self.nav_panel.setVisible(landscape)
        self.columns.setStretch(1, 1 if landscape else 0)
        inner = 24 if landscape else 48  # between the two columns: half the outer margin
        for panel, side in ((self.content_area.widget(), "right"), (self.nav_panel, "right")):
            _set_margin(panel, side, inner)
        for panel in (self.checklist_area.widget(), self.action_panel):
            _set_margin(panel, "left", inner)

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        self.leave()  # re-entered (the enquiry desk instead): drop the old estimate
        slug = self.router.session.service_slug
        if slug is None:
            return
        try:
            service = self._reception.catalogue().service(slug)
        except KeyError:  # removed from the catalogue meanwhile
            self.router.go(Screen.SERVICES)
            return
        self._show_service(service)
        self.priority.sync()
        self.content_area.verticalScrollBar().setValue(0)
        self._estimate = None
        # The estimate's queries wait for the screen's first frame: on the worker during
        # the tap they held the GIL while the screen laid itself out and painted.
        self._cancel_estimate = after_paint(self, lambda: self._ask_estimate(slug))
        self.retranslate()

    def _ask_estimate(self, slug: str) -> None:
        self._cancel_estimate = None
        self._estimate_job = self._worker.run(
            lambda: self._reception.estimate(slug), self._got_estimate, self._no_estimate
        )

    def leave(self) -> None:
        if self._cancel_estimate is not None:
            self._cancel_estimate()
            self._cancel_estimate = None
        if self._estimate_job is not None:
            self._estimate_job.discard()
            self._estimate_job = None

    def reset(self) -> None:
        """Forget the customer: no ticks, no service (the rows stay, refilled next time)."""
        self._service = None
        self._estimate = None
        self._syncing = True
        for item in self.material_items.values():
            item.setChecked(False)
        self._syncing = False
        self.priority.sync()

    def catalogue_did_change(self) -> None:
        self._service = None  # filled from the new catalogue when next shown
        self._shown = None

    def _got_estimate(self, estimate: WaitEstimate) -> None:
        self._estimate = estimate
        self.queue.setText(queue_text(estimate, self.loc))
        self._update_actions()

    def _no_estimate(self, _error: BaseException) -> None:
        self.queue.setText("")

    def _show_service(self, service: Service) -> None:
        """Fill the rows for ``service``: rows are made once, reused and hidden when unused
        (no widget is built or deleted on a tap), and the ticks follow the session."""
        if self._shown is not service:
            self._shown = service
            self._fill_rows(service)
        self._service = service
        have = self.router.session.materials_have
        self._syncing = True
        for material_id, item in self.material_items.items():
            if item.isChecked() != (material_id in have):
                item.setChecked(material_id in have)
        self._syncing = False

    def _fill_rows(self, service: Service) -> None:
        while len(self._step_pool) < len(service.steps):
            step_label = label()
            self.steps_layout.addWidget(step_label)
            self._step_pool.append(step_label)
        for index, step_label in enumerate(self._step_pool):
            step_label.setVisible(index < len(service.steps))
        self.step_labels = self._step_pool[: len(service.steps)]
        while len(self._item_pool) < len(service.materials):
            index = len(self._item_pool)
            item = CheckItem("", parent=self)
            item.toggled.connect(lambda on, i=index: self._ticked_row(i, on))
            self.materials_layout.addWidget(item)
            self._item_pool.append(item)
        self.material_items = {}
        self._syncing = True
        for index, item in enumerate(self._item_pool):
            used = index < len(service.materials)
            if used:
                self.material_items[service.materials[index].id] = item
                identify(item, f"material.{service.materials[index].id}")
            else:  # a spare row, hidden: keeps its last texts, never its ticks
                identify(item, f"material.spare_{index}")
                item.setChecked(False)
            item.setVisible(used)
        self._syncing = False

    def _ticked_row(self, index: int, on: bool) -> None:
        service = self._shown
        if self._syncing or service is None or index >= len(service.materials):
            return
        self._ticked(service.materials[index].id, on)

    def _ticked(self, material_id: str, on: bool) -> None:
        have = self.router.session.materials_have
        if on:
            have.add(material_id)
        else:
            have.discard(material_id)
        self._update_actions()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        service = self._service
        if service is None:
            return
        self.title.setText(loc.text(service.name))
        self.description.setText(loc.text(service.description))
        self._fit_priority_row()
        self.queue.setText(queue_text(self._estimate, loc))
        self.steps_heading.setText(loc.tr("How it works"))
        for index, (step_label, step) in enumerate(
            zip(self.step_labels, service.steps, strict=True)
        ):
            step_label.setText(f"{loc.number(index + 1)}.  {loc.text(step)}")
        has_materials = bool(service.materials)
        self.materials_heading.setVisible(has_materials)
        self.materials_intro.setVisible(has_materials)
        self.materials_heading.setText(loc.tr("What to bring"))
        self.materials_intro.setText(loc.tr("Touch each item you have with you."))
        for material in service.materials:
            item = self.material_items[material.id]
            item.setText(loc.text(material.text))
            item.set_tag(loc.tr("Required") if material.required else loc.tr("Optional"))
            item.set_hint(loc.text(material.note))
        self._update_actions()

    def _fit_priority_row(self) -> None:
        """The left column is never narrower than the priority choices' words (the scroll
        area would squeeze them: it does not read its content's minimum width)."""
        self.priority.retranslate(self.loc)
        page = self.content_area.widget().layout()
        assert page is not None
        margins = page.contentsMargins()
        bar = self.content_area.bar.sizeHint().width()
        needed = self.priority.row_width() + margins.left() + margins.right() + bar
        self.content_area.setMinimumWidth(needed)

    def _update_actions(self) -> None:
        service = self._service
        if service is None:
            return
        offered = enquiry_offered(self._reception.catalogue(), service)
        available = self.guidance.refresh(
            service, self._estimate, self.loc, offered, self.priority.needs_choice
        )
        self.priority.setVisible(available)
        self.priority.retranslate(self.loc)

    # -- actions ---------------------------------------------------------------------------
    def _take(self) -> None:
        self.router.go(Screen.TICKET)

    def _print_list(self) -> None:
        self.router.go(Screen.BRING_LIST)

    def _enquiry(self) -> None:
        self.router.session.choose_service(GENERAL_ENQUIRY, via_questionnaire=False)
        self.router.go(Screen.SERVICE_DETAIL)

    def go_back(self) -> None:
        session = self.router.session
        if session.via_questionnaire:
            self.router.go(Screen.QUESTIONNAIRE)
        else:
            self.router.go(Screen.SERVICES)


def _set_margin(panel: QWidget, side: str, px: int) -> None:
    layout = panel.layout()
    assert layout is not None
    margins = layout.contentsMargins()
    {"top": margins.setTop, "left": margins.setLeft, "right": margins.setRight}[side](px)
    layout.setContentsMargins(margins)


def _no_top_margin(panel: QWidget) -> None:
    _set_margin(panel, "top", 0)
