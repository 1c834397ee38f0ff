"""One watcher of touches, clicks, keys and wheels for every idle timer of the kiosk.

An application event filter written in Python runs for *every* event Qt delivers:
the hundreds of paint, layout, show and polish events of one screen change each
cross into Python. So there is only one, it is installed only while a timer
waits for a touch (a customer mid-journey, staff signed in), and once it has
seen a touch it steps aside for :data:`REST_MS` — the screen that touch brings up
is built and painted without it — and counts its return as one more touch, so an
idle timer never runs out earlier than it would have with every touch seen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)

REST_MS = 250
"""How long the filter stays out of the way after a touch (far below any idle time)."""


class ActivityWatch(QObject):
    did_see_activity = Signal()
    """A touch, click, key or wheel (or the end of a rest that may have hidden one)."""

    def __init__(self, parent: QObject | None = None, rest_ms: int = REST_MS) -> None:
        super().__init__(parent)
        self._wanted: set[str] = set()
        self._installed = False
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(rest_ms)
        self._rest.timeout.connect(self._rested)

    def want(self, who: str, on: bool) -> None:
        """``who`` has (or no longer has) a timer waiting for a touch."""
        if on:
            self._wanted.add(who)
        else:
            self._wanted.discard(who)
        if not self._rest.isActive():
            self._install(bool(self._wanted))

    @property
    def listening(self) -> bool:
        return self._installed

    def _install(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._installed:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._installed = on

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._install(False)
            self._rest.start()
            self.did_see_activity.emit()
        return False

    def _rested(self) -> None:
        if self._wanted:
            self._install(True)
            self.did_see_activity.emit()

    def note(self) -> None:
        """Activity no event filter sees: a key a shortcut took (the tactile keypad), the
        kiosk reading to the customer."""
        self.did_see_activity.emit()

    def stop(self) -> None:
        self._wanted.clear()
        self._rest.stop()
        self._install(False)
