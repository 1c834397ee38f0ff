"""Drive the real kiosk window like a customer: find controls by name and touch them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.access import StaffMember
from kiosk.catalogue.model import LocalizedText
from kiosk.clock import Clock
from kiosk.db.models import Visit
from kiosk.i18n import Catalogs
from kiosk.reception import TicketSummary
from kiosk.settings import Settings
from ui.common.language import Language
from ui.common.qr_scan import FrameSource
from ui.common.theme import Theme
from ui.common.worker import Worker
from ui.customer.app import attach_backend
from ui.customer.backend import Backend
from ui.customer.look import Look
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase
from ui.customer.screens.pin_pad import PinPadScreen
from ui.customer.timings import Timings
from ui.customer.window import KioskWindow

W = TypeVar("W", bound=QWidget)

PORTRAIT = (1080, 1920)


MANAGER_PIN = "135792"


def texts(en: str, zh_hans: str, zh_hant: str) -> LocalizedText:
    return {"en": en, "zh_Hans": zh_hans, "zh_Hant": zh_hant}


class Kiosk:
    def __init__(self, qtbot: QtBot, window: KioskWindow, backend: Backend) -> None:
        self.qtbot = qtbot
        self.window = window
        self.backend = backend
        self._manager: StaffMember | None = None
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
        open_camera: Callable[[str], FrameSource] | None = None,
    ) -> Kiosk:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        display = settings.display
        language = Language(catalogs, display.default_language, display.languages)
        look = Look.from_settings(settings)
        window = KioskWindow(look, language, Theme(app, look.high_contrast), Worker(), clock)
        attach_backend(window, backend, settings, timings, open_camera)
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
        self.scroll_to(button)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    @staticmethod
    def scroll_to(widget: QWidget) -> None:
        """Scroll the control into view, as a customer would, before touching it.

        The touch scroller (``QScroller``, drag to scroll) holds back a press on a
        scrollable area to tell a tap from a drag and replays it where the *screen*
        position points; offscreen that replay never arrives. The driver taps like a
        mouse, so it takes the scroller off the area first (scrolling is by code)."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                QScroller.ungrabGesture(parent.viewport())
                parent.ensureWidgetVisible(widget)
                return
            parent = parent.parentWidget()

    def text(self, name: str) -> str:
        return self.find(name, QLabel).text()

    def wait_screen(self, screen: Screen, timeout: int = 3000) -> None:
        self.qtbot.waitUntil(lambda: self.screen == screen, timeout=timeout)

    def banner(self) -> str:
        """The status banner across every screen ("" while hidden)."""
        banner = self.window.banner
        return banner.text() if banner.isVisible() else ""

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

    # -- staff -----------------------------------------------------------------------------
    @property
    def pad(self) -> PinPadScreen:
        pad = self.router.page(Screen.PIN_PAD)
        assert isinstance(pad, PinPadScreen)
        return pad

    def wait_pad(self, mode: str | None = None, timeout: int = 3000) -> None:
        """Until the pad has answered (and is in ``mode``, if given)."""
        pad = self.pad
        self.qtbot.waitUntil(
            lambda: not pad.busy and pad.mode != "wait" and mode in (None, pad.mode),
            timeout=timeout,
        )

    def key_in(self, digits: str) -> None:
        """Type ``digits`` on the pad and press OK; returns once the pad answered."""
        self.wait_pad()
        for digit in digits:
            self.click(f"pin.{digit}")
        self.click("pin.ok")
        self.qtbot.waitUntil(lambda: not self.pad.busy, timeout=3000)

    def pad_message(self) -> str:
        return self.text("pin.message") if self.has("pin.message") else ""

    def open_pad(self) -> None:
        self.click("staff.enter")
        self.wait_screen(Screen.PIN_PAD)
        self.wait_pad()

    def sign_in(self, number: str, pin: str) -> None:
        """Staff number, then PIN, from the welcome screen to the staff home."""
        self.open_pad()
        self.key_in(number)
        self.key_in(pin)
        self.wait_screen(Screen.STAFF_HOME)

    def manager(self) -> StaffMember:
        """The first manager (staff number 1, :data:`MANAGER_PIN`), made on first use."""
        if self._manager is None:
            self._manager = self.backend.staff.create_first_manager(MANAGER_PIN, name="Mei")
        return self._manager

    # -- the branch changes things ---------------------------------------------------------
    def pause(
        self, slug: str, reason: LocalizedText | None, alternative: LocalizedText | None = None
    ) -> None:
        """Pause (or, with ``reason=None``, resume) a service as a counter would, elsewhere."""
        from kiosk.pause import pause_service

        assert self.window.settings is not None
        kiosk_id = self.window.settings.kiosk.id
        pause_service(self.backend.db, self.manager(), slug, reason, alternative, kiosk_id=kiosk_id)

    @contextmanager
    def catalogue_change(self, timeout: int = 3000) -> Iterator[None]:
        """Wait, after the block, until the kiosk's own check picked up its change."""
        runtime = self.window.runtime
        assert runtime is not None
        watch = runtime.branch_watch
        before = watch.changes
        yield
        watch.check()  # as the timer would, a little later
        self.qtbot.waitUntil(lambda: watch.changes > before, timeout=timeout)
