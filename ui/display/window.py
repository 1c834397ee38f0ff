"""The lobby display: latest calls, waiting counts with estimated waits, branch and clock.

It reads new queue events every ``poll_ms`` on the worker, so a call made at any
counter of the branch shows within a second; each call or recall is announced
(chime, then voice) through the :class:`~ui.display.announcer.Announcer` queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.board import CALL_KINDS, EventCursor
from kiosk.i18n import Catalogs
from kiosk.settings import Settings
from ui.common.connection import ConnectionMonitor
from ui.common.connection_banner import ConnectionBanner
from ui.common.language import Language
from ui.common.poller import Poller
from ui.common.queue_backend import QueueBackend, branch_watch
from ui.common.settings_in_force import SettingsInForce
from ui.common.shutdown import drain
from ui.common.theme import Theme
from ui.common.widgets import identify
from ui.common.worker import Worker
from ui.display.announcer import Announcer
from ui.display.calls_board import CallsBoard
from ui.display.fit import BoardFit, board_fit
from ui.display.options import DisplayOptions
from ui.display.rows import BoardLabel
from ui.display.snapshot import BoardSnapshot, read_board
from ui.display.style import display_stylesheet
from ui.display.waiting_board import WaitingBoard

log = logging.getLogger(__name__)


class DisplayWindow(QWidget):
    call_did_show = Signal(str, str)
    """Code and counter of a call (or recall) now on the board."""
    chime_did_play = Signal()
    board_did_update = Signal()

    def __init__(
        self,
        backend: QueueBackend,
        language: Language,
        theme: Theme,
        worker: Worker,
        catalogs: Catalogs,
        options: DisplayOptions | None = None,
        *,
        settings_check_ms: int = 5000,
    ) -> None:
        super().__init__()
        identify(self, "displayWindow")
        self.backend, self.language, self.theme, self.worker = backend, language, theme, worker
        self.settings_in_force = SettingsInForce(backend.settings, parent=self)
        self.settings_in_force.settings_did_change.connect(self._settings_changed)
        self.branch_watch = branch_watch(backend, worker, self.settings_in_force, settings_check_ms)
        self.options = options or DisplayOptions.from_settings(backend.settings)
        self.monitor = ConnectionMonitor(backend.db, worker, self.options.retry_ms)
        self.announcer = Announcer(catalogs, self.options)
        self.announcer.chime_did_play.connect(self.chime_did_play)
        self._cursor: EventCursor | None = None
        self._force = True
        self.closing = False
        self.body = QWidget()
        self.body.setObjectName("displayBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # the window takes its screen's size; the board fits itself into it (see apply_fit)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.body)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = ConnectionBanner(self.monitor)
        layout.addWidget(self.banner)
        self.header = header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.branch = BoardLabel("display.branch", "board_branch")
        self.clock = BoardLabel("display.clock", "board_clock")
        header.addWidget(self.branch, 3)
        header.addWidget(self.clock, 2)
        layout.addLayout(header)
        self.boards = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.calls = CallsBoard(self.options.calls_shown)
        self.waiting = WaitingBoard()
        self.boards.addWidget(self.calls)
        self.boards.addWidget(self.waiting)
        layout.addLayout(self.boards, 1)
        self.poller = Poller(
            worker,
            self.options.poll_ms,
            self._make_read,
            self._read,
            self._failed,
            paused=lambda: self.monitor.lost,
            parent=self,
        )
        self.refresh_timer = self._timer(self.options.refresh_ms, self._force_refresh)
        self.clock_timer = self._timer(1000, self._tick)
        self.rotate_timer = self._timer(self.options.rotate_ms, self._rotate)
        self.monitor.connection_did_return.connect(self._force_refresh)
        language.language_did_change.connect(lambda loc: theme.set_locale(loc.locale))
        language.language_did_change.connect(lambda _loc: self.retranslate())
        theme.set_locale(language.locale)
        theme.attach(self)
        self.fit: BoardFit | None = None
        self.apply_fit(board_fit(1920, 1080))
        self.retranslate()

    def _timer(self, interval: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        self.poller.start()
        self.branch_watch.start()
        self.refresh_timer.start()
        self.clock_timer.start()
        if self.options.rotate_ms > 0 and len(self.options.languages) > 1:
            self.rotate_timer.start()
        self.poll()

    def shutdown(self) -> None:
        """Stop polling and announcing, and wait for running jobs (the window is closing)."""
        self.closing = True
        self.poller.stop()
        self.branch_watch.stop()
        for timer in (self.refresh_timer, self.clock_timer, self.rotate_timer):
            timer.stop()
        self.monitor.stop()
        self.announcer.stop()
        drain(self.worker)

    # -- reading the queue -----------------------------------------------------------------
    def _force_refresh(self) -> None:
        self._force = True
        self.poll()

    def poll(self) -> None:
        """Read the queue now (not while the connection is lost: the monitor probes)."""
        if self.monitor.lost or self.closing:
            return
        self.poller.check()

    def _make_read(self) -> Callable[[], Any]:
        backend, cursor, force = self.backend, self._cursor, self._force
        shown = self.options.calls_shown
        self._force = False
        return lambda: read_board(backend, cursor, shown, force)

    def _read(self, result: Any) -> None:
        if self.closing:
            return
        self.monitor.succeeded()
        self._cursor, events, snapshot = result
        if snapshot is not None:
            self.show_snapshot(snapshot)
        for event in events:
            if event.kind in CALL_KINDS:
                counter = event.counter or ""
                self.announcer.announce(event.code, counter, event.counter_name)
                self.call_did_show.emit(event.code, counter)

    def _failed(self, error: BaseException) -> None:
        self._force = True
        if not self.monitor.failed(error):
            log.error("reading the queue failed", exc_info=error)

    def show_snapshot(self, snapshot: BoardSnapshot) -> None:
        self.calls.set_calls(snapshot.calls)
        self.waiting.set_queue(snapshot.catalogue, snapshot.counts, snapshot.estimates)
        self.board_did_update.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_fit(board_fit(event.size().width(), event.size().height()))

    def apply_fit(self, fit: BoardFit) -> None:
        """Lay the board out for a screen of ``fit``'s size: the boards side by side
        (landscape) or stacked (portrait), every text sized from the screen's height.
        Nothing here depends on the language shown."""
        if self.fit is not None and (self.fit.width, self.fit.height) == (fit.width, fit.height):
            return
        self.fit = fit
        pad = fit.space(40)
        self.header.setContentsMargins(pad, fit.space(16), pad, fit.space(8))
        self.branch.setFixedHeight(fit.lines["board_branch"])
        self.clock.setFixedHeight(fit.lines["board_clock"])
        QTimer.singleShot(0, self._tick)  # the clock's new width decides date or time alone
        # portrait: the date and time on their own line under the branch's name
        self.header.setDirection(
            QBoxLayout.Direction.TopToBottom if fit.stacked else QBoxLayout.Direction.LeftToRight
        )
        self.clock.setAlignment(
            (Qt.AlignmentFlag.AlignLeft if fit.stacked else Qt.AlignmentFlag.AlignRight)
            | Qt.AlignmentFlag.AlignVCenter
        )
        self.boards.setDirection(
            QBoxLayout.Direction.TopToBottom if fit.stacked else QBoxLayout.Direction.LeftToRight
        )
        self.boards.setContentsMargins(pad, fit.space(8), pad, fit.space(32))
        self.boards.setSpacing(fit.space(32))
        self.boards.setStretch(0, fit.calls_stretch)
        self.boards.setStretch(1, fit.waiting_stretch)
        self.body.setStyleSheet(display_stylesheet(fit))
        self.calls.apply_fit(fit)
        self.waiting.apply_fit(fit)

    # -- texts -----------------------------------------------------------------------------
    def _rotate(self) -> None:
        offered = self.options.languages
        current = self.language.locale
        index = offered.index(current) if current in offered else -1
        self.language.set_locale(offered[(index + 1) % len(offered)])

    def _settings_changed(self, settings: Settings) -> None:
        """A manager saved the branch's settings: the business day and the branch name
        apply at once, as on every kiosk; the waiting counts are read again."""
        self.backend.use_settings(settings)
        self.retranslate()
        self._force_refresh()

    def _tick(self) -> None:
        loc, zone = self.language.loc, self.settings_in_force.current.business.zone
        now = self.backend.clock()
        time = loc.time(now, zone)
        full = f"{loc.date(now.astimezone(zone).date())}  {time}"
        # where date and time do not fit (a portrait screen, a long date), the time alone
        fits = self.clock.fontMetrics().horizontalAdvance(full) <= self.clock.contentsRect().width()
        self.clock.setText(full if fits or not self.clock.isVisible() else time)

    def retranslate(self) -> None:
        loc = self.language.loc
        self.branch.setText(self.settings_in_force.current.kiosk.branch_name)
        self.setWindowTitle(self.branch.text())
        self.banner.retranslate(loc)
        self.calls.retranslate(loc)
        self.waiting.retranslate(loc)
        self._tick()
