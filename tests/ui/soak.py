"""Many customer journeys in one process, as a branch lives through a day and more.

Used by the suite (a few hundred journeys, asserting that nothing grows) and by
``benchmarks/bench_soak.py`` (ten thousand, printing what it measured). Each
journey touches real controls by name through :class:`~tests.ui.driver.Kiosk`:
a language, the questionnaire (a different path each time), the service page and
its checklist, then one ending in turn: a printed ticket, a ticket the printer
refused, the "what to bring" list, back and start over, the idle countdown, or a
visit to the staff PIN pad. The business day moves on every ``journeys_per_day``.
"""

from __future__ import annotations

import contextlib
import gc
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.i18n import Catalogs
from ui.customer.backend import Backend, open_backend
from ui.customer.router import Screen
from ui.customer.screens.ticket import TicketScreen
from ui.customer.timings import Timings

from .conftest import make_settings
from .driver import Kiosk

LOCALES = ("en", "zh_Hans", "zh_Hant")
TICKET_ENDINGS = frozenset({"printed", "print_failed", "on_screen", "issue_failed", "refused"})
#: Timings for a soak: the idle countdown runs in milliseconds when a journey asks for it.
#: Controls timed together, by the first part of their name.
TIMED_BY_PREFIX = ("lang.", "answer.", "material.", "service.")
SOAK_TIMINGS = Timings(
    idle_ms=600_000,
    countdown_s=20,
    idle_tick_ms=2,
    ticket_return_ms=600_000,
    audit_first_check_ms=0,  # the daily audit check runs during the warm-up, not mid-count
)


class SwitchablePrinter:
    """A TCP printer on 127.0.0.1 that reads every job, or (``refusing``) resets each
    connection at once, so that the kiosk sees both print outcomes."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.refusing = False
        self.jobs = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                if self.refusing:  # RST at once: the job fails, nothing was printed
                    connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                    )
                    continue
                with contextlib.suppress(OSError):
                    while chunk := connection.recv(65536):
                        if b"\x10\x04" in chunk:  # DLE EOT: online, paper fine
                            connection.sendall(b"\x12" * chunk.count(b"\x10\x04"))
                self.jobs += 1

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._thread.join(timeout=2)


class LoopBot:
    """What :class:`Kiosk` needs of pytest-qt's ``qtbot``, for use outside pytest."""

    def __init__(self) -> None:
        self.widgets: list[QWidget] = []

    def addWidget(self, widget: QWidget) -> None:
        self.widgets.append(widget)

    def waitExposed(self, widget: QWidget, timeout: int = 5000) -> None:
        self.waitUntil(widget.isVisible, timeout)

    def waitUntil(self, predicate: Callable[[], Any], timeout: int = 5000) -> None:
        deadline = QDeadlineTimer(timeout)
        while True:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            outcome = predicate()
            if outcome is None or outcome:
                return
            if deadline.hasExpired():
                raise TimeoutError(f"not within {timeout} ms: {predicate}")
            time.sleep(0.0005)


class SoakClock:
    """The kiosk's clock: the business day moves on when the soak says so."""

    def __init__(self) -> None:
        self.day = 0

    def __call__(self) -> datetime:
        return datetime(2026, 11, 2, 2, 0, tzinfo=UTC) + timedelta(days=self.day)


@dataclass
class Sample:
    journeys: int
    rss_mib: float
    python_blocks: int
    gc_objects: int
    widgets: int
    refcounts: tuple[int, int, int]
    survivors: dict[str, int] = field(default_factory=dict)


#: Kinds whose instances must not pile up (they did: one per background job).
WATCHED_KINDS = ("Job", "_Relay", "_Runnable", "Visit", "Ticket", "TicketData", "Session")


def rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * 4096 / 2**20


def sample(journeys: int, window: QWidget) -> Sample:
    gc.collect()
    objects = gc.get_objects()
    kinds = Counter(type(o).__name__ for o in objects)
    return Sample(
        journeys=journeys,
        rss_mib=rss_mib(),
        python_blocks=sys.getallocatedblocks(),
        gc_objects=len(objects),
        widgets=len(window.findChildren(QWidget)),
        refcounts=(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)),
        survivors={kind: kinds[kind] for kind in WATCHED_KINDS},
    )


