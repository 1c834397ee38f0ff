"""The composition root: look → window → (after first paint) settings → escpos → backend.

Start-up is staged for a fast first picture. The welcome screen needs only Qt,
the translations and a :class:`~ui.customer.look.Look` peeked from the settings file,
so it is painted first. Then, on the worker: the settings are validated
(pydantic), python-escpos gets its cache, and the database
(SQLAlchemy/SQLModel), the catalogue, staff and the printer are opened. A
settings file or catalogue that cannot be used stops start-up with a message
naming the file and the field: on stderr, in a dialog, and with exit status 2.

The whole kiosk is put together here: :class:`KioskApp` builds the worker, the
collector, the language, the theme and the window (with its welcome screen);
:func:`load_and_open` opens settings, printer library and backend on the worker;
:func:`attach_backend` builds the settings in force, the background watches, the
screens (through one :class:`~ui.customer.context.KioskContext`) and the idle
overlay, and wires them together.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.clock import Clock, utc_now
from kiosk.i18n import Catalogs
from ui.common.after_paint import after_paint
from ui.common.gc_guard import GuiThreadCollector
from ui.common.input_method import use_on_screen_keyboard
from ui.common.language import Language
from ui.common.theme import Theme
from ui.common.worker import Worker
from ui.customer.look import Look, default_config_path, peek
from ui.customer.timings import Timings
from ui.customer.window import KioskWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from kiosk.settings import Settings
    from ui.common.qr_scan import FrameSource
    from ui.customer.backend import Backend

_log = logging.getLogger(__name__)

EXIT_STARTUP_FAILED = 2
UI_SWITCH_INTERVAL_S = 0.001


def load_and_open(
    config: Path | None,
    settings: Settings | Callable[[], Settings] | None,
    catalogs: Catalogs,
    catalogue_files: Sequence[Path] | None,
    clock: Clock,
) -> tuple[Settings, Backend]:
    """Validate the settings, prepare python-escpos, open the backend (on the worker)."""
    from kiosk.settings import SettingsError, load_settings
    from printing.escpos_env import prepare_escpos
    from ui.common.errors import StartupError
    from ui.customer.backend import open_backend

    try:
        if callable(settings):
            settings = settings()
        elif settings is None:
            settings = load_settings(config)
    except SettingsError as exc:
        raise StartupError(str(exc), exc.lines) from None
    prepare_escpos(settings.cache_dir)
    source = str(config or default_config_path())
    backend = open_backend(settings, catalogs, catalogue_files, clock, source)
    return backend.settings or settings, backend


def attach_backend(
    window: KioskWindow,
    backend: Backend,
    settings: Settings,
    timings: Timings | None = None,
    open_camera: Callable[[str], FrameSource] | None = None,
) -> None:
    """The rest of the kiosk, once the database is open: the settings in force, the
    background watches, the screens and the idle overlay, wired together; then
    customers are let in. ``open_camera``: how the camera of ``[feedback] camera`` is
    opened (default: through Qt Multimedia)."""
    from ui.common.activity import ActivityWatch
    from ui.common.settings_in_force import SettingsInForce
    from ui.customer.context import KioskContext
    from ui.customer.screen_set import build_screens
    from ui.customer.screens.idle import IdleOverlay, IdleWatcher
    from ui.customer.speech.attach import attach_speech
    from ui.customer.watches.runtime import KioskRuntime

    window.backend = backend
    hidden = backend.printer.sections.hidden() if backend.printer is not None else ()
    window.settings_in_force = SettingsInForce(settings, hidden, window)
    window.settings_in_force.settings_did_change.connect(window.apply_branch_settings)
    t = window.timings = timings or Timings.from_settings(settings.display)
    branch = settings.kiosk.branch_name
    window.setWindowTitle(branch)
    window.welcome.set_branch_name(branch)
    window.seated.set_branch_name(branch)
    window.router.access.set_reach(settings.reach.geometry())
    window.welcome.staff_corner.set_hold_ms(t.long_press_ms)
    window.activity = activity = ActivityWatch(window)  # one input watcher for both timers
    window.runtime = runtime = KioskRuntime(
        window.router, backend, window.settings_in_force, window.worker, window.state, t, activity
    )
    window.context = context = KioskContext(
        language=window.language,
        router=window.router,
        worker=window.worker,
        state=window.state,
        clock=window.clock,
        theme=window.theme,
        backend=backend,
        settings=window.settings_in_force,
        timings=t,
        open_camera=open_camera,
    )
    window.screens = screens = build_screens(context)
    if runtime.printer is not None:
        screens.ticket.ticket_did_print.connect(runtime.printer.note_outcome)
        screens.staff_home.print_did_finish.connect(runtime.printer.note_outcome)
        screens.staff_home.printer_check_requested.connect(runtime.printer.check)
    screens.ticket.service_did_refuse.connect(lambda _reason: runtime.branch_watch.check())
    screens.pin_pad.staff_did_sign_in.connect(lambda _member: runtime.load_admin_idle())
    screens.pin_pad.manager_did_confirm.connect(window.exit_kiosk)
    screens.staff_home.exit_kiosk_requested.connect(window.confirm_exit)
    screens.staff_home.set_kiosk_mode(window.lockdown.active)
    runtime.staff_idle.idle_did_expire.connect(lambda: window.router.start_over())
    window.overlay = window.seated.overlay = IdleOverlay(window, window.language)
    window.idle = IdleWatcher(
        window.overlay,
        window.language,
        window.router,
        backend.reception,
        window.worker,
        t.idle_ms,
        t.countdown_s,
        t.idle_tick_ms,
        activity,
    )
    window.speech = attach_speech(window, settings)
    runtime.start()
    window.welcome.set_ready(True)


class KioskApp(QObject):
    """Builds the window, opens the backend after the first paint, reports failure."""

    app_did_paint = Signal()
    """The welcome screen has been painted (the backend opens next)."""
    app_did_start = Signal()
    app_did_fail = Signal(str)

    def __init__(
        self,
        app: QApplication,
        look: Look,
        *,
        config: Path | None = None,
        settings: Settings | Callable[[], Settings] | None = None,
        catalogue_files: Sequence[Path] | None = None,
        timings: Timings | None = None,
        clock: Clock = utc_now,
        exit_app: Callable[[int], None] | None = None,
        fullscreen: bool = False,
        lockdown: bool = False,
        hide_cursor: bool = False,
        staff_button: bool | None = None,
    ) -> None:
        """``lockdown``: kiosk mode (full screen, on top, cannot be closed without a
        manager's PIN); ``staff_button``: show ``staff.enter`` (default: not in kiosk mode)."""
        super().__init__()
        self.app = app
        self._config = config
        self._settings = settings
        self._catalogue_files = catalogue_files
        self._timings = timings
        self._exit = exit_app or app.exit
        self._fullscreen = fullscreen or look.fullscreen
        self._lockdown = lockdown or look.kiosk_mode
        self._hide_cursor = hide_cursor or look.hide_cursor
        self._clock = clock
        # The worker's Python (queries, ticket rendering) gives the GIL back to the UI
        # thread after 1 ms instead of 5: a tap's frame never waits a whole slice for it.
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
        self.catalogs = Catalogs()
        self.worker = Worker()
        self.collector = GuiThreadCollector(self)
        self.collector.start()
        self.language = Language(self.catalogs, look.default_language, look.languages)
        self.theme = Theme(app, look.high_contrast)
        self.window = KioskWindow(
            look,
            self.language,
            self.theme,
            self.worker,
            clock,
            staff_button=_staff_button(staff_button, look, self._lockdown),
        )
        self.window.lockdown.window_lost.connect(self._window_lost)
        self.error_dialog: QMessageBox | None = None
        self._warmed: set[str] = set()

    def start(self) -> None:
        """Show the welcome screen; the rest opens once it has been painted."""
        after_paint(self.window.welcome, self._first_paint)
        screen = self.window.screen() or self.app.primaryScreen()
        if self._lockdown or self._fullscreen:
            if screen is not None:  # a bare X server (no window manager) leaves it as it is
                self.window.setGeometry(screen.geometry())
            if self._lockdown:
                self.window.lock_down(self._hide_cursor)
            else:
                self.window.showFullScreen()
            return
        # The whole of the screen it opens on that the desktop leaves to windows (less
        # any panel), in that screen's own orientation; maximised where a window
        # manager frames it, so the frame does not push the bottom off the screen.
        if screen is not None:
            self.window.setGeometry(screen.availableGeometry())
        self.window.showMaximized()

    def _window_lost(self) -> None:
        from ui.customer.screen_hold import EXIT_WINDOW_LOST

        self._exit(EXIT_WINDOW_LOST)  # a supervisor starts a new kiosk with a new window

    def _first_paint(self) -> None:
        self._open()
        self.app_did_paint.emit()

    def _open(self) -> None:
        config, settings, catalogs = self._config, self._settings, self.catalogs
        files, clock = self._catalogue_files, self._clock
        self.worker.run(
            lambda: load_and_open(config, settings, catalogs, files, clock),
            self._opened,
            self._failed,
        )

    def _opened(self, result: Any) -> None:
        settings, backend = result
        if backend.setup_code is not None:
            from kiosk.first_run import setup_instructions

            # for whoever installs the kiosk: its terminal, or the service's journal
            print(setup_instructions(backend.setup_code), file=sys.stderr, flush=True)  # noqa: T201
        attach_backend(self.window, backend, settings, self._timings)
        self.app_did_start.emit()
        if backend.printer is not None:
            # python-escpos, the logo and the ticket's fonts (≈8 MiB) are loaded when the
            # first customer leaves the welcome screen, seconds before any ticket: a kiosk
            # that nobody has used yet does not carry them.
            self.window.router.screen_did_change.connect(self._customer_did_arrive)
            self.language.language_did_change.connect(lambda loc: self._warm_printer(loc.locale))

    def _customer_did_arrive(self, _screen: object) -> None:
        self._warm_printer(self.language.locale)

    def _warm_printer(self, locale: str) -> None:
        """Fonts for ``locale``'s tickets, loaded once, when its first customer arrives."""
        backend = self.window.backend
        if locale in self._warmed or backend is None or backend.printer is None:
            return
        self._warmed.add(locale)
        printer = backend.printer
        self.worker.run(
            lambda: printer.warm_up((locale,)),
            on_error=lambda error: _log.warning(
                "printer fonts for %s not loaded: %s", locale, error
            ),
        )

    def _failed(self, error: BaseException) -> None:
        from ui.common.errors import StartupError

        if isinstance(error, StartupError):
            logged, message = str(error), error.text(self.language.loc)
        else:
            logged = message = f"Start-up failed: {error!r}"
        print(logged, file=sys.stderr)  # noqa: T201 - the operator reads it in the log
        self.app_did_fail.emit(message)
        # the message alone: no half-started "Getting ready…" window behind it
        self.window.hide()
        from PySide6.QtWidgets import QMessageBox  # only when start-up fails

        dialog = QMessageBox(QMessageBox.Icon.Critical, "Kiosk", message)
        dialog.setObjectName("startup.error")
        dialog.finished.connect(lambda _result: self._exit(EXIT_STARTUP_FAILED))
        self.error_dialog = dialog
        dialog.open()

    def shutdown(self) -> None:
        self.window.shutdown()
        if self.window.backend is not None:
            self.window.backend.close()
        self.collector.stop()


def run(
    config: Path | None = None,
    fullscreen: bool = False,
    exit_after_paint: bool = False,
    kiosk: bool = False,
    hide_cursor: bool = False,
) -> int:
    """``kiosk run``: the customer kiosk. Returns the process exit status.

    ``kiosk``: lockdown (see :mod:`ui.customer.lockdown`); leaving it needs a manager's PIN."""
    on_welcome = _quit_after_paint if exit_after_paint else None
    look = peek(config)
    use_on_screen_keyboard(look.on_screen_keyboard, os.environ)
    app = _application()
    kiosk_app = KioskApp(
        app,
        look,
        config=config,
        fullscreen=fullscreen,
        lockdown=kiosk,
        hide_cursor=hide_cursor,
    )

    def tell_supervisor() -> None:  # systemd: ready once customers are served
        from ui.common.service_notify import supervise

        supervise(app, kiosk_app.app_did_start)

    # After the first paint: nothing is reported before the backend is open anyway.
    kiosk_app.app_did_paint.connect(tell_supervisor)
    return _exec(app, kiosk_app, on_welcome)


def run_for_benchmark(data_dir: str, on_welcome: Callable[[QWidget], None]) -> int:
    """The start-up benchmark's entry: the real start-up with default settings in
    ``data_dir``; ``on_welcome`` gets the welcome screen before it is shown."""

    def settings() -> Settings:  # validated on the worker, after the first paint
        from kiosk.settings import settings_from_mapping

        return settings_from_mapping({"kiosk": {"data_dir": data_dir}})

    app = _application()
    return _exec(app, KioskApp(app, Look(), settings=settings), on_welcome)


def _staff_button(asked: bool | None, look: Look, lockdown: bool) -> bool:
    """Shown when asked for (flag, then settings); by default only outside kiosk mode."""
    for choice in (asked, look.staff_button):
        if choice is not None:
            return choice
    return not lockdown


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("lobby-kiosk")
    return app


def _exec(app: QApplication, kiosk: KioskApp, on_welcome: Callable[[QWidget], None] | None) -> int:
    if on_welcome is not None:
        on_welcome(kiosk.window.welcome)
    kiosk.start()
    status = app.exec()
    kiosk.shutdown()
    return status


def _quit_after_paint(welcome: QWidget) -> None:
    after_paint(welcome, QApplication.quit)
