"""The kiosk window: the router with every screen, and the idle overlay on top.

The welcome screen exists from the start: it needs only a :class:`~ui.look.Look`
(branch name, languages, contrast), no database and no validated settings. The
other screens, the idle overlay and its watcher are built by
:meth:`KioskWindow.attach_backend` once the settings are validated and the
backend is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.clock import Clock, utc_now
from ui.language import Language
from ui.look import Look
from ui.router import Router, Screen
from ui.screens.welcome import WelcomeScreen
from ui.session import CustomerSession
from ui.theme import Theme
from ui.worker import Worker

if TYPE_CHECKING:
    from kiosk.settings import DisplaySection, Settings
    from ui.backend import Backend
    from ui.screens.idle import IdleOverlay, IdleWatcher


@dataclass(frozen=True)
class Timings:
    """Every timer of the customer screens, in ms (tests shorten them)."""

    idle_ms: int = 60_000
    countdown_s: int = 30
    idle_tick_ms: int = 1000
    ticket_return_ms: int = 30_000
    print_fallback_ms: int = 3000
    pin_tick_ms: int = 1000

    @classmethod
    def from_settings(cls, display: DisplaySection) -> Timings:
        return cls(
            idle_ms=display.idle_seconds * 1000,
            countdown_s=display.idle_countdown_seconds,
            ticket_return_ms=display.ticket_return_seconds * 1000,
        )


class KioskWindow(QWidget):
    def __init__(
        self,
        look: Look,
        language: Language,
        theme: Theme,
        worker: Worker,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setWindowTitle(look.branch_name)
        self.language = language
        self.theme = theme
        self.worker = worker
        self.clock = clock
        self.backend: Backend | None = None
        self.settings: Settings | None = None
        self.overlay: IdleOverlay | None = None
        self.idle: IdleWatcher | None = None
        self.session = CustomerSession(clock)
        self.router = Router(self.session, language, theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.router)
        self.welcome = WelcomeScreen(language, self.router, theme, look.branch_name)
        self.welcome.staff_requested.connect(lambda: self.router.go(Screen.PIN_PAD))
        self.router.add(Screen.WELCOME, self.welcome)
        language.language_did_change.connect(lambda loc: theme.set_locale(loc.locale))
        theme.set_locale(language.locale)
        theme.attach(self)

    def attach_backend(
        self, backend: Backend, settings: Settings, timings: Timings | None = None
    ) -> None:
        """Build the screens that need the database, then let customers in."""
        from ui.screens.bring_list import BringListScreen
        from ui.screens.idle import IdleOverlay, IdleWatcher
        from ui.screens.pin_pad import PinPadScreen
        from ui.screens.questionnaire import QuestionnaireScreen
        from ui.screens.service_detail import ServiceDetailScreen
        from ui.screens.services import ServicesScreen
        from ui.screens.staff_home import StaffHomeScreen
        from ui.screens.ticket import TicketScreen

        self.backend, self.settings = backend, settings
        t = timings or Timings.from_settings(settings.display)
        lang, router, reception, worker = self.language, self.router, backend.reception, self.worker
        branch = settings.kiosk.branch_name
        self.setWindowTitle(branch)
        self.welcome.set_branch_name(branch)
        router.add(Screen.QUESTIONNAIRE, QuestionnaireScreen(lang, router, reception))
        router.add(Screen.SERVICES, ServicesScreen(lang, router, reception))
        router.add(Screen.SERVICE_DETAIL, ServiceDetailScreen(lang, router, reception, worker))
        router.add(
            Screen.BRING_LIST,
            BringListScreen(
                lang, router, reception, worker, backend.printer, branch, t.ticket_return_ms
            ),
        )
        router.add(
            Screen.TICKET,
            TicketScreen(
                lang,
                router,
                reception,
                worker,
                backend.printer,
                t.ticket_return_ms,
                t.print_fallback_ms,
            ),
        )
        pin_pad = PinPadScreen(lang, router, backend.staff, self.clock, t.pin_tick_ms)
        staff_home = StaffHomeScreen(lang, router, reception, worker, settings.business.zone)
        pin_pad.staff_did_sign_in.connect(staff_home.set_member)
        router.add(Screen.PIN_PAD, pin_pad)
        router.add(Screen.STAFF_HOME, staff_home)
        self.overlay = IdleOverlay(self, lang)
        self.idle = IdleWatcher(
            self.overlay,
            lang,
            router,
            reception,
            worker,
            t.idle_ms,
            t.countdown_s,
            t.idle_tick_ms,
        )
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.welcome.set_ready(True)

    def shutdown(self) -> None:
        """Stop watching input and wait for running jobs (a print may take ~3 s)."""
        app = QApplication.instance()
        if app is not None and self.idle is not None:
            app.removeEventFilter(self.idle)
        if self.idle is not None:
            self.idle.stop()
        self.worker.wait_for_done(10_000)
