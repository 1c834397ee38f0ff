"""The "are you still there?" overlay and the idle watcher behind it.

The kiosk's one :class:`~ui.common.activity.ActivityWatch` notes every touch, click and key. After
``idle_ms`` without one (on any screen but the welcome and ticket screens),
the overlay covers the current screen and counts down ``countdown_s`` seconds
(≥ 20, WCAG 2.2.1) with "I need more time". At zero the visit is recorded as
abandoned (if the customer had started) and everything they entered is wiped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.common.activity import ACTIVITY, ActivityWatch
from ui.common.language import Language
from ui.common.widgets import label, make_button
from ui.common.worker import Worker
from ui.customer.router import IDLE_WATCHED, Screen
from ui.customer.screens.base import ScreenRouter

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from kiosk.reception import Reception

__all__ = ["ACTIVITY", "IdleOverlay", "IdleWatcher"]


class IdleOverlay(QWidget):
    """Covers its parent (the kiosk window) with a dimmed panel and a countdown."""

    def __init__(self, parent: QWidget, language: Language) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._language = language
        self._seconds = 0
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("idlePanel")
        panel.setMaximumWidth(900)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(48, 48, 48, 48)
        inner.setSpacing(24)
        self.title = label("title")
        self.text = label()
        self.countdown = label("countdown", wrap=False)
        self.more_time = make_button("idle.more_time", panel, role="primary")
        for widget in (self.title, self.text, self.countdown):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(widget)
        inner.addWidget(self.more_time)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        parent.installEventFilter(self)
        language.language_did_change.connect(self._language_changed)
        self.hide()
        self.retranslate()

    def set_reach_line(self, px: int) -> None:
        """The seated layout: the warning and its button open below ``px``."""
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(11, 11 + px, 11, 11)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False

    def _language_changed(self, _loc: Localizer) -> None:
        if self.isVisible():  # else translated when it is next shown
            self.retranslate()

    def show_countdown(self, seconds: int) -> None:
        self._seconds = seconds
        self.setGeometry(self._host.rect())
        self.retranslate()
        self.raise_()
        self.show()
        self.more_time.setFocus()

    def retranslate(self, _loc: Localizer | None = None) -> None:
        loc = self._language.loc
        self.title.setText(loc.tr("Are you still there?"))
        self.text.setText(
            loc.tr("For your privacy, we will clear your choices when the countdown ends.")
        )
        self.countdown.setText(loc.number(self._seconds))
        self.countdown.setAccessibleName(
            loc.ntr("{n} second left", "{n} seconds left", self._seconds).format(
                n=loc.number(self._seconds)
            )
        )
        self.more_time.setText(loc.tr("I need more time"))


class IdleWatcher(QObject):
    idle_did_warn = Signal()
    idle_did_expire = Signal()

    def __init__(
        self,
        overlay: IdleOverlay,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        worker: Worker,
        idle_ms: int,
        countdown_s: int,
        tick_ms: int = 1000,
        activity: ActivityWatch | None = None,
    ) -> None:
        super().__init__(overlay)  # lives and dies with the window
        self.activity = activity or ActivityWatch(self)
        self.overlay = overlay
        self._language = language
        self._router = router
        self._reception = reception
        self._worker = worker
        self._countdown_s = countdown_s
        self.remaining = 0
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self.warn)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(tick_ms)
        self.tick_timer.timeout.connect(self._tick)
        overlay.more_time.clicked.connect(self.more_time)
        router.screen_did_change.connect(self._screen_changed)
        self.activity.did_see_activity.connect(self._touched)

    def set_timings(self, idle_ms: int, countdown_s: int) -> None:
        """New idle settings from a manager; a running wait keeps going with the new length."""
        self._countdown_s = countdown_s
        self.idle_timer.setInterval(idle_ms)

    @property
    def warning(self) -> bool:
        return self.overlay.isVisible()

    def _touched(self) -> None:
        if self.idle_timer.isActive():
            self.idle_timer.start()  # restart the wait

    def _wait(self, on: bool) -> None:
        if on:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()
        self.activity.want("idle", on)

    def _screen_changed(self, screen: Screen) -> None:
        self._stop_countdown()
        self._wait(screen in IDLE_WATCHED)

    def warn(self) -> None:
        """Show the countdown now (the idle time is up)."""
        self.activity.want("idle", False)  # only "I need more time" answers now
        self.remaining = self._countdown_s
        self.overlay.show_countdown(self.remaining)
        self.tick_timer.start()
        self.idle_did_warn.emit()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self._expire()
        else:
            self.overlay.show_countdown(self.remaining)

    def more_time(self) -> None:
        self._stop_countdown()
        if self._router.current in IDLE_WATCHED:
            self._wait(True)

    def stop(self) -> None:
        """Stop watching (shutdown)."""
        self._wait(False)
        self._stop_countdown()

    def _stop_countdown(self) -> None:
        self.tick_timer.stop()
        self.overlay.hide()

    def _expire(self) -> None:
        self._stop_countdown()
        self._wait(False)
        session = self._router.session
        if session.started and not session.finished:
            reception = self._reception
            slug = session.service_slug
            services = reception.catalogue().services
            service = next((s for s in services if s.slug == slug), None)
            visit = session.visit_input(self._language.locale, service)
            current = self._router.current
            screen = current.value if current is not None else None
            self._worker.run(lambda: reception.record_visit(visit, "abandoned", screen))
        self.idle_did_expire.emit()
        self._router.start_over()
