"""Fixtures for the UI tests: real widgets, a real SQLite file, real printers.

``make_kiosk`` builds the real window (every screen) against a database in
``tmp_path`` seeded from ``tests/ui/catalogue.yaml`` through
``kiosk.bootstrap.open_database``. Printers: the ``preview`` printer (bytes and
PNG in ``tmp_path``) or a TCP listener on 127.0.0.1.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.clock import Clock, utc_now
from kiosk.i18n import Catalogs
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.printer import FakePrinter
from ui.customer.backend import Backend, open_backend
from ui.customer.timings import Timings

from .driver import Kiosk

CATALOGUE = Path(__file__).with_name("catalogue.yaml")


@pytest.fixture
def tcp_printer() -> Iterator[FakePrinter]:
    """Takes every job; never answers a status request."""
    printer = FakePrinter("read", state="silent")
    yield printer
    printer.close()


@pytest.fixture
def silent_printer() -> Iterator[FakePrinter]:
    """Accepts and never reads (a tiny window, so a job cannot vanish into kernel buffers)."""
    printer = FakePrinter("never_read", state="silent", rcvbuf=1024)
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


@pytest.fixture
def kiosk(make_kiosk: Callable[..., Kiosk]) -> Kiosk:
    return make_kiosk()
