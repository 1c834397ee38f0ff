"""Telling systemd how the messenger is doing (sd_notify(3)): ``READY=1`` once it
runs, then ``WATCHDOG=1`` from its loop, at most every half watchdog period; a
messenger stuck (a hung gateway call, a locked database) stops pinging and is
restarted like a crash. Outside systemd (no ``NOTIFY_SOCKET``) it does nothing.
The GUI apps do the same from their event loop (``ui/common/service_notify.py``)."""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Supervisor:
    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self._address = env.get("NOTIFY_SOCKET") or None
        usec = int(env.get("WATCHDOG_USEC", "0") or 0)
        pid = env.get("WATCHDOG_PID")
        if pid and pid != str(os.getpid()):
            usec = 0  # meant for another process
        self.interval = usec / 2_000_000 if usec else 0.0
        self._last = 0.0

    def ready(self) -> None:
        self._send("READY=1")

    def ping(self) -> None:
        now = time.monotonic()
        if self.interval and now - self._last >= self.interval:
            self._last = now
            self._send("WATCHDOG=1")

    def stopping(self) -> None:
        self._send("STOPPING=1")

    def _send(self, message: str) -> None:
        if self._address is None:
            return
        address = "\0" + self._address[1:] if self._address.startswith("@") else self._address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(message.encode(), address)
        except OSError as exc:
            log.warning("systemd was not told %s: %s", message, exc)
