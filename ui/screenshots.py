"""``kiosk screenshot``: every real screen, offscreen, portrait and landscape, as PNGs.

Runs the real window against a throw-away data folder (its own SQLite database
and preview printer), so it never touches the kiosk's database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
SERVICE_WITH_MATERIALS = "open_account"
ANSWERS_TO_SERVICE = ("topic_accounts", "open_new_account")
TICKED = ("id_document",)
REQUIRED_FOR_TICKET = ("proof_of_address",)


def take_screenshots(out: Path, locales: tuple[str, ...]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.i18n import Catalogs
    from kiosk.settings import settings_from_mapping
    from printing.escpos_env import prepare_escpos
    from ui.backend import StartupError, open_backend
    from ui.language import Language
    from ui.router import Screen
    from ui.theme import Theme
    from ui.window import KioskWindow, Timings
    from ui.worker import Worker

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        settings = settings_from_mapping({"kiosk": {"data_dir": tmp}})
        prepare_escpos(Path(tmp) / "cache")
        catalogs = Catalogs()
        try:
            backend = open_backend(settings, catalogs)
        except StartupError as exc:
            print(exc, file=sys.stderr)  # noqa: T201 - command-line report
            return 1
        worker = Worker()
        language = Language(catalogs, "en", settings.display.languages)
        theme = Theme(app)
        slow = Timings(idle_ms=10**8, countdown_s=30, ticket_return_ms=10**8)
        window = KioskWindow(settings, language, theme, worker, slow)
        window.attach_backend(backend)
        _seed_queue(backend)

        def settle(done: Callable[[], bool] = lambda: True, timeout: float = 10.0) -> None:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                app.processEvents()
                if done() and not worker.busy:
                    break
                time.sleep(0.01)
            for _ in range(3):
                app.processEvents()

        router, session = window.router, window.session
        written = 0
        for orientation, (width, height) in ORIENTATIONS.items():
            window.resize(width, height)
            window.show()
            for locale in locales:
                shots: list[tuple[str, Callable[[], None]]] = []

                def welcome(locale: str = locale) -> None:
                    router.start_over()
                    language.set_locale(locale)

                def questionnaire() -> None:
                    session.start()
                    router.go(Screen.QUESTIONNAIRE)

                def guidance() -> None:
                    questionnaire_screen = router.screen(Screen.QUESTIONNAIRE)
                    for answer in ANSWERS_TO_SERVICE:
                        questionnaire_screen.answer(answer)  # type: ignore[attr-defined]  # QuestionnaireScreen
                    detail = router.screen(Screen.SERVICE_DETAIL)
                    for material in TICKED:
                        detail.material_items[material].setChecked(True)  # type: ignore[attr-defined]  # ServiceDetailScreen

                def ticket() -> None:
                    detail = router.screen(Screen.SERVICE_DETAIL)
                    for material in REQUIRED_FOR_TICKET:
                        detail.material_items[material].setChecked(True)  # type: ignore[attr-defined]  # ServiceDetailScreen
                    router.go(Screen.TICKET)
                    ticket_screen = router.screen(Screen.TICKET)
                    settle(lambda: ticket_screen.state in ("printed", "print_failed"))  # type: ignore[attr-defined]  # TicketScreen

                def idle() -> None:
                    router.start_over()
                    language.set_locale(locale)
                    session.start()
                    router.go(Screen.QUESTIONNAIRE)
                    window.idle.warn()

                def pin_pad() -> None:
                    window.idle.more_time()
                    router.go(Screen.PIN_PAD)
                    for digit in "2468":
                        router.screen(Screen.PIN_PAD).press(digit)  # type: ignore[attr-defined]  # PinPadScreen

                def staff_home() -> None:
                    router.go(Screen.STAFF_HOME)

                shots = [
                    ("welcome", welcome),
                    ("questionnaire", questionnaire),
                    ("guidance", guidance),
                    ("ticket", ticket),
                    ("idle", idle),
                    ("pin_pad", pin_pad),
                    ("staff_home", staff_home),
                ]
                for number, (name, action) in enumerate(shots, start=1):
                    action()
                    settle()
                    path = out / f"{orientation}-{locale}-{number:02d}-{name}.png"
                    window.grab().save(str(path))
                    written += 1
        router.start_over()
        window.shutdown()
        backend.close()
    print(f"{written} screenshots in {out}")  # noqa: T201 - command-line report
    return 0


def _seed_queue(backend: object) -> None:
    """A few waiting tickets, one unprinted, so the screens show a real queue."""
    from datetime import UTC, datetime

    from kiosk.reception import VisitInput
    from kiosk.ticket import PrintStatus
    from ui.backend import Backend

    assert isinstance(backend, Backend)
    reception = backend.reception
    now = datetime.now(UTC)
    for index, slug in enumerate((SERVICE_WITH_MATERIALS, SERVICE_WITH_MATERIALS, "lost_card")):
        visit = VisitInput("en", now, service_slug=slug, materials_missing=("proof_of_address",))
        ticket = reception.take_ticket(visit)
        status = PrintStatus.FAILED if index == 1 else PrintStatus.PRINTED
        reception.set_print_status(ticket.ticket_id, status, "timeout" if index == 1 else None)
