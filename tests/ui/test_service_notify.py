"""The supervisor hears from the GUI thread: READY=1, then WATCHDOG=1 pings that stop
when that thread freezes; and the systemd units in deploy/ are valid."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.common.service_notify import ServiceNotifier

ROOT = Path(__file__).resolve().parents[2]
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
TIMED = tuple(sorted(t.stem for t in (ROOT / "deploy" / "systemd").glob("*.timer")))
APPS = [u for u in UNITS if u.stem not in TIMED]
"""The long-running apps (the backup, the archive and the review pack are oneshots started
by their timers)."""


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.05)
    yield sock, path
    sock.close()


def received(sock: socket.socket, seconds: float) -> list[tuple[float, str]]:
    messages: list[tuple[float, str]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(TimeoutError):
            messages.append((time.monotonic(), sock.recv(256).decode()))
    return messages


def test_pings_come_from_the_gui_thread_and_stop_when_it_freezes(
    qtbot: QtBot, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    notifier = ServiceNotifier(environ={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"})
    assert notifier.interval_ms == 100
    notifier.ready()
    qtbot.wait(550)
    first = [m for _, m in received(sock, 0.05)]
    assert first[0] == "READY=1"
    assert first.count("WATCHDOG=1") >= 4

    time.sleep(0.6)  # the GUI thread is stuck: nothing reaches the supervisor
    assert [m for _, m in received(sock, 0.05)] == []
    qtbot.wait(250)  # it runs again: so do the pings
    assert "WATCHDOG=1" in [m for _, m in received(sock, 0.05)]
    notifier.stopping()
    assert [m for _, m in received(sock, 0.05)][-1] == "STOPPING=1"


def test_outside_systemd_nothing_is_sent(qtbot: QtBot) -> None:
    notifier = ServiceNotifier(environ={})
    notifier.ready()
    assert not notifier.supervised and notifier.interval_ms == 0 and notifier.sent == {}


def test_a_watchdog_meant_for_another_process_is_left_alone(
    notify_socket: tuple[socket.socket, str],
) -> None:
    _, path = notify_socket
    other = str(os.getpid() + 1)
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000", "WATCHDOG_PID": other}
    assert ServiceNotifier(environ=env).interval_ms == 0


def test_the_real_kiosk_says_ready_once_it_serves_then_pings(
    tmp_path: Path, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="400000", QT_QPA_PLATFORM="offscreen")
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--config", str(config)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        messages = [m for _, m in received(sock, 12.0)]
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=10)
    assert "READY=1" in messages, messages
    assert messages.index("READY=1") < messages.index("WATCHDOG=1")
    assert messages.count("WATCHDOG=1") >= 5


FREEZING_APP = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from ui.common.service_notify import supervise
app = QApplication([])
window = QLabel("serving")
window.show()
supervise(app)
QTimer.singleShot(1500, lambda: time.sleep(3600))  # the GUI thread gets stuck for good
app.exec()
"""


def test_a_frozen_gui_thread_is_killed_by_the_watchdog(
    notify_socket: tuple[socket.socket, str],
) -> None:
    """systemd's watchdog rule, played by the test against a real process: no
    WATCHDOG=1 within WATCHDOG_USEC, and the process gets SIGABRT (WatchdogSignal)."""
    sock, path = notify_socket
    watchdog_s = 0.5
    env = dict(
        os.environ,
        NOTIFY_SOCKET=path,
        WATCHDOG_USEC=str(int(watchdog_s * 1_000_000)),
        QT_QPA_PLATFORM="offscreen",
    )
    app = subprocess.Popen(
        [sys.executable, "-c", FREEZING_APP],
        cwd=ROOT,
        env=env,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),  # no core file
    )
    try:
        pings, ready_at, killed_at = 0, None, None
        last = time.monotonic()
        deadline = last + 30
        while killed_at is None and time.monotonic() < deadline:
            for at, message in received(sock, 0.05):
                if message == "READY=1":
                    ready_at = last = at
                elif message == "WATCHDOG=1":
                    pings, last = pings + 1, at
            if ready_at is not None and time.monotonic() - last > watchdog_s:
                app.send_signal(signal.SIGABRT)
                killed_at = time.monotonic()
        assert ready_at is not None and killed_at is not None
        assert pings >= 3  # it was fed while the GUI thread ran…
        assert app.wait(timeout=10) == -signal.SIGABRT  # …and killed once it froze
        assert killed_at - ready_at < 1.5 + 2 * watchdog_s + 1
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_the_systemd_units_are_valid(unit: Path, tmp_path: Path) -> None:
    installed = tmp_path / unit.name  # as installed: the programs it names must exist
    text = unit.read_text(encoding="utf-8")
    assert "/opt/lobby-kiosk/.venv/bin/kiosk " in text
    text = text.replace(
        "/opt/lobby-kiosk/.venv/bin/kiosk", str(Path(sys.executable).parent / "kiosk")
    )
    installed.write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(installed)], capture_output=True, text=True, timeout=60
    )
    problems = [
        line for line in result.stderr.splitlines() if installed.name in line or "Unknown" in line
    ]
    assert result.returncode == 0 and not problems, result.stderr
    if unit in APPS:
        for key in ("Type=notify", "WatchdogSec=", "Restart=always"):
            assert key in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize("name", TIMED)
def test_the_timers_are_valid(name: str, tmp_path: Path) -> None:
    timer = ROOT / "deploy" / "systemd" / f"{name}.timer"
    service = ROOT / "deploy" / "systemd" / f"{name}.service"
    kiosk = str(Path(sys.executable).parent / "kiosk")
    (tmp_path / timer.name).write_text(timer.read_text(encoding="utf-8"), encoding="utf-8")
    text = service.read_text(encoding="utf-8").replace("/opt/lobby-kiosk/.venv/bin/kiosk", kiosk)
    (tmp_path / service.name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / timer.name)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and name not in result.stderr, result.stderr
