"""A camera as a :class:`~ui.common.qr_scan.FrameSource`, through Qt Multimedia.

Imported only where a camera is configured: Qt Multimedia loads its media backend (and
says so in the log) when first used. Kept thin on purpose, since it needs a real camera:
it picks the device, and hands on at most ``fps`` frames a second as ``QImage``; a
missing device or a camera error is reported once through ``on_error``, and the
camera is released.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

log = logging.getLogger(__name__)

DEFAULT = "default"


def find_camera(device: str) -> QCameraDevice | None:
    """``default``: the system's default camera; else the first whose name contains
    ``device`` (any case) or whose id is ``device``."""
    if device.lower() == DEFAULT:
        chosen = QMediaDevices.defaultVideoInput()
        return None if chosen.isNull() else chosen
    wanted = device.lower()
    for camera in QMediaDevices.videoInputs():
        if wanted in camera.description().lower() or bytes(camera.id().data()) == device.encode():
            return camera
    return None


class CameraFrames(QObject):
    def __init__(self, device: str, fps: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._interval = 1 / fps
        self._last = 0.0
        self._on_frame: Callable[[QImage], None] | None = None
        self._on_error: Callable[[str], None] | None = None
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None

    def start(self, on_frame: Callable[[QImage], None], on_error: Callable[[str], None]) -> None:
        self.stop()
        self._on_frame, self._on_error = on_frame, on_error
        chosen = find_camera(self.device)
        if chosen is None:
            self._fail(f"no camera {self.device!r}")
            return
        self._camera = QCamera(chosen, self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._camera.errorOccurred.connect(self._camera_error)
        self._camera.start()

    def stop(self) -> None:
        self._on_frame = self._on_error = None
        if self._camera is not None:
            self._camera.stop()
        for part in (self._sink, self._session, self._camera):
            if part is not None:
                part.deleteLater()
        self._camera = self._session = self._sink = None

    def _frame(self, frame: QVideoFrame) -> None:
        now = time.monotonic()
        if self._on_frame is None or now - self._last < self._interval:
            return
        self._last = now
        image = frame.toImage()
        if not image.isNull():
            self._on_frame(image)

    def _camera_error(self, _error: QCamera.Error, text: str) -> None:
        self._fail(text or "camera error")

    def _fail(self, reason: str) -> None:
        on_error = self._on_error
        log.warning("camera %r: %s", self.device, reason)
        self.stop()
        if on_error is not None:
            on_error(reason)


def open_camera(device: str, parent: QObject | None = None) -> CameraFrames:
    return CameraFrames(device, parent=parent)
