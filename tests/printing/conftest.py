"""Fixtures for the printing tests: catalogs, a time zone, fake TCP printers."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import Catalogs
from kiosk.settings import PrinterSection
from printing.job import TicketPrinter
from tests.helpers.printer import FakePrinter

__all__ = ["FakePrinter", "section"]


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
        options = {k: changes.pop(k) for k in ("status_query_seconds",) if k in changes}
        return TicketPrinter(
            section(url, **changes), tmp_path, catalogs, zone, factory=factory, **options
        )

    return build


@pytest.fixture
def fake_printer() -> Iterator[Callable[..., FakePrinter]]:
    servers: list[FakePrinter] = []

    def start(mode: str = "read", **options: Any) -> FakePrinter:
        """A fake printer (see :class:`FakePrinter`), closed after the test."""
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