class Soak:
    def __init__(self, kiosk: Kiosk, printer: SwitchablePrinter, clock: SoakClock) -> None:
        self.kiosk = kiosk
        self.printer = printer
        self.clock = clock
        self.endings: Counter[str] = Counter()
        self.journeys = 0
        self.tap_timer: Any = None
        """A ``benchmarks.tap_timer.TapTimer`` watching the window, or None."""
        self.tap_times: dict[str, list[float]] = {}

    # -- helpers ---------------------------------------------------------------------------
    def _visible(self, prefix: str) -> list[QAbstractButton]:
        page = self.kiosk.current()
        found = [
            b
            for b in page.findChildren(QAbstractButton)
            if b.objectName().startswith(prefix) and b.isVisibleTo(page) and b.isEnabled()
        ]
        return sorted(found, key=lambda b: b.objectName())

    def _tap(self, button: QAbstractButton) -> None:
        self.click(button.objectName())

    def click(self, name: str) -> None:
        """Touch the control ``name``; with a :attr:`tap_timer`, time the tap to the end
        of the next painted frame (``benchmarks/tap_timer.py``), by kind of control."""
        timer = self.tap_timer
        if timer is None:
            self.kiosk.click(name)
            return
        button = self.kiosk.button(name)
        assert button.isVisible() and button.isEnabled(), name
        self.kiosk.scroll_to(button)
        kind = name.split(".")[0] if name.startswith(TIMED_BY_PREFIX) else name
        before = self.kiosk.router.current_page()

        def shown() -> QWidget:
            """The screen the tap brought up, or the control itself when it stayed."""
            overlay = self.kiosk.window.overlay
            if overlay is not None and overlay.isVisible():
                return overlay
            page = self.kiosk.router.current_page()
            return page if page is not None and page is not before else button

        try:
            seconds = timer.tap(button, shown, timeout_s=1.0)
        except TimeoutError:
            return  # nothing on screen changed (the language already chosen): no frame
        self.tap_times.setdefault(kind, []).append(seconds)

    # -- one journey -----------------------------------------------------------------------
    def journey(self, journeys_per_day: int = 300) -> str:
        k, n = self.kiosk, self.journeys
        self.journeys += 1
        if n and n % journeys_per_day == 0:
            self.clock.day += 1
        k.wait_screen(Screen.WELCOME)
        ending = self._staff_visit() if n % 50 == 49 else self._customer(n)
        self.endings[ending] += 1
        # What returning to the application's event loop does between two taps: the
        # driver taps from outside any loop, where deleteLater() would wait for ever.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return ending

    def _staff_visit(self) -> str:
        k = self.kiosk
        self.click("staff.enter")
        k.wait_screen(Screen.PIN_PAD)
        k.wait_pad()
        self.click("pin.cancel")
        k.wait_screen(Screen.WELCOME)
        return "staff pad"

    def _customer(self, n: int) -> str:
        k = self.kiosk
        self.click(f"lang.{LOCALES[n % 3]}")
        if n % 10 == 4:  # changes their mind about the language on the welcome screen
            self.click(f"lang.{LOCALES[(n + 1) % 3]}")
        self.click("welcome.start")
        k.wait_screen(Screen.QUESTIONNAIRE)
        depth = 0
        while k.screen is Screen.QUESTIONNAIRE:
            answers = self._visible("answer.")
            assert answers, "a question without answers"
            self._tap(answers[(n + depth) % len(answers)])
            depth += 1
            k.qtbot.waitUntil(
                lambda: k.screen in (Screen.QUESTIONNAIRE, Screen.SERVICE_DETAIL, Screen.SERVICES)
            )
            assert depth < 10, "the questionnaire loops"
        if k.screen is Screen.SERVICES:
            services = self._visible("service.")
            self._tap(services[n % len(services)])
        k.wait_screen(Screen.SERVICE_DETAIL)
        for index, material in enumerate(self._visible("material.")):
            if (n >> index) % 4:  # most customers have most things
                self._tap(material)
        choice = n % 10
        if choice == 3 and k.has("ticket.print_list"):
            self.click("ticket.print_list")
            k.wait_screen(Screen.BRING_LIST)
            self.click("list.done")
            k.wait_screen(Screen.WELCOME)
            return "what to bring"
        if choice == 6:
            self.click("nav.back")
            k.qtbot.waitUntil(lambda: k.screen is not Screen.SERVICE_DETAIL)
            self.click("nav.home")
            k.wait_screen(Screen.WELCOME)
            return "start over"
        if choice == 8:
            idle = k.window.idle
            assert idle is not None
            idle.warn()
            k.wait_screen(Screen.WELCOME)
            return "idle reset"
        take = k.button("ticket.take")
        if not (take.isVisible() and take.isEnabled()):
            self.click("nav.home")
            k.wait_screen(Screen.WELCOME)
            return "no ticket offered"
        self.printer.refusing = choice == 9
        self.click("ticket.take")
        k.wait_screen(Screen.TICKET)
        screen = k.router.page(Screen.TICKET)
        assert isinstance(screen, TicketScreen)
        k.qtbot.waitUntil(lambda: screen.state in TICKET_ENDINGS, timeout=8000)
        ending = f"ticket {screen.state}"
        self.click("ticket.done")
        k.wait_screen(Screen.WELCOME)
        return ending


@contextlib.contextmanager
def soak_kiosk(
    data_dir: Path, catalogs: Catalogs, qtbot: Any, catalogue: list[Path] | None = None
) -> Iterator[Soak]:
    """The real kiosk window on a SQLite file in ``data_dir`` and a TCP printer."""
    printer = SwitchablePrinter()
    clock = SoakClock()
    settings = make_settings(data_dir, printer.url)
    backend: Backend = open_backend(settings, catalogs, catalogue, clock)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = Kiosk.build(qtbot, settings, catalogs, backend, SOAK_TIMINGS, clock)
    try:
        yield Soak(kiosk, printer, clock)
    finally:
        kiosk.window.shutdown()
        kiosk.window.worker.wait_for_done(5000)
        backend.close()
        printer.close()
        kiosk.window.close()
        kiosk.window.deleteLater()
