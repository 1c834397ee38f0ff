"""QR codes read from a stream of pictures (a camera's frames), off the UI thread.

A :class:`FrameSource` (the camera adapter in :mod:`ui.common.camera`, or any other
supplier of ``QImage`` frames) calls back with each frame; :class:`QrFrameScanner`
decodes at most one frame per ``interval_ms`` on the worker, drops the frames that come
while one is being decoded, and emits ``reference_did_scan`` with the first text its
``accept`` filter takes (a ticket's reference, not any QR code held up to the camera).
The same text is not emitted twice in a row (a ticket held up for a while is read once)
until :meth:`QrFrameScanner.start` or :meth:`QrFrameScanner.forget`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

import zxingcpp
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from ui.common.worker import JobGroup, Worker

log = logging.getLogger(__name__)

DECODE_WIDTH = 1280
"""Wider frames are scaled down first: a ticket's QR code held to the camera stays
readable, and decoding stays short."""


class FrameSource(Protocol):
    """Pictures for the scanner: ``start`` calls ``on_frame`` with each one until
    ``stop``; ``on_error`` once, with a reason for the log, when none will come."""

    def start(self, on_frame: Callable[[QImage], None], on_error: Callable[[str], None]) -> None:
        """Begin delivering frames (on the UI thread)."""

    def stop(self) -> None:
        """Deliver no more frames and let go of the device."""


def decode_texts(image: QImage) -> tuple[str, ...]:
    """The texts of the QR codes in ``image`` (blocking: run it on the worker)."""
    try:
        if image.width() > DECODE_WIDTH:
            image = image.scaledToWidth(DECODE_WIDTH, Qt.TransformationMode.FastTransformation)
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
        # made per frame: a module-level one outlives the extension at exit (nanobind warns)
        only_qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        found = zxingcpp.read_barcodes(gray, formats=only_qr)
    except Exception:  # a frame that cannot be read is one frame fewer, not a failure
        log.warning("a camera frame could not be decoded", exc_info=True)
        return ()
    return tuple(barcode.text for barcode in found if barcode.valid)


class QrFrameScanner(QObject):
    reference_did_scan = Signal(str)

    def __init__(
        self,
        worker: Worker,
        accept: Callable[[str], bool],
        interval_ms: int = 250,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = JobGroup(worker)
        self._accept = accept
        self._interval = interval_ms / 1000
        self._monotonic = monotonic
        self._last_start: float | None = None
        self._last_text: str | None = None
        self.running = False
        self.decoded = 0
        """Frames decoded since the scanner was made (the others were dropped)."""

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    def start(self) -> None:
        self.running = True
        self._last_text = None

    def forget(self) -> None:
        """The next reading of the last text counts again (the customer moved on)."""
        self._last_text = None

    def stop(self) -> None:
        self.running = False
        self._jobs.discard()

    def push(self, image: QImage) -> None:
        """One frame: decoded on the worker, or dropped if one is being decoded or the
        last one started less than ``interval_ms`` ago."""
        if not self.running or self._jobs.busy or image.isNull():
            return
        now = self._monotonic()
        if self._last_start is not None and now - self._last_start < self._interval:
            return
        self._last_start = now
        self.decoded += 1
        self._jobs.run(lambda: decode_texts(image), self._decoded)

    def _decoded(self, texts: tuple[str, ...]) -> None:
        for text in texts:
            text = text.strip()
            if self.running and self._accept(text) and text != self._last_text:
                self._last_text = text
                self.reference_did_scan.emit(text)
                return
