"""``kiosk console``: the counter console, as its own process at a counter's desk.

Settings → database → window. Settings or a database that cannot be used stop
start-up with a message on stderr and exit status 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXIT_STARTUP_FAILED = 2


def opening_size(available: tuple[int, int] | None) -> tuple[int, int]:
    """The console's first size: 1600×900 where the screen has room, else what it has;
    on a portrait screen the whole of it (the console then stacks its panels)."""
    if available is None:
        return 1600, 900
    width, height = available
    if height > width:
        return width, height
    return min(1600, width), min(900, height)


def run_console(config: Path | None, counter: str | None) -> int:
    """Run the counter console; ``counter`` opens that counter right after sign-in."""
    from PySide6.QtWidgets import QApplication

    from kiosk.i18n import Catalogs
    from ui.common.errors import StartupError
    from ui.common.gc_guard import GuiThreadCollector
    from ui.common.input_method import use_on_screen_keyboard
    from ui.common.language import Language
    from ui.common.queue_backend import open_queue_backend
    from ui.common.theme import Theme
    from ui.common.worker import Worker
    from ui.console.window import ConsoleWindow

    try:
        backend = open_queue_backend(config)
    except StartupError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - the operator reads it in the log
        return EXIT_STARTUP_FAILED
    # The sign-in, pause and finish panels have text fields and a counter has no
    # keyboard: Qt's on-screen one is asked for before the application exists.
    use_on_screen_keyboard(backend.settings.display.on_screen_keyboard, os.environ)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector(app)  # Qt objects must never be collected on a worker
    collector.start()
    catalogs = Catalogs()
    display = backend.settings.display
    language = Language(catalogs, display.default_language, display.languages)
    theme = Theme(app, display.high_contrast)
    worker = Worker()
    window = ConsoleWindow(backend, language, theme, worker, catalogs, counter)
    screen = app.primaryScreen()
    window.resize(*opening_size(screen.availableSize().toTuple() if screen else None))
    window.show()
    window.start()
    from ui.common.service_notify import supervise

    supervise(app)  # systemd: ready once the window is up, then watchdog pings
    try:
        return app.exec()
    finally:
        window.shutdown()
        backend.close()
