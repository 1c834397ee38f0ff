"""Admin-mode idle: the staff home signs out after ``admin_idle_seconds`` without a touch.

The kiosk's :class:`~ui.common.activity.ActivityWatch` restarts a single-shot timer on
every touch, click, key or wheel while the staff home is shown. When it fires, ``idle_did_expire``
tells the window, which wipes what was shown and greets the next customer. (The
admin panel has its own guard with the same interval.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common.activity import ActivityWatch
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenRouter

DEFAULT_ADMIN_IDLE_MS = 60_000
WATCHED = frozenset({Screen.STAFF_HOME})


class StaffIdleWatcher(QObject):
    idle_did_expire = Signal()

    def __init__(
        self,
        router: ScreenRouter,
        interval_ms: int = DEFAULT_ADMIN_IDLE_MS,
        activity: ActivityWatch | None = None,
    ) -> None:
        super().__init__(router)
        self._router = router
        self.activity = activity or ActivityWatch(self)
        self.activity.did_see_activity.connect(self._touched)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle_did_expire)
        router.screen_did_change.connect(self._screen_changed)

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(max(1, interval_ms))
        if self.timer.isActive():
            self.timer.start()

    def _touched(self) -> None:
        if self.timer.isActive():
            self.timer.start()

    def _screen_changed(self, screen: Screen) -> None:
        if screen in WATCHED:
            self.timer.start()
        else:
            self.timer.stop()
        self.activity.want("staff", screen in WATCHED)

    def stop(self) -> None:
        self.timer.stop()
        self.activity.want("staff", False)
