"""Sending one job's bytes to an opened-per-job printer within a deadline.

The whole job is rendered first (to a python-escpos ``Dummy``), so the
connection only carries bytes: it is opened (retried once, quickly, only when
the connect itself failed), fed in chunks with the time left
before the deadline as its timeout (connect and send alike), and, for TCP,
watched until the printer has taken every byte (the kernel's unacknowledged
send queue is empty), so a printer that accepts the connection but never reads
is reported rather than mistaken for success. It is closed in ``finally``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import struct
import termios
import time
from dataclasses import dataclass
from typing import Any

from printing.outcome import PrinterProblem, classify

CHUNK_BYTES = 4096
RETRY_PAUSE_S = 0.2
"""Pause before the one retry of a connection that could not be opened (nothing sent)."""
_MIN_RETRY_S = 0.1
"""Time that must be left after the pause for the retry to be worth it."""
_DRAIN_POLL_S = 0.005
_TIOCOUTQ: int | None = getattr(termios, "TIOCOUTQ", None)


@dataclass
class Progress:
    """Shared with the caller while the job runs in another thread."""

    opened: bool = False
    sent: int = 0
    attempts: int = 0
    """Connection attempts: 2 when the first connect failed and was retried."""


def _remaining(deadline: float) -> float:
    return deadline - time.monotonic()


def _socket_of(device: Any) -> socket.socket | None:
    candidate = getattr(device, "_device", None)
    return candidate if isinstance(candidate, socket.socket) else None


def apply_timeout(device: Any, kind: str, seconds: float) -> None:
    """Make the device's next operation give up after ``seconds``."""
    seconds = max(seconds, 0.001)
    if kind == "tcp":
        device.timeout = seconds
        sock = _socket_of(device)
        if sock is not None:
            sock.settimeout(seconds)
    elif kind == "usb":
        device.timeout = max(1, round(seconds * 1000))
    elif kind == "serial":
        device.timeout = seconds
        port = getattr(device, "_device", None)
        if port and hasattr(port, "write_timeout"):
            port.write_timeout = seconds


def _unacknowledged(sock: socket.socket) -> int | None:
    if _TIOCOUTQ is None:
        return None
    raw = fcntl.ioctl(sock.fileno(), _TIOCOUTQ, b"\0\0\0\0")
    value: int = struct.unpack("i", raw)[0]
    return value


def wait_drained(sock: socket.socket, deadline: float) -> None:
    """Return once the peer has acknowledged every byte; raise on reset or deadline."""
    while True:
        error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if error:
            raise OSError(error, os.strerror(error))  # e.g. ConnectionResetError
        pending = _unacknowledged(sock)
        if not pending:
            return
        if _remaining(deadline) <= 0:
            raise TimeoutError(f"the printer has not taken {pending} bytes")
        time.sleep(min(_DRAIN_POLL_S, max(_remaining(deadline), 0)))


def close_quietly(device: Any) -> None:
    with contextlib.suppress(Exception):
        device.close()


def open_device(device: Any, kind: str, deadline: float, progress: Progress) -> None:
    """Open ``device`` before ``deadline``, retrying once if the connect itself failed.

    Only an unreachable printer (refused, no route, not found) is retried, after
    :data:`RETRY_PAUSE_S`, and only if time is left: nothing was sent, so a
    retry cannot print anything twice. A connect that timed out has used its time.
    """
    while True:
        progress.attempts += 1
        apply_timeout(device, kind, _remaining(deadline))
        try:
            device.open()
        except Exception as exc:
            retry = progress.attempts == 1 and classify(exc, False) is PrinterProblem.UNREACHABLE
            if not retry or _remaining(deadline) < RETRY_PAUSE_S + _MIN_RETRY_S:
                raise
            close_quietly(device)
            time.sleep(RETRY_PAUSE_S)
            continue
        progress.opened = True
        return


def send_chunks(device: Any, kind: str, data: bytes, deadline: float, progress: Progress) -> None:
    """Hand ``data`` to the opened ``device`` in chunks before ``deadline`` (not yet confirmed).

    Never retries: once a byte is sent, a failure is reported as it is.
    """
    view = memoryview(data)
    for start in range(0, len(data), CHUNK_BYTES):
        left = _remaining(deadline)
        if left <= 0:
            raise TimeoutError("the printer did not take the ticket in time")
        apply_timeout(device, kind, left)
        chunk = bytes(view[start : start + CHUNK_BYTES])
        device._raw(chunk)
        progress.sent += len(chunk)


def confirm_sent(device: Any, kind: str, deadline: float) -> None:
    """Make sure what was sent arrived: TCP, every byte acknowledged; CUPS, the job submitted."""
    sock = _socket_of(device) if kind == "tcp" else None
    if sock is not None:
        wait_drained(sock, deadline)
    if kind == "cups":
        device.send()


def send_bytes(device: Any, kind: str, data: bytes, deadline: float, progress: Progress) -> None:
    """:func:`send_chunks`, then :func:`confirm_sent`."""
    send_chunks(device, kind, data, deadline, progress)
    confirm_sent(device, kind, deadline)


def send_job(device: Any, kind: str, data: bytes, deadline: float, progress: Progress) -> None:
    """Open ``device`` (see :func:`open_device`), send ``data`` before ``deadline``, close."""
    try:
        open_device(device, kind, deadline, progress)
        send_bytes(device, kind, data, deadline, progress)
    finally:
        close_quietly(device)
