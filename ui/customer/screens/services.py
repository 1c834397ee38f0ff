"""All services: a scrollable grid to browse instead of answering questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from ui.common.language import Language
from ui.common.widgets import HintButton, centered_column, clear_layout, label, scroll_area
from ui.customer.router import Screen
from ui.customer.screens.availability import pause_lines
from ui.customer.screens.base import ScreenBase, ScreenRouter

if TYPE_CHECKING:
    from kiosk.catalogue.model import Service
    from kiosk.reception import Reception

COLUMNS = 2


class ServicesScreen(ScreenBase):
    def __init__(self, language: Language, router: ScreenRouter, reception: Reception) -> None:
        super().__init__(language, router)
        self._reception = reception
        self.service_buttons: dict[str, HintButton] = {}
        self._services: list[Service] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column()
        column.addLayout(self.language_bar())
        self.title = self.make_headline()
        self.intro = label("muted")
        column.addWidget(self.title)
        column.addWidget(self.intro)
        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setContentsMargins(0, 8, 0, 8)
        self.grid.setSpacing(20)
        column.addWidget(grid_host)
        column.addStretch(1)
        self.content_area = scroll_area(page)
        outer.addWidget(self.content_area, 1)
        nav_page, nav_column = centered_column()
        nav_column.addLayout(self.nav_bar(back=False))
        outer.addWidget(nav_page, 0)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self._services = self._reception.catalogue().active_services
        for index, service in enumerate(self._services):
            button = HintButton(f"service.{service.slug}", parent=self)
            button.clicked.connect(lambda _=False, s=service.slug: self.choose(s))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            button.show()
            self.service_buttons[service.slug] = button
        for col in range(COLUMNS):
            self.grid.setColumnStretch(col, 1)

    def catalogue_did_change(self) -> None:
        clear_layout(self.grid)
        self.service_buttons = {}
        self._build()
        self.retranslate()

    def enter(self) -> None:
        self.content_area.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        self.title.setText(loc.tr("All services"))
        self.intro.setText(loc.tr("Touch a service to see what to bring and how it works."))
        for service in self._services:
            button = self.service_buttons[service.slug]
            button.setText(loc.text(service.name))
            paused = pause_lines(service, loc, short=True)
            button.set_hint("\n".join(paused) if paused else loc.text(service.description))
            button.setProperty("paused", "true" if paused else "false")

    def choose(self, slug: str) -> None:
        self.router.session.choose_service(slug, via_questionnaire=False)
        self.router.go(Screen.SERVICE_DETAIL)
