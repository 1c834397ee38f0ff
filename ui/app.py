"""The composition root: settings → escpos cache → window → (after first paint) backend.

Start-up is staged for a fast first picture: the welcome screen needs only the
settings, the translations and Qt, so it is shown first; the database
(SQLAlchemy/SQLModel), the catalogue, staff and the printer (python-escpos)
are opened on the worker once the welcome screen has been painted. A settings
file or catalogue that cannot be used stops start-up with a message naming the
file and the field: on stderr, in a dialog when there is a window, and with a
non-zero exit status.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kiosk.clock import Clock, utc_now
from kiosk.i18n import Catalogs
from kiosk.settings import Settings, SettingsError, default_config_path, load_settings
from ui.language import Language
from ui.theme import Theme
from ui.window import KioskWindow, Timings
from ui.worker import Worker

EXIT_STARTUP_FAILED = 2


class KioskApp(QObject):
    """Builds the window, opens the backend after the first paint, reports failure."""

    app_did_start = Signal()
    app_did_fail = Signal(str)

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        *,
        settings_source: str = "settings",
        catalogue_files: Sequence[Path] | None = None,
        timings: Timings | None = None,
        clock: Clock = utc_now,
        exit_app: Callable[[int], None] | None = None,
        fullscreen: bool = False,
        open_backend: bool = True,
    ) -> None:
        super().__init__()
        self._open_backend_after_paint = open_backend
        self.app = app
        self.settings = settings
        self._settings_source = settings_source
        self._catalogue_files = catalogue_files
        self._exit = exit_app or app.exit
        self._fullscreen = fullscreen or settings.display.fullscreen
        self._clock = clock
        self.catalogs = Catalogs()
        self.worker = Worker()
        display = settings.display
        self.language = Language(self.catalogs, display.default_language, display.languages)
        self.theme = Theme(app, display.high_contrast)
        self.window = KioskWindow(settings, self.language, self.theme, self.worker, timings, clock)
        self.error_dialog: QMessageBox | None = None
        self._painted = False

    def start(self) -> None:
        """Show the welcome screen; the backend opens once it has been painted."""
        self.window.welcome.installEventFilter(self)
        if self._fullscreen:
            self.window.showFullScreen()
        else:
            screen = self.app.primaryScreen()
            size = screen.availableSize() if screen is not None else None
            width = min(1080, size.width()) if size else 1080
            height = min(1920, size.height()) if size else 1920
            self.window.resize(width, height)
            self.window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.window.welcome.removeEventFilter(self)
            if self._open_backend_after_paint:
                QTimer.singleShot(0, self._open_backend)
        return False

    def _open_backend(self) -> None:
        from ui.backend import open_backend

        settings, catalogs, files = self.settings, self.catalogs, self._catalogue_files
        source, clock = self._settings_source, self._clock
        self.worker.run(
            lambda: open_backend(settings, catalogs, files, clock, source),
            self._backend_ready,
            self._backend_failed,
        )

    def _backend_ready(self, backend: object) -> None:
        from ui.backend import Backend

        assert isinstance(backend, Backend)
        self.window.attach_backend(backend)
        self.app_did_start.emit()
        if backend.printer is not None:
            printer = backend.printer
            self.worker.run(printer.warm_up, on_error=lambda _exc: None)

    def _backend_failed(self, error: BaseException) -> None:
        from ui.backend import StartupError

        message = str(error) if isinstance(error, StartupError) else f"Start-up failed: {error!r}"
        print(message, file=sys.stderr)  # noqa: T201 - the operator reads it in the log
        self.app_did_fail.emit(message)
        dialog = QMessageBox(QMessageBox.Icon.Critical, "Kiosk", message, parent=self.window)
        dialog.setObjectName("startup.error")
        dialog.finished.connect(lambda _result: self._exit(EXIT_STARTUP_FAILED))
        self.error_dialog = dialog
        dialog.open()

    def shutdown(self) -> None:
        self.window.shutdown()
        if self.window.backend is not None:
            self.window.backend.close()


def run(config: Path | None = None, fullscreen: bool = False, exit_after_paint: bool = False) -> int:
    """``kiosk run``: the customer kiosk. Returns the process exit status."""
    source = str(config or default_config_path())
    try:
        settings = load_settings(config)
    except SettingsError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - before any window exists
        return EXIT_STARTUP_FAILED
    on_welcome = _quit_after_paint if exit_after_paint else None
    return _run_app(settings, source, fullscreen, on_welcome)


def run_for_benchmark(data_dir: str, on_welcome: Callable[[QWidget], None]) -> int:
    """The start-up benchmark's entry: the real start-up with default settings in ``data_dir``;
    ``on_welcome`` gets the welcome screen before it is shown (to time its first paint)."""
    from kiosk.settings import settings_from_mapping

    settings = settings_from_mapping({"kiosk": {"data_dir": data_dir}})
    return _run_app(settings, "benchmark", False, on_welcome)


def _run_app(
    settings: Settings,
    source: str,
    fullscreen: bool,
    on_welcome: Callable[[QWidget], None] | None = None,
) -> int:
    from printing.escpos_env import prepare_escpos

    prepare_escpos(settings.cache_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("lobby-kiosk")
    kiosk = KioskApp(app, settings, settings_source=source, fullscreen=fullscreen)
    if on_welcome is not None:
        on_welcome(kiosk.window.welcome)
    kiosk.start()
    status = app.exec()
    kiosk.shutdown()
    return status


class _QuitAfterPaint(QObject):
    """``--exit-after-first-paint``: quit as soon as the welcome screen is painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def _quit_after_paint(welcome: QWidget) -> None:
    welcome.installEventFilter(_QuitAfterPaint(welcome))
