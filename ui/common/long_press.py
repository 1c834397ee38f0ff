"""A button that acts only when held down for a while (the discreet staff entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common.widgets import KioskButton, identify

LONG_PRESS_MS = 2000


class LongPressButton(KioskButton):
    """Emits ``long_pressed`` after ``hold_ms`` of a continuous press; a tap does nothing."""

    long_pressed = Signal()

    def __init__(
        self, object_name: str, hold_ms: int = LONG_PRESS_MS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        identify(self, object_name)
        self.setProperty("role", "corner")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(hold_ms)
        self.hold_timer.timeout.connect(self._held)
        self.pressed.connect(self.hold_timer.start)
        self.released.connect(self.hold_timer.stop)

    def set_hold_ms(self, hold_ms: int) -> None:
        self.hold_timer.setInterval(hold_ms)

    def _held(self) -> None:
        if self.isDown() and self.isEnabled():
            self.long_pressed.emit()
