"""The keypad's focus: a thick outline round the item being read, for a companion to follow.

Yellow between two black bands, so it stands out (≥ 3:1) against any background
of either theme; drawn on top of the window, never taking a touch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

BAND_PX = 3
RING_PX = 6
MARGIN_PX = BAND_PX * 2 + RING_PX
RING = QColor("#ffd400")
BAND = QColor("#000000")


class FocusRing(QWidget):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("a11y.focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._host = host
        self._target: QWidget | None = None
        host.installEventFilter(self)
        self.hide()

    @property
    def target(self) -> QWidget | None:
        return self._target

    def follow(self, widget: QWidget | None) -> None:
        """Outline ``widget`` (None: hide)."""
        self._target = widget
        self.place()

    def place(self) -> None:
        target = self._target
        if target is None or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(self._host, target.rect().topLeft())
        area = QRect(top_left, target.size()).adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)
        self.setGeometry(area.intersected(self._host.rect()))
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        for inset, color, width in (
            (0, BAND, BAND_PX),
            (BAND_PX, RING, RING_PX),
            (BAND_PX + RING_PX, BAND, BAND_PX),
        ):
            pen = QPen(color, width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = width / 2
            painter.drawRect(
                rect.adjusted(
                    int(inset + half), int(inset + half), -int(inset + half), -int(inset + half)
                )
            )
        painter.end()
