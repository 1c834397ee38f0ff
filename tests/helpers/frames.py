"""Camera frames the test feeds by hand: a real frame source (the camera adapter's
part), and the picture a camera sees of a printed ticket's QR code."""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from printing.compose import qr_image, qr_module

PAPER_DOTS = 512


class FedFrames:
    """A frame source the test feeds by hand (the camera adapter's part)."""

    def __init__(self) -> None:
        self.on_frame: Callable[[QImage], None] | None = None
        self.on_error: Callable[[str], None] | None = None
        self.starts = 0

    @property
    def running(self) -> bool:
        return self.on_frame is not None

    def start(self, on_frame: Callable[[QImage], None], on_error: Callable[[str], None]) -> None:
        self.on_frame, self.on_error = on_frame, on_error
        self.starts += 1

    def stop(self) -> None:
        self.on_frame = self.on_error = None

    def feed(self, image: QImage) -> None:
        if self.on_frame is not None:
            self.on_frame(image)

    def fail(self) -> None:
        on_error = self.on_error
        self.stop()
        assert on_error is not None
        on_error("unplugged")


def camera_frame(payload: str | None) -> QImage:
    """What the camera sees: a grey desk, and on it the QR code of ``payload`` exactly
    as the ticket prints it (none: a ticket's back)."""
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(QColor("#8a8a80"))
    if payload is not None:
        buffer = io.BytesIO()
        qr_image(payload, qr_module(PAPER_DOTS), PAPER_DOTS).save(buffer, "PNG")
        printed = QImage.fromData(buffer.getvalue())
        assert not printed.isNull()
        printed = printed.scaledToWidth(400)
        painter = QPainter(frame)
        painter.drawImage(QPoint(120, (480 - printed.height()) // 2), printed)
        painter.end()
    return frame
