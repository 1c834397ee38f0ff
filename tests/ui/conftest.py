"""Fixtures for the UI tests: real widgets, a real SQLite file, real printers.

``make_kiosk`` builds the real window (every screen) against a database in
``tmp_path`` seeded from ``tests/ui/catalogue.yaml`` through
``kiosk.bootstrap.open_database``. Printers: the ``preview`` printer (bytes and
PNG in ``tmp_path``) or a TCP listener on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.clock import Clock, utc_now
from kiosk.i18n import Catalogs
from kiosk.settings import Settings, settings_from_mapping
from ui.customer.backend import Backend, open_backend
from ui.customer.window import Timings

from .driver import Kiosk

CATALOGUE = Path(__file__).with_name("catalogue.yaml")


class TcpPrinter:
    """A 'printer' on 127.0.0.1: ``read`` takes every job; ``silent`` accepts and never reads."""

    def __init__(self, mode: str = "read") -> None:
        self.mode = mode
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if mode == "silent":  # a tiny window, so a job cannot vanish into kernel buffers
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port: int = self.listener.getsockname()[1]
        self.jobs: list[bytes] = []
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "silent":
                self._held.append(conn)
                continue
            data = bytearray()
            with conn:
                while chunk := conn.recv(65536):
                    data += chunk
            self.jobs.append(bytes(data))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for conn in self._held:
            conn.close()
        self._thread.join(timeout=2)


@pytest.fixture
def tcp_printer() -> Iterator[TcpPrinter]:
    printer = TcpPrinter("read")
    yield printer
    printer.close()


@pytest.fixture
def silent_printer() -> Iterator[TcpPrinter]:
    printer = TcpPrinter("silent")
    yield printer
    printer.close()


@pytest.fixture
def closed_port() -> int:
    """A port where nothing listens: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_settings(data_dir: Path, printer_url: str = "preview", **sections: Any) -> Settings:
    data: dict[str, Any] = {
        "kiosk": {"data_dir": str(data_dir), "branch_name": "Test Branch"},
        "printer": {"url": printer_url, "timeout_seconds": 3.0},
    }
    for name, values in sections.items():
        data.setdefault(name, {}).update(values)
    return settings_from_mapping(data)


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path, catalogs: Catalogs) -> Iterator[Callable[..., Kiosk]]:
    built: list[tuple[Kiosk, Backend]] = []

    def build(
        printer_url: str = "preview",
        timings: Timings | None = None,
        clock: Clock = utc_now,
        **sections: Any,
    ) -> Kiosk:
        settings = make_settings(tmp_path, printer_url, **sections)
        backend = open_backend(settings, catalogs, [CATALOGUE], clock)
        kiosk = Kiosk.build(qtbot, settings, catalogs, backend, timings or Timings(), clock)
        built.append((kiosk, backend))
        return kiosk

    yield build
    for kiosk, backend in built:
        kiosk.window.shutdown()
        backend.close()


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Hong Kong

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., Kiosk]) -> Kiosk:
    return make_kiosk()
