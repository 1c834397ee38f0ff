"""Fixtures every test folder shares: python-escpos's capability cache in a temporary
folder (so no test leaks a cache or re-parses the capability file) and the
message catalogs, loaded once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.i18n import Catalogs
from printing.escpos_env import prepare_escpos


@pytest.fixture(scope="session", autouse=True)
def _escpos_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_escpos(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As the app does (ui/common/gc_guard.py): no automatic collection, which could run on a
    worker thread and delete Qt objects there; collect on this (the GUI) thread."""
    gc.disable()
    yield
    gc.collect()
