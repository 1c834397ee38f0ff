"""Garbage is collected on the GUI thread only (Qt objects must not die on a worker)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from ui.common.gc_guard import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        COLLECTED_ON.append(threading.current_thread().name)


COLLECTED_ON: list[str] = []


def test_collection_happens_on_the_gui_thread(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        COLLECTED_ON.clear()
        Cycle()
        worker = threading.Thread(target=lambda: [object() for _ in range(100_000)], name="worker")
        worker.start()
        worker.join()
        assert COLLECTED_ON == []  # the worker's allocations did not trigger a collection
        qtbot.waitUntil(lambda: [threading.main_thread().name] == COLLECTED_ON, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()  # as the test session keeps it (tests/conftest.py)


def test_what_exists_once_the_app_settled_is_frozen_out_of_collections(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=5)
    collector.start()
    try:
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0
    gc.disable()
