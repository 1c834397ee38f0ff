"""``kiosk display``: the lobby's now-serving board, as its own process on a wall screen.

Settings → database → window on the chosen screen. Settings or a database that
cannot be used, or a screen that does not exist, stop start-up with a message on
stderr and exit status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_STARTUP_FAILED = 2


def run_display(config: Path | None, screen: int | None, fullscreen: bool) -> int:
    """Run the lobby display on screen number ``screen`` (default: the primary one)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.i18n import Catalogs
    from ui.common.errors import StartupError
    from ui.common.gc_guard import GuiThreadCollector
    from ui.common.language import Language
    from ui.common.queue_backend import open_queue_backend
    from ui.common.theme import Theme
    from ui.common.worker import Worker
    from ui.display.options import DisplayOptions
    from ui.display.window import DisplayWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector(app)  # Qt objects must never be collected on a worker
    collector.start()
    screens = app.screens()
    if screen is not None and not 0 <= screen < len(screens):
        print(  # noqa: T201 - the operator reads it in the log
            f"There is no screen {screen}: this machine has {len(screens)} (0 to {len(screens) - 1}).",
            file=sys.stderr,
        )
        return EXIT_STARTUP_FAILED
    try:
        backend = open_queue_backend(config)
    except StartupError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - the operator reads it in the log
        return EXIT_STARTUP_FAILED
    catalogs = Catalogs()
    settings = backend.settings
    options = DisplayOptions.from_settings(settings)
    language = Language(catalogs, options.languages[0], options.languages)
    theme = Theme(app, settings.display.high_contrast)
    window = DisplayWindow(backend, language, theme, Worker(), catalogs, options)
    target = screens[screen] if screen is not None else app.primaryScreen()
    full = fullscreen or settings.display.fullscreen
    if target is not None:
        # a bare X server has no window manager to make a window full screen: the
        # window takes the whole screen's geometry itself (taskbars included)
        window.setScreen(target)
        window.setGeometry(target.geometry() if full else target.availableGeometry())
    if full:
        window.showFullScreen()
    else:
        window.show()
    window.start()
    from ui.common.service_notify import supervise

    supervise(app)  # systemd: ready once the window is up, then watchdog pings
    try:
        return app.exec()
    finally:
        window.shutdown()
        backend.close()
