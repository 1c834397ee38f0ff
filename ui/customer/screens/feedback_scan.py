"""A printed QR code read by the kiosk's camera, beside a code keypad: the ticket's on
"Rate a recent visit" (a small preview, ``feedback.scan``, captioned "Scan the QR code
on your ticket", or, when the camera cannot be used, a hint to type the number instead,
``feedback.scan_hint``), and a bring-list's where the customer comes back with one
(``list_return.scan``, ``list_return.scan_hint``).

Only built where ``[feedback] camera`` names one. The frames come from a
:class:`~ui.common.qr_scan.FrameSource`; :class:`~ui.common.qr_scan.QrFrameScanner`
decodes them on the worker and passes on what the screen's filter accepts (a ticket's
reference, a list's code), nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.feedback import is_reference
from kiosk.i18n import N_, Localizer
from ui.common.qr_scan import FrameSource, QrFrameScanner
from ui.common.widgets import identify, label
from ui.common.worker import Worker

log = logging.getLogger(__name__)

PREVIEW = QSize(240, 180)


class UnavailableCamera:
    """A camera that cannot be opened at all (Qt Multimedia missing): fails at once."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def start(self, on_frame: Callable[[QImage], None], on_error: Callable[[str], None]) -> None:
        on_error(self.reason)

    def stop(self) -> None:
        pass


def open_configured_camera(
    device: str, opener: Callable[[str], FrameSource] | None = None
) -> FrameSource:
    """The camera ``device`` through ``opener`` (default: Qt Multimedia's)."""
    if opener is None:
        try:
            from ui.common.camera import open_camera
        except ImportError as exc:
            log.warning("no camera: Qt Multimedia cannot be loaded (%s)", exc)
            return UnavailableCamera(str(exc))
        return open_camera(device)
    return opener(device)


class ScanPanel(QWidget):
    """The preview and its caption; the accessible name is the caption."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        identify(self, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setProperty("role", "card")
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self.caption = label("muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_text(self, text: str) -> None:
        self.caption.setText(text)
        self.setAccessibleName(text)

    def show_frame(self, image: QImage) -> None:
        scaled = image.scaled(
            PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
        self.preview.setPixmap(QPixmap.fromImage(scaled))


class CodeScan(QObject):
    """The camera, the scanner and what the screen shows of them: ``<prefix>.scan`` and
    ``<prefix>.scan_hint``, captioned with the msgids ``caption`` and ``hint``; only
    texts ``accept`` takes are passed on (a ticket's reference by default)."""

    reference_did_scan = Signal(str)

    def __init__(
        self,
        camera: FrameSource,
        worker: Worker,
        interval_ms: int,
        parent: QObject | None = None,
        *,
        accept: Callable[[str], bool] = is_reference,
        prefix: str = "feedback",
        caption: str = N_("Scan the QR code on your ticket"),
        hint: str = N_(
            "The camera cannot be used just now. Please type the number on your ticket."
        ),
    ) -> None:
        super().__init__(parent)
        self.camera = camera
        self._caption, self._hint = caption, hint
        self.scanner = QrFrameScanner(worker, accept, interval_ms, parent=self)
        self.scanner.reference_did_scan.connect(self.reference_did_scan)
        self.panel = ScanPanel(f"{prefix}.scan")
        self.hint = label("muted")
        identify(self.hint, f"{prefix}.scan_hint")
        self.hint.hide()
        self.running = False
        self.failed = False

    def start(self) -> None:
        """Show the camera's pictures and read them (a failed camera is tried again)."""
        if self.running:
            return
        self.running, self.failed = True, False
        self._show()
        self.scanner.start()
        self.camera.start(self._frame, self._failed)

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        self.scanner.stop()
        self.camera.stop()
        self.panel.preview.clear()

    def _frame(self, image: QImage) -> None:
        if not self.running:
            return
        self.panel.show_frame(image)
        self.scanner.push(image)

    def _failed(self, _reason: str) -> None:
        self.running = False
        self.failed = True
        self.scanner.stop()
        self._show()

    def _show(self) -> None:
        self.panel.setVisible(not self.failed)
        self.hint.setVisible(self.failed)

    def retranslate(self, loc: Localizer) -> None:
        self.panel.set_text(loc.tr(self._caption))
        hint = loc.tr(self._hint)
        self.hint.setText(hint)
        self.hint.setAccessibleName(hint)
