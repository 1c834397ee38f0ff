"""``kiosk screenshot``: every real screen, offscreen, at each screen size, as PNGs.

Runs the real window against a throw-away data folder (its own SQLite database
and preview printer), so it never touches the kiosk's database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.model import LocalizedText
    from ui.common.qr_scan import FrameSource
    from ui.customer.backend import Backend
    from ui.customer.window import KioskWindow

SCREENS = {
    "1080x1920": (1080, 1920),
    "1920x1080": (1920, 1080),
    "1366x768": (1366, 768),
    "1280x1024": (1280, 1024),
}
"""The screens a branch has: the kiosk's own portrait one, two landscape ones, one 5:4."""
SERVICE_WITH_MATERIALS = "open_account"
ANSWERS_TO_SERVICE = ("topic_accounts", "open_new_account")
TICKED = ("id_document",)
"""Ticked on the guidance shot: the other required item shows as missing."""
TICKED_FOR_TICKET = ("id_document", "proof_of_address")
SHOTS = (
    "welcome",
    "questionnaire",
    "guidance",
    "ticket",
    "idle",
    "pin_number",
    "pin_pad",
    "staff_home",
    "paused",
    "rate_code",
    "rate_score",
)
PAUSED_SERVICE = "lost_card"
PAUSE_REASON: LocalizedText = {
    "en": "The card printer is being repaired today.",
    "zh_Hans": "制卡机今天维修中。",
    "zh_Hant": "製卡機今日維修中。",
}
PAUSE_ALTERNATIVE: LocalizedText = {
    "en": "To block a lost card now, call the 24-hour card hotline.",
    "zh_Hans": "如需立即挂失，请致电24小时银行卡热线。",
    "zh_Hant": "如需即時報失，請致電24小時銀行卡熱線。",
}


class ScreenWalker:
    """Puts the real window in each state a screenshot shows."""

    def __init__(self, app: QApplication, window: KioskWindow) -> None:
        self.app = app
        self.window = window
        self.router = window.router

    def resize(self, size: str) -> None:
        """The window at one of :data:`SCREENS`; twice, since its screens change their
        layout (and so the window's minimum) for the new shape."""
        for _ in range(2):
            self.window.resize(*SCREENS[size])
            self.settle()

    def settle(self, done: Callable[[], bool] = lambda: True, timeout: float = 10.0) -> None:
        """Let background jobs answer and the layout settle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            if done() and not self.window.worker.busy:
                break
            time.sleep(0.01)
        for _ in range(3):
            self.app.processEvents()

    def show(self, name: str, locale: str) -> None:
        from ui.customer.router import Screen
        from ui.customer.screens.pin_pad import PinPadScreen
        from ui.customer.screens.questionnaire import QuestionnaireScreen
        from ui.customer.screens.service_detail import ServiceDetailScreen
        from ui.customer.screens.ticket import TicketScreen

        router, session, idle = self.router, self.window.session, self.window.idle
        assert idle is not None
        if name in ("welcome", "idle"):
            idle.more_time()
            router.start_over()
            self.window.language.set_locale(locale)
        if name in ("questionnaire", "idle"):
            session.start()
            router.go(Screen.QUESTIONNAIRE)
        if name == "idle":
            idle.warn()
        elif name == "guidance":
            questionnaire = router.page(Screen.QUESTIONNAIRE)
            assert isinstance(questionnaire, QuestionnaireScreen)
            for answer in ANSWERS_TO_SERVICE:
                questionnaire.answer(answer)
            guidance = router.page(Screen.SERVICE_DETAIL)
            self._tick(guidance, ServiceDetailScreen, TICKED)
            assert isinstance(guidance, ServiceDetailScreen)
            guidance.priority.toggle.setChecked(True)  # the customer asks for priority
            guidance.priority.choice_buttons["elderly"].click()
        elif name == "ticket":
            self._tick(router.page(Screen.SERVICE_DETAIL), ServiceDetailScreen, TICKED_FOR_TICKET)
            router.go(Screen.TICKET)
            ticket = router.page(Screen.TICKET)
            assert isinstance(ticket, TicketScreen)
            self.settle(lambda: ticket.state in ("printed", "print_failed"))
        elif name in ("pin_number", "pin_pad"):
            idle.more_time()
            router.go(Screen.PIN_PAD)
            pad = router.page(Screen.PIN_PAD)
            assert isinstance(pad, PinPadScreen)
            self.settle(lambda: pad.mode == "number")
            pad.press("1")
            if name == "pin_pad":
                pad.submit()
                self.settle(lambda: pad.mode == "pin")
                for digit in "2468":
                    pad.press(digit)
        elif name == "staff_home":
            self._staff_home()
        elif name in ("rate_code", "rate_score"):
            self._rate(name, locale)
        elif name == "paused":
            router.start_over()
            self.window.language.set_locale(locale)
            session.start()
            session.choose_service(PAUSED_SERVICE, via_questionnaire=False)
            router.go(Screen.SERVICE_DETAIL)
        self.settle()

    def _rate(self, name: str, locale: str) -> None:
        """Rate a recent visit: a number typed that is not found, or the score asked for."""
        from datetime import date

        from kiosk.feedback import RatableTicket
        from ui.customer.router import Screen
        from ui.customer.screens.feedback import FeedbackScreen, Step

        router = self.router
        router.start_over()
        self.window.language.set_locale(locale)
        router.go(Screen.FEEDBACK)
        screen = router.page(Screen.FEEDBACK)
        assert isinstance(screen, FeedbackScreen)
        for key in "A999":
            screen.keypad.keys[key].click()
        screen.look_up()
        self.settle(lambda: screen.message.isVisible())
        if name == "rate_score":
            screen.ticket = RatableTicket("-", "A023", date.today(), SERVICE_WITH_MATERIALS)
            screen.show_step(Step.SCORE)
            screen.choose_score(4)
            screen.reason_buttons["wait"].setChecked(True)

    def _staff_home(self) -> None:
        """Signed in, a row selected, the printer's paper nearly used up."""
        from kiosk.access import StaffMember
        from ui.customer.router import Screen
        from ui.customer.screens.staff_home import StaffHomeScreen

        router = self.router
        home = router.page(Screen.STAFF_HOME)
        assert isinstance(home, StaffHomeScreen)
        home.set_member(StaffMember(id=1, name="Mei Chan", role="manager", number="1"))
        router.go(Screen.STAFF_HOME)
        self.window.state.set_printer_state("paper_near_end")
        self.settle(lambda: bool(home.rows))
        home.table.selectRow(1)

    @staticmethod
    def _tick(screen: object, kind: type, materials: tuple[str, ...]) -> None:
        assert isinstance(screen, kind)
        for material in materials:
            screen.material_items[material].setChecked(True)  # type: ignore[attr-defined]  # a ServiceDetailScreen


