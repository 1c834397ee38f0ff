"""Drive the real kiosk window like a customer: find controls by name and touch them."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.clock import Clock
from kiosk.db.models import Visit
from kiosk.i18n import Catalogs
from kiosk.reception import TicketSummary
from kiosk.settings import Settings
from ui.backend import Backend
from ui.language import Language
from ui.look import Look
from ui.router import Screen
from ui.screens.base import ScreenBase
from ui.theme import Theme
from ui.window import KioskWindow, Timings
from ui.worker import Worker

W = TypeVar("W", bound=QWidget)

PORTRAIT = (1080, 1920)


class Kiosk:
    def __init__(self, qtbot: QtBot, window: KioskWindow, backend: Backend) -> None:
        self.qtbot = qtbot
        self.window = window
        self.backend = backend
        self.router = window.router
        self.session = window.session
        self.language = window.language

    @classmethod
    def build(
        cls,
        qtbot: QtBot,
        settings: Settings,
        catalogs: Catalogs,
        backend: Backend,
        timings: Timings,
        clock: Clock,
    ) -> Kiosk:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        display = settings.display
        language = Language(catalogs, display.default_language, display.languages)
        look = Look.from_settings(settings)
        window = KioskWindow(look, language, Theme(app, look.high_contrast), Worker(), clock)
        window.attach_backend(backend, settings, timings)
        qtbot.addWidget(window)
        window.resize(*PORTRAIT)
        window.show()
        qtbot.waitExposed(window)
        return cls(qtbot, window, backend)

    # -- finding and touching --------------------------------------------------------------
    @property
    def screen(self) -> Screen | None:
        return self.router.current

    def current(self) -> ScreenBase:
        assert self.screen is not None
        return self.router.page(self.screen)

    def find(self, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]  # QWidget is a W
        """The control called ``name`` on the screen in front (the overlay first)."""
        overlay = self.window.overlay
        places: list[QWidget] = [overlay] if overlay is not None and overlay.isVisible() else []
        places.append(self.current())
        for place in places:
            found = place.findChild(kind, name)
            if found is not None:
                return found
        raise LookupError(f"no {kind.__name__} '{name}' on {self.screen}")

    def has(self, name: str) -> bool:
        try:
            return self.find(name).isVisible()
        except LookupError:
            return False

    def button(self, name: str) -> QAbstractButton:
        return self.find(name, QAbstractButton)

    def click(self, name: str) -> None:
        button = self.button(name)
        assert button.isVisible(), f"{name} is not visible"
        assert button.isEnabled(), f"{name} is disabled"
        overlay = self.window.overlay
        if overlay is not None and overlay.isVisible():
            assert overlay.isAncestorOf(button), f"{name} is under the idle overlay"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def text(self, name: str) -> str:
        return self.find(name, QLabel).text()

    def wait_screen(self, screen: Screen, timeout: int = 3000) -> None:
        self.qtbot.waitUntil(lambda: self.screen == screen, timeout=timeout)

    def visible_texts(self) -> list[str]:
        """Every visible label and button text of the screen in front."""
        texts = []
        for widget in self.current().findChildren(QWidget):
            if not widget.isVisibleTo(self.current()):
                continue
            text: Any = getattr(widget, "text", None)
            if callable(text) and isinstance(widget, QLabel | QAbstractButton):
                value = text()
                if value:
                    texts.append(value)
        return texts

    # -- what was stored -------------------------------------------------------------------
    def tickets(self) -> list[TicketSummary]:
        return self.backend.reception.todays_tickets()

    def visits(self) -> list[Visit]:
        with self.backend.db.session() as session:
            return list(session.exec(select(Visit)).all())

    # -- common journeys -------------------------------------------------------------------
    def start(self, locale: str = "en") -> None:
        self.click(f"lang.{locale}")
        self.click("welcome.start")
        self.wait_screen(Screen.QUESTIONNAIRE)

    def open_account_guidance(self, locale: str = "en") -> None:
        self.start(locale)
        self.click("answer.topic_accounts")
        self.click("answer.open_new_account")
        self.wait_screen(Screen.SERVICE_DETAIL)
