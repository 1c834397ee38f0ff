"""The one poller: a read at a time, once more after a check that came mid-read."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.common.poller import Poller
from ui.common.worker import Worker


class Source:
    """A blocking read the test lets through one at a time."""

    def __init__(self) -> None:
        self.gate = threading.Semaphore(0)
        self.reads = 0
        self.running = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def read(self) -> int:
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.gate.acquire(timeout=5)
        with self.lock:
            self.running -= 1
            self.reads += 1
            return self.reads


def test_reads_never_overlap_and_a_check_mid_read_reads_again(qtbot: QtBot) -> None:
    source = Source()
    answers: list[int] = []
    poller = Poller(Worker(), 60_000, lambda: source.read, answers.append)
    poller.check()
    qtbot.waitUntil(lambda: poller.reading)
    poller.check()  # the running read may have looked before the change
    poller.check()
    source.gate.release()
    qtbot.waitUntil(lambda: answers == [1])
    qtbot.waitUntil(lambda: poller.reading)
    source.gate.release()
    qtbot.waitUntil(lambda: answers == [1, 2])
    qtbot.wait(50)
    assert source.most_at_once == 1
    assert source.reads == 2  # two checks mid-read made one more read, not two


def test_after_stop_answers_are_dropped_and_ticks_read_nothing(qtbot: QtBot) -> None:
    source = Source()
    answers: list[int] = []
    poller = Poller(Worker(), 20, lambda: source.read, answers.append)
    poller.start(now=True)
    qtbot.waitUntil(lambda: poller.reading)
    poller.stop()
    source.gate.release()
    qtbot.waitUntil(lambda: not poller.reading)
    qtbot.wait(100)
    assert answers == [] and source.reads == 1
    assert not poller.running


def test_paused_ticks_read_nothing_but_a_check_still_reads(qtbot: QtBot) -> None:
    reads: list[int] = []
    paused = True
    poller = Poller(Worker(), 10, lambda: lambda: 1, reads.append, paused=lambda: paused)
    poller.start()
    qtbot.wait(80)
    assert reads == []
    poller.check()
    qtbot.waitUntil(lambda: reads == [1])
    paused = False
    qtbot.waitUntil(lambda: len(reads) >= 3)
    poller.stop()


def test_a_failure_goes_to_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def broken() -> None:
        raise OSError("database gone")

    poller = Poller(Worker(), 60_000, lambda: broken, lambda _r: None, errors.append)
    poller.check()
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "database gone"
