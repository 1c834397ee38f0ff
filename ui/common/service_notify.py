"""Telling the supervisor (systemd) how the app is doing: ``READY=1`` once it serves,
then ``WATCHDOG=1`` from the GUI thread's own event loop.

The pings come from a :class:`QTimer` on the GUI thread, so they stop when that
thread stops: a frozen screen (a deadlock, an endless loop, a stuck driver) is
killed and restarted by systemd after ``WatchdogSec``, exactly as a crash is.
Outside systemd (no ``NOTIFY_SOCKET``) this does nothing.

The protocol is sd_notify(3): one datagram per message to the ``AF_UNIX`` socket
named in ``NOTIFY_SOCKET`` (a leading ``@`` means the abstract namespace).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance

log = logging.getLogger(__name__)


class ServiceNotifier(QObject):
    def __init__(self, parent: QObject | None = None, environ: Mapping[str, str] | None = None):
        super().__init__(parent)
        env = os.environ if environ is None else environ
        self._address = env.get("NOTIFY_SOCKET") or None
        watchdog_pid = env.get("WATCHDOG_PID")
        usec = int(env.get("WATCHDOG_USEC", "0") or 0)
        if watchdog_pid and watchdog_pid != str(os.getpid()):
            usec = 0  # the watchdog is meant for another process
        self.interval_ms = max(usec // 2000, 1) if usec else 0
        """Half the watchdog period, as sd_watchdog_enabled(3) advises; 0 = no watchdog."""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        self.sent: dict[str, int] = {}
        """How many of each message went out (a count, so it stays small all day)."""

    @property
    def supervised(self) -> bool:
        return self._address is not None

    def ready(self) -> None:
        """The app serves customers (or staff) now; the watchdog starts."""
        self._send("READY=1")
        if self.interval_ms:
            self._timer.start(self.interval_ms)
            self.ping()

    def ping(self) -> None:
        self._send("WATCHDOG=1")

    def stopping(self) -> None:
        self._timer.stop()
        self._send("STOPPING=1")

    def _send(self, message: str) -> None:
        if self._address is None:
            return
        address = "\0" + self._address[1:] if self._address.startswith("@") else self._address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message.encode(), address)
        except OSError as exc:  # the supervisor went away: keep serving
            log.warning("Could not tell the supervisor %s: %s", message, exc)
            return
        self.sent[message] = self.sent.get(message, 0) + 1


def supervise(app: QCoreApplication, ready: SignalInstance | None = None) -> ServiceNotifier:
    """Report to the supervisor for ``app``: ready when ``ready`` fires (by default,
    as soon as the event loop runs, i.e. the window is up), stopping at quit."""
    notifier = ServiceNotifier(app)
    if ready is not None:
        ready.connect(notifier.ready)
    else:
        QTimer.singleShot(0, notifier.ready)
    app.aboutToQuit.connect(notifier.stopping)
    return notifier
