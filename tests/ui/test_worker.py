"""The background worker: answers on the UI thread, and nothing outlives its answer."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from ui.common.worker import JobGroup, Worker


class Payload:
    """A result or closure whose lifetime the tests watch."""


def test_the_answer_comes_back_on_the_ui_thread(qtbot: QtBot) -> None:
    worker = Worker()
    ui_thread = threading.get_ident()
    ran_on: list[int] = []
    answered_on: list[int] = []

    def job() -> int:
        ran_on.append(threading.get_ident())
        return 42

    def done(value: int) -> None:
        answered_on.append(threading.get_ident())
        assert value == 42

    worker.run(job, done)
    qtbot.waitUntil(lambda: bool(answered_on))
    assert ran_on[0] != ui_thread
    assert answered_on == [ui_thread]
    assert not worker.busy


def test_a_failure_reaches_on_error_and_the_watcher(qtbot: QtBot) -> None:
    worker = Worker()
    errors: list[BaseException] = []
    watched: list[object] = []
    worker.job_did_fail.connect(watched.append)

    def boom() -> None:
        raise ValueError("printer on fire")

    worker.run(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(watched))
    assert [str(e) for e in errors] == ["printer on fire"]
    assert watched == errors


def test_a_discarded_job_answers_nobody(qtbot: QtBot) -> None:
    worker = Worker()
    release = threading.Event()
    answers: list[object] = []
    job = worker.run(lambda: release.wait(5), answers.append, answers.append)
    job.discard()
    release.set()
    qtbot.waitUntil(lambda: not worker.busy)
    assert answers == []
    assert job.finished


def test_jobs_closures_and_results_are_freed_once_answered(qtbot: QtBot) -> None:
    """A per-job Qt connection to a lambda holding the job once kept every job (and
    what its closure held) alive for ever; the heap grew with every customer."""
    worker = Worker()
    group = JobGroup(worker)
    held: list[weakref.ref[Payload]] = []
    results: list[weakref.ref[Payload]] = []
    jobs: list[weakref.ref[object]] = []
    answered = 0

    def done(result: Payload) -> None:
        nonlocal answered
        results.append(weakref.ref(result))
        answered += 1

    for index in range(200):
        captured = Payload()
        held.append(weakref.ref(captured))

        def fn(captured: Payload = captured) -> Payload:
            assert captured is not None
            return Payload()

        runner = group if index % 2 else worker
        jobs.append(weakref.ref(runner.run(fn, done)))
        del captured, fn
    qtbot.waitUntil(lambda: answered == 200)
    qtbot.waitUntil(lambda: not worker.busy)
    gc.collect()
    assert len(group) == 0
    assert [r for r in jobs if r() is not None] == []
    assert [r for r in held if r() is not None] == []
    assert [r for r in results if r() is not None] == []


def test_a_group_discards_what_its_screen_left(qtbot: QtBot) -> None:
    worker = Worker()
    group = JobGroup(worker)
    release = threading.Event()
    answers: list[object] = []
    for _ in range(3):
        group.run(lambda: release.wait(5), answers.append)
    assert group.busy
    group.discard()
    assert not group.busy
    release.set()
    qtbot.waitUntil(lambda: not worker.busy)
    assert answers == []
