"""Admin idle logout: no touch in the admin panel for a while signs the staff member out.

An application-wide event filter sees every press, touch, key and wheel event;
those aimed at the panel or at anything it opened (a file dialog, a combo popup)
restart a single-shot timer. When it fires, :attr:`AdminIdleGuard.idle_did_expire`
is emitted and the panel signs out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class AdminIdleGuard(QObject):
    idle_did_expire = Signal()

    def __init__(self, panel: QWidget, interval_ms: int) -> None:
        super().__init__(panel)
        self._panel = panel
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, interval_ms))
        self.timer.timeout.connect(self.idle_did_expire)
        self._watching = False

    @property
    def interval_ms(self) -> int:
        return self.timer.interval()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def touched(self) -> None:
        if self._watching:
            self.timer.start()

    def _inside_panel(self, widget: QWidget) -> bool:
        current: QWidget | None = widget
        while current is not None:
            if current is self._panel:
                return True
            current = current.parentWidget()  # crosses into dialogs the panel opened
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        is_drag = (
            kind == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and event.buttons() != Qt.MouseButton.NoButton
        )
        if (
            (kind in ACTIVITY or is_drag)
            and isinstance(watched, QWidget)
            and self._inside_panel(watched)
        ):
            self.timer.start()
        return False
