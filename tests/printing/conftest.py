"""Fixtures for the printing tests: catalogs, a time zone, fake TCP printers."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import Catalogs
from kiosk.settings import PrinterSection
from printing.escpos_env import prepare_escpos
from printing.job import TicketPrinter


@pytest.fixture(scope="session", autouse=True)
def _escpos_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_escpos(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs()


@pytest.fixture(scope="session")
def zone() -> ZoneInfo:
    return ZoneInfo("Asia/Hong_Kong")


def section(url: str = "preview", **changes: Any) -> PrinterSection:
    """Printer settings with a short timeout; ``url`` unvalidated (as ``print-test --printer``)."""
    values: dict[str, Any] = {"timeout_seconds": 0.5}
    values.update(changes)
    return PrinterSection(**values).model_copy(update={"url": url})


@pytest.fixture
def make_printer(
    tmp_path: Path, catalogs: Catalogs, zone: ZoneInfo
) -> Callable[..., TicketPrinter]:
    def build(url: str = "preview", **changes: Any) -> TicketPrinter:
        factory = changes.pop("factory", None)
        return TicketPrinter(section(url, **changes), tmp_path, catalogs, zone, factory=factory)

    return build


class FakePrinter:
    """A TCP 'printer' on 127.0.0.1 with a chosen misbehaviour.

    modes: ``read`` (reads each connection to the end), ``never_read`` (accepts,
    never reads), ``close_after`` (reads ``read_limit`` bytes, then resets the
    connection), ``no_accept`` (backlog 0, never accepts: fill it with
    :meth:`fill_backlog` and further connects hang).
    """

    def __init__(self, mode: str = "read", rcvbuf: int | None = None, read_limit: int = 0):
        self.mode = mode
        self.read_limit = read_limit
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0 if mode == "no_accept" else 8)
        self.port: int = self.listener.getsockname()[1]
        self.jobs: list[bytes] = []
        self.finished = threading.Event()
        """Set each time a connection has been read to its end (or cut)."""
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if mode != "no_accept":
            self._thread = threading.Thread(target=self._serve, daemon=True)
            self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def fill_backlog(self) -> None:
        filler = socket.create_connection(("127.0.0.1", self.port), timeout=1)
        self._held.append(filler)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self._held.append(conn)
            if self.mode == "read":
                self.jobs.append(self._read_all(conn))
                conn.close()
                self.finished.set()
            elif self.mode == "close_after":
                conn.recv(self.read_limit)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.close()
                self.finished.set()

    @staticmethod
    def _read_all(conn: socket.socket) -> bytes:
        received = bytearray()
        while chunk := conn.recv(65536):
            received += chunk
        return bytes(received)

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for held in self._held:
            held.close()
        if self._thread is not None:
            self._thread.join(timeout=2)


@pytest.fixture
def fake_printer() -> Iterator[Callable[..., FakePrinter]]:
    servers: list[FakePrinter] = []

    def start(mode: str = "read", **options: Any) -> FakePrinter:
        server = FakePrinter(mode, **options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A port that is bound (so nobody else takes it) but not listening: connect is refused."""
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.bind(("127.0.0.1", 0))
    yield holder.getsockname()[1]
    holder.close()
