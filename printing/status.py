"""Asking the printer how it is: ``DLE EOT n`` real-time status, read our own way.

python-escpos's ``is_online()``/``paper_status()`` are not used: ``paper_status()``
says paper is "adequate" on an empty reply, and both raise a bare
``TimeoutError`` on a printer that does not answer. Here each query is
``10 04 n``, its reply exactly one byte read within a short deadline and checked
against the bits ESC/POS fixes in every status byte (bit 0 = 0, bit 1 = 1,
bit 4 = 1, bit 7 = 0). An empty, late or garbled reply makes the state
``UNKNOWN`` — never "paper OK" — and stops the check (a late reply must not be
taken for the answer to the next question).

=====  ==========================  ===========================================
``n``  asks                        bits used
=====  ==========================  ===========================================
1      printer status              3: offline
2      offline cause (if offline)  2: cover open; 5: stopped at paper end;
                                   6: error
4      roll paper sensor           2–3: paper near end; 5–6: paper out
=====  ==========================  ===========================================

Only two-way links can answer: TCP, and serial or USB devices that can be read.
``file://`` and ``cups://`` are one-way (state ``UNKNOWN``); ``preview`` is
always ``ONLINE``.
"""

from __future__ import annotations

import contextlib
import enum
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

DLE_EOT = b"\x10\x04"
QUERY_SECONDS = 0.5
"""Default wait for one status reply."""
FIXED_MASK = 0b1001_0011
FIXED_BITS = 0b0001_0010
"""Bits 0, 1, 4 and 7 of every ``DLE EOT`` reply are 0, 1, 1 and 0."""
OFFLINE_BIT = 0x08
COVER_OPEN_BIT = 0x04
PAPER_END_STOP_BIT = 0x20
ERROR_BIT = 0x40
NEAR_END_BITS = 0x0C
PAPER_OUT_BITS = 0x60
TWO_WAY_KINDS = ("tcp", "serial", "usb")
"""Printer URL kinds whose link can carry a reply (serial and USB only if readable)."""
_USB_TIMEOUT_NAMES = {"USBTimeoutError", "USBTimeout"}


class PrinterState(enum.StrEnum):
    ONLINE = "online"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    UNKNOWN = "unknown"
    """No valid answer (silent, late, garbled, or a one-way link): printing is still tried."""
    UNREACHABLE = "unreachable"
    """The connection could not be opened."""

    @property
    def can_print(self) -> bool:
        """Worth sending a ticket: online, near end, or unknown (many printers never answer)."""
        return self in (PrinterState.ONLINE, PrinterState.PAPER_NEAR_END, PrinterState.UNKNOWN)

    @property
    def needs_staff(self) -> bool:
        """Staff should act: near end, paper out, cover open, offline or unreachable."""
        return self not in (PrinterState.ONLINE, PrinterState.UNKNOWN)


@dataclass(frozen=True)
class StatusReport:
    """A status check: the state, and what the printer actually said (for diagnostics)."""

    state: PrinterState
    replies: tuple[tuple[int, bytes], ...] = ()
    """``(n, reply)`` for each query sent, in order; ``b""`` when nothing came in time."""
    elapsed_s: float = 0.0
    detail: str = ""
    """Why the state is ``UNKNOWN``/``UNREACHABLE`` (no reply, garbled, an error...)."""
    error: BaseException | None = field(default=None, compare=False, repr=False)
    """The error that broke off the check (e.g. the connection was reset), if any."""

    @property
    def answered(self) -> bool:
        """The printer gave at least one valid reply (so it is worth asking again)."""
        return any(len(r) == 1 and valid_status_byte(r[0]) for _, r in self.replies)

    def describe(self) -> str:
        """``online [1:12 4:12]``: the state and the raw replies in hex, for logs."""
        raw = " ".join(f"{n}:{reply.hex() or '--'}" for n, reply in self.replies)
        text = f"{self.state} [{raw}]" if raw else str(self.state)
        return f"{text} ({self.detail})" if self.detail else text


def valid_status_byte(value: int) -> bool:
    return value & FIXED_MASK == FIXED_BITS


def state_from_replies(replies: Mapping[int, int]) -> PrinterState:
    """The state from valid reply bytes by ``n`` (a missing ``n`` was not answered)."""
    printer = replies.get(1)
    if printer is None:
        return PrinterState.UNKNOWN
    cause, paper = replies.get(2), replies.get(4)
    if printer & OFFLINE_BIT:
        if cause is not None and cause & COVER_OPEN_BIT:
            return PrinterState.COVER_OPEN
        stopped_at_end = cause is not None and cause & PAPER_END_STOP_BIT
        if stopped_at_end or (paper is not None and paper & PAPER_OUT_BITS):
            return PrinterState.PAPER_OUT
        return PrinterState.OFFLINE
    if paper is None:
        return PrinterState.UNKNOWN
    if paper & PAPER_OUT_BITS:
        return PrinterState.PAPER_OUT
    if paper & NEAR_END_BITS:
        return PrinterState.PAPER_NEAR_END
    return PrinterState.ONLINE


