"""The "connection lost" banner both the console and the lobby display show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.i18n import Localizer
from ui.common.connection import ConnectionMonitor
from ui.common.widgets import identify


class ConnectionBanner(QLabel):
    """Hidden while the database answers; a warning line while it does not."""

    def __init__(self, monitor: ConnectionMonitor) -> None:
        super().__init__()
        self.setProperty("role", "warning")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        identify(self, "connection.banner")
        self.hide()
        monitor.connection_did_drop.connect(self.show)
        monitor.connection_did_return.connect(self.hide)

    def retranslate(self, loc: Localizer) -> None:
        self.setText(loc.tr("Connection to the queue lost — retrying…"))
        self.setAccessibleName(self.text())
