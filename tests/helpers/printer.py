"""A real TCP 'printer' on 127.0.0.1: records bytes, answers ``DLE EOT n`` in a chosen state.

Each connection is served in its own thread, like a printer's network card:
the bytes are recorded, every ``10 04 n`` request is answered with the status
byte of the current state (as a real printer does, wherever the sequence
appears), and :attr:`Connection.job` is what was received with the status
requests before and after the job taken off, so tests compare job bytes.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DLE_EOT = b"\x10\x04"
_FINE = 0x12
"""A status byte with only the fixed bits set (bit 1 and bit 4)."""

STATUS_BYTES: dict[str, dict[int, int] | None] = {
    "online": {1: _FINE, 2: _FINE, 3: _FINE, 4: _FINE},
    "near_end": {1: _FINE, 2: _FINE, 3: _FINE, 4: _FINE | 0x0C},
    "paper_out": {1: _FINE | 0x08, 2: _FINE | 0x20, 3: _FINE, 4: _FINE | 0x60},
    "cover_open": {1: _FINE | 0x08, 2: _FINE | 0x04, 3: _FINE, 4: _FINE},
    "offline": {1: _FINE | 0x08, 2: _FINE | 0x40, 3: _FINE, 4: _FINE},
    "garbage": dict.fromkeys((1, 2, 3, 4), 0xFF),
    "silent": None,
}
"""The reply to ``DLE EOT n`` by state (``None``: never answers)."""
MODES = ("read", "never_read", "close_after", "stall_after", "no_accept")


@dataclass
class Connection:
    raw: bytearray = field(default_factory=bytearray)
    """Every byte received, status requests included."""
    requests: list[int] = field(default_factory=list)
    """``n`` of every ``DLE EOT n`` received, in order."""

    @property
    def job(self) -> bytes:
        """The received bytes without the status requests before and after the job."""
        data = bytes(self.raw)
        while data[:2] == DLE_EOT and len(data) >= 3:
            data = data[3:]
        while len(data) >= 3 and data[-3:-1] == DLE_EOT:
            data = data[:-3]
        return data

    @property
    def job_bytes(self) -> int:
        return len(self.raw) - 3 * len(self.requests)


class FakePrinter:
    """A TCP printer on 127.0.0.1 (port 0), in ``state``, behaving as ``mode`` says.

    modes: ``read`` (reads each connection to the end), ``never_read`` (accepts,
    never reads or answers), ``close_after`` (reads ``read_limit`` job bytes,
    then resets the connection), ``stall_after`` (reads ``read_limit`` job
    bytes, then switches to ``then`` — paper out by default — and stops reading
    that connection, as a printer whose paper ran out mid-job), ``no_accept``
    (backlog 0, never accepts: fill it with :meth:`fill_backlog` and further
    connects hang). In ``read`` mode, ``then`` is the state after ``read_limit``
    job bytes. ``reply_delay`` delays every status reply (a late printer).
    """

    def __init__(
        self,
        mode: str = "read",
        state: str = "online",
        rcvbuf: int | None = None,
        read_limit: int = 0,
        then: str | None = None,
        reply_delay: float = 0.0,
    ) -> None:
        assert mode in MODES and state in STATUS_BYTES and (then is None or then in STATUS_BYTES)
        self.mode, self.state, self.read_limit, self.reply_delay = (
            mode,
            state,
            read_limit,
            reply_delay,
        )
        self.then = then if then is not None or mode != "stall_after" else "paper_out"
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0 if mode == "no_accept" else 8)
        self.port: int = self.listener.getsockname()[1]
        self.connections: list[Connection] = []
        self.finished = threading.Event()
        """Set each time a connection has been read to its end (or cut, or stalled)."""
        self._ended = 0
        self._changed = threading.Condition()
        self._held: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        if mode != "no_accept":
            self._spawn(self._serve)

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    @property
    def jobs(self) -> list[bytes]:
        """The job bytes of each connection that carried a job (status-only ones left out)."""
        return [c.job for c in self.connections if c.job]

    @property
    def requests(self) -> list[int]:
        return [n for c in self.connections for n in c.requests]

    def wait_for_jobs(self, count: int = 1, timeout: float = 2.0) -> list[bytes]:
        """The jobs, once ``count`` arrived and every connection so far has ended."""
        with self._changed:
            self._changed.wait_for(
                lambda: len(self.jobs) >= count and self._ended >= len(self.connections), timeout
            )
        return self.jobs

    def _ended_one(self) -> None:
        with self._changed:
            self._ended += 1
            self._changed.notify_all()
        self.finished.set()

    def fill_backlog(self) -> None:
        filler = socket.create_connection(("127.0.0.1", self.port), timeout=1)
        self._held.append(filler)

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self._held.append(conn)
            record = Connection()
            self.connections.append(record)
            self._spawn(self._handle, conn, record)

    def _handle(self, conn: socket.socket, record: Connection) -> None:
        if self.mode == "never_read":
            self._stop.wait()
            return
        limit = self.read_limit if self.mode != "read" or self.then else 0
        scan = 0
        try:
            while not self._stop.is_set():
                want = 65536 if not limit else max(1, min(65536, limit - record.job_bytes))
                chunk = conn.recv(want)
                if not chunk:
                    break
                record.raw += chunk
                scan = self._answer(conn, record, scan)
                if limit and record.job_bytes >= limit:
                    limit = 0
                    if self.mode == "close_after":
                        conn.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                        conn.close()
                        break
                    if self.then:
                        self.state = self.then
                    if self.mode == "stall_after":
                        self.finished.set()
                        self._stop.wait()
                        return
        except OSError:
            pass
        self._ended_one()

    def _answer(self, conn: socket.socket, record: Connection, scan: int) -> int:
        """Answer the status requests in ``record.raw`` from ``scan``; the next scan position."""
        raw = record.raw
        while (at := raw.find(DLE_EOT, scan)) >= 0:
            if at + 2 >= len(raw):
                return at  # wait for n
            n = raw[at + 2]
            if n not in (1, 2, 3, 4):
                scan = at + 1
                continue
            record.requests.append(n)
            replies = STATUS_BYTES[self.state]
            if replies is not None:
                if self.reply_delay:
                    self._stop.wait(self.reply_delay)
                conn.sendall(bytes([replies[n]]))
            scan = at + 3
        return max(scan, len(raw) - 1)

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for held in self._held:
            with contextlib.suppress(OSError):
                held.shutdown(socket.SHUT_RDWR)
            held.close()
        for thread in self._threads:
            thread.join(timeout=2)