class StatusLink(Protocol):
    """The two-way side of an open printer connection."""

    def send(self, data: bytes, timeout: float) -> None: ...

    def read_reply(self, timeout: float) -> bytes:
        """What arrived within ``timeout`` seconds (one byte expected), ``b""`` if nothing."""
        ...

    def discard_input(self) -> None:
        """Drop bytes already received (a late reply, automatic status back)."""
        ...


class SocketLink:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        with contextlib.suppress(OSError):  # a question must not wait for the last ACK (Nagle)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send(self, data: bytes, timeout: float) -> None:
        self.sock.settimeout(timeout)
        self.sock.sendall(data)

    def read_reply(self, timeout: float) -> bytes:
        self.sock.settimeout(timeout)
        try:
            reply = self.sock.recv(1)
        except TimeoutError:
            return b""
        if not reply:
            raise ConnectionAbortedError("the printer closed the connection")
        return reply

    def discard_input(self) -> None:
        self.sock.settimeout(0.0)  # non-blocking: a timeout would make recv wait for data
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while self.sock.recv(4096):
                pass


class SerialLink:
    """A pyserial ``Serial`` port (``timeout`` and ``write_timeout`` in seconds)."""

    def __init__(self, port: Any) -> None:
        self.port = port

    def send(self, data: bytes, timeout: float) -> None:
        self.port.write_timeout = timeout
        self.port.write(data)

    def read_reply(self, timeout: float) -> bytes:
        self.port.timeout = timeout
        return bytes(self.port.read(1))

    def discard_input(self) -> None:
        self.port.reset_input_buffer()


class UsbLink:
    """A pyusb device with python-escpos's endpoints (timeouts in milliseconds)."""

    def __init__(self, device: Any, in_ep: int, out_ep: int) -> None:
        self.device, self.in_ep, self.out_ep = device, in_ep, out_ep

    def send(self, data: bytes, timeout: float) -> None:
        self.device.write(self.out_ep, data, max(1, round(timeout * 1000)))

    def read_reply(self, timeout: float) -> bytes:
        try:
            return bytes(self.device.read(self.in_ep, 64, max(1, round(timeout * 1000))))
        except Exception as exc:
            if type(exc).__name__ in _USB_TIMEOUT_NAMES:
                return b""
            raise

    def discard_input(self) -> None:
        for _ in range(8):
            if not self.read_reply(0.001):
                return


def link_for(device: Any, kind: str) -> StatusLink | None:
    """The status link of an *opened* python-escpos printer, or ``None`` if it is one-way."""
    opened = getattr(device, "_device", None)
    if kind == "tcp" and isinstance(opened, socket.socket):
        return SocketLink(opened)
    if kind == "serial" and hasattr(opened, "read") and hasattr(opened, "reset_input_buffer"):
        return SerialLink(opened)
    if kind == "usb" and hasattr(opened, "read") and hasattr(device, "in_ep"):
        return UsbLink(opened, device.in_ep, getattr(device, "out_ep", 0x01))
    return None


def query_status(
    link: StatusLink,
    deadline: float,
    per_query: float = QUERY_SECONDS,
    first_wait: float | None = None,
) -> StatusReport:
    """Ask ``DLE EOT`` 1, then 2 (only when offline), then 4, before ``deadline``.

    Each reply gets at most ``per_query`` seconds; the first one ``first_wait``
    if given (right after a job, the question waits behind the job's bytes).
    Never raises: an error on the link makes the state ``UNKNOWN`` with the
    error in ``detail``.
    """
    started = time.monotonic()
    replies: list[tuple[int, bytes]] = []
    valid: dict[int, int] = {}

    def ask(n: int) -> bool:
        wait = first_wait if first_wait is not None and not replies else per_query
        query_deadline = min(time.monotonic() + wait, deadline)
        if query_deadline - time.monotonic() <= 0:
            return False
        link.discard_input()
        link.send(DLE_EOT + bytes([n]), query_deadline - time.monotonic())
        reply = link.read_reply(max(0.001, query_deadline - time.monotonic()))
        replies.append((n, reply))
        if len(reply) != 1 or not valid_status_byte(reply[0]):
            return False
        valid[n] = reply[0]
        return True

    detail, error = "", None
    try:
        if ask(1) and (not valid[1] & OFFLINE_BIT or ask(2)):
            ask(4)
    except Exception as exc:  # a reset link, a USB or serial error: unknown, not a crash
        detail, error = repr(exc), exc
    state = state_from_replies(valid)
    if not detail and state is PrinterState.UNKNOWN:
        detail = _why_unknown(replies)
    elapsed = round(time.monotonic() - started, 4)
    return StatusReport(state, tuple(replies), elapsed, detail, error)


def _why_unknown(replies: list[tuple[int, bytes]]) -> str:
    n, reply = replies[-1] if replies else (0, b"")
    if not replies or (len(reply) == 1 and valid_status_byte(reply[0])):
        return "no time left to ask"
    return f"garbled reply to DLE EOT {n}" if reply else f"no reply to DLE EOT {n} in time"
