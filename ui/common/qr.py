"""QR codes as crisp pixmaps, drawn module by module from the ``qrcode`` matrix.

``qrcode`` (and the Pillow it brings, ~6 MiB) is imported at the first code, not
when the kiosk opens. The printer's warm-up, started on the worker when the first
customer leaves the welcome screen, normally imports it well before a ticket
screen draws one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

QUIET_ZONE = 2


def qr_pixmap(payload: str, size_px: int = 320) -> QPixmap:
    """A black-on-white QR code of ``payload`` about ``size_px`` square (whole modules)."""
    import qrcode

    code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(1, size_px // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * scale, y * scale, scale, scale)
    painter.end()
    return QPixmap.fromImage(image)