@contextmanager
def walked_kiosk(data_dir: Path, camera: FrameSource | None = None) -> Iterator[ScreenWalker]:
    """The real window over its own database in ``data_dir`` (the built-in catalogue, a
    seeded queue, one service paused), ready to be walked; closed afterwards.
    ``camera``: the kiosk has one (``[feedback] camera``), and these are its pictures.

    Raises :class:`~ui.common.errors.StartupError` when the backend cannot open."""
    from PySide6.QtWidgets import QApplication

    from kiosk.i18n import Catalogs
    from kiosk.settings import settings_from_mapping
    from printing.escpos_env import prepare_escpos
    from ui.common.language import Language
    from ui.common.theme import Theme
    from ui.common.worker import Worker
    from ui.customer.app import attach_backend
    from ui.customer.backend import open_backend
    from ui.customer.look import Look
    from ui.customer.timings import Timings
    from ui.customer.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(data_dir)}}
        | ({"feedback": {"camera": "default"}} if camera is not None else {})
    )
    prepare_escpos(data_dir / "cache")
    catalogs = Catalogs()
    backend = open_backend(settings, catalogs)
    seed_queue(backend)
    language = Language(catalogs, "en", settings.display.languages)
    window = KioskWindow(Look.from_settings(settings), language, Theme(app), Worker())
    # the ticket screen shows its usual 30 s countdown, which never ticks here
    attach_backend(
        window,
        backend,
        settings,
        Timings(idle_ms=10**8, ticket_tick_ms=10**8),
        open_camera=None if camera is None else lambda _device: camera,
    )
    walker = ScreenWalker(app, window)
    runtime = window.runtime
    assert runtime is not None
    if runtime.printer is not None:
        runtime.printer.stop()  # the shots choose the printer's state
    runtime.branch_watch.check()  # the paused service
    walker.settle(lambda: runtime.branch_watch.changes > 0)
    try:
        yield walker
    finally:
        window.router.start_over()
        window.shutdown()
        window.close()
        backend.close()


def take_screenshots(
    out: Path,
    locales: tuple[str, ...],
    sizes: tuple[str, ...] = tuple(SCREENS),
    text_step: int = 0,
    seated: bool = False,
) -> int:
    """Every screen of :data:`SHOTS` at each of ``sizes`` (of :data:`SCREENS`), in each
    locale, as ``OUT/<width>x<height>/<locale>/<nn>-<screen>.png``; the customer's
    screens at ``text_step`` (of :data:`~ui.common.text_size.TEXT_STEPS`) and seated or
    not (the staff home as staff see it: signing in ends both)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.common.errors import StartupError

    out.mkdir(parents=True, exist_ok=True)
    written = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        try:
            with walked_kiosk(Path(tmp)) as walker:
                window = walker.window
                window.show()
                access = walker.router.access
                for size in sizes:
                    walker.resize(size)
                    for locale in locales:
                        folder = out / size / locale
                        folder.mkdir(parents=True, exist_ok=True)
                        for number, name in enumerate(SHOTS, start=1):
                            walker.show(name, locale)
                            if name == "staff_home":
                                access.reset()
                            else:
                                access.set_text_step(text_step)
                                access.set_seated(seated)
                            walker.settle()
                            window.grab().save(str(folder / f"{number:02d}-{name}.png"))
                            written += 1
        except StartupError as exc:
            print(exc, file=sys.stderr)  # noqa: T201 - command-line report
            return 1
    print(f"{written} screenshots in {out}")  # noqa: T201 - command-line report
    return 0


def seed_queue(backend: Backend) -> None:
    """A few waiting tickets, one unprinted, so the screens show a real queue; a manager;
    one service paused (as a counter would)."""
    from datetime import UTC, datetime

    from kiosk.pause import pause_service
    from kiosk.reception import VisitInput
    from kiosk.ticket import PrintStatus

    now = datetime.now(UTC)
    for index, slug in enumerate((SERVICE_WITH_MATERIALS, SERVICE_WITH_MATERIALS, "lost_card")):
        visit = VisitInput("en", now, service_slug=slug, materials_missing=("proof_of_address",))
        ticket = backend.reception.take_ticket(visit)
        failed = index == 1
        status = PrintStatus.FAILED if failed else PrintStatus.PRINTED
        backend.reception.set_print_status(ticket.ticket_id, status, "timeout" if failed else None)
    manager = backend.staff.create_first_manager("409217", name="Mei Chan")
    pause_service(
        backend.db, manager, PAUSED_SERVICE, PAUSE_REASON, PAUSE_ALTERNATIVE, kiosk_id="shots"
    )
