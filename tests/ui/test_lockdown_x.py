"""Kiosk mode on a real X server, as a stranger at the kiosk would try it.

The real ``kiosk --kiosk`` runs on a private Xvfb screen, once bare (the usual
kiosk set-up: no window manager) and once under openbox. ``xdotool`` and
``wmctrl`` then do what a person or a stray program would: the closing keys,
close requests, minimise, show-desktop (Super+D), a newer window on top. After
each, the kiosk's own X window must cover the screen and be mapped. A window
destroyed from outside ends the process with status 3, for its supervisor.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "wmctrl": "wmctrl", "openbox": "openbox"}
TOOLS |= {"xwininfo": "x11-utils"}
SCREEN = (1920, 1080)
HOLD_SECONDS = 4.0
"""The window is put back within a second; the window manager needs a moment too."""
STARTUP_SECONDS = 20.0
"""From the first mapped window to the whole screen: the backend opens meanwhile, and
a loaded machine (or CI runner) can take several seconds."""


def missing_tools() -> list[str]:
    return [package for tool, package in TOOLS.items() if shutil.which(tool) is None]


pytestmark = pytest.mark.skipif(
    bool(missing_tools()),
    reason=f"needs the Debian packages {' '.join(missing_tools())} (scripts/setup.sh installs them)",
)


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(what)


def free_display() -> int:
    for number in range(160, 170):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display between :160 and :169")


@dataclass
class Screen:
    env: dict[str, str]
    kiosk: subprocess.Popen[bytes]
    window: str

    def run(self, *command: str) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=10)
        return done.stdout

    def state(self) -> tuple[str, int, int, int, int]:
        """The kiosk window as the X server has it: map state, x, y, width, height."""
        assert self.window, "no window id"  # xwininfo without one waits for a click
        info = self.run("xwininfo", "-id", self.window)
        values = {
            key: value.strip()
            for key, value in re.findall(r"^\s*([A-Za-z -]+):\s*(.+)$", info, re.MULTILINE)
        }
        return (
            values.get("Map State", "?"),
            int(values.get("Absolute upper-left X", -1)),
            int(values.get("Absolute upper-left Y", -1)),
            int(values.get("Width", 0)),
            int(values.get("Height", 0)),
        )

    def covers_the_screen(self) -> bool:
        return self.state() == ("IsViewable", 0, 0, *SCREEN)

    def assert_held(self, after: str, seconds: float = HOLD_SECONDS) -> None:
        try:
            wait_for(self.covers_the_screen, seconds, "")
        except AssertionError:
            raise AssertionError(f"after {after}, the kiosk window is {self.state()}") from None
        assert self.kiosk.poll() is None, f"the kiosk ended after {after}"


@pytest.fixture(params=["bare X", "openbox"])
def screen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Screen]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    number = free_display()
    env["DISPLAY"] = f":{number}"
    width, height = SCREEN
    processes = [
        subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb did not start")
        if request.param == "openbox":
            processes.append(
                subprocess.Popen(
                    ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
            wait_for(  # the window manager has taken the screen (EWMH's check window)
                lambda: "window id" in _root_property(env, "_NET_SUPPORTING_WM_CHECK"),
                30,
                "openbox did not start",
            )
        config = tmp_path / "kiosk.toml"
        config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
        kiosk = subprocess.Popen(
            [str(Path(sys.executable).parent / "kiosk"), "--config", str(config), "--kiosk"],
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(kiosk)

        def window() -> str:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Riverside"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout.split()
            return found[0] if found else ""

        found = [""]

        def seen() -> bool:
            found[0] = window()
            return bool(found[0])

        wait_for(seen, 30, "the kiosk window did not appear")
        shown = Screen(env, kiosk, found[0])  # one id: the window may be remapped meanwhile
        shown.assert_held("start-up", STARTUP_SECONDS)
        yield shown
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_nothing_a_stranger_does_uncovers_the_screen(screen: Screen) -> None:
    window = screen.window
    for key in ("alt+F4", "Escape", "ctrl+q", "ctrl+w"):
        screen.run("xdotool", "key", "--window", window, key)
        screen.assert_held(key)
    screen.run("wmctrl", "-i", "-c", window)  # a polite close request
    screen.assert_held("a close request")
    screen.run("xdotool", "windowminimize", window)
    screen.assert_held("minimise")
    screen.run("xdotool", "key", "super+d")  # openbox: show the desktop
    screen.assert_held("show-desktop")
    screen.run("xdotool", "windowmove", window, "200", "150", "windowsize", window, "800", "600")
    screen.assert_held("a move and resize")
    newer = subprocess.Popen(  # a newer window, on top
        [sys.executable, "-c", _INTRUDER], env=screen.env, stdout=subprocess.DEVNULL
    )
    try:
        wait_for(
            lambda: bool(screen.run("xdotool", "search", "--onlyvisible", "--name", "intruder")),
            20,
            "the other window did not appear",
        )
        stacking = _root_property(screen.env, "_NET_CLIENT_LIST_STACKING")
        wait_for(lambda: _on_top(screen, window), HOLD_SECONDS, f"not on top: {stacking}")
        screen.assert_held("a newer window")
    finally:
        newer.terminate()
        newer.wait(timeout=10)


def test_a_window_destroyed_from_outside_ends_the_kiosk_for_its_supervisor(
    screen: Screen,
) -> None:
    screen.run("xdotool", "windowclose", screen.window)  # XDestroyWindow
    assert screen.kiosk.wait(timeout=10) == 3


_INTRUDER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("intruder")
label.setWindowTitle("intruder")
label.resize(800, 600)
label.show()
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def _root_property(env: dict[str, str], name: str) -> str:
    done = subprocess.run(
        ["xprop", "-root", name], env=env, capture_output=True, text=True, timeout=10
    )
    return done.stdout


def _on_top(screen: Screen, window: str) -> bool:
    """Nothing else lies over the kiosk: with a window manager, it is last in the
    stacking order; on bare X, the X server's own stacking (``xwininfo -children``)."""
    stacking = _root_property(screen.env, "_NET_CLIENT_LIST_STACKING")
    ids = [int(x, 16) for x in re.findall(r"0x[0-9a-f]+", stacking)]
    if ids:
        return ids[-1] == int(window)
    children = screen.run("xwininfo", "-root", "-children")
    listed = [int(x, 16) for x in re.findall(r"^\s+(0x[0-9a-f]+)", children, re.MULTILINE)]
    visible = [w for w in listed if "IsViewable" in screen.run("xwininfo", "-id", hex(w))]
    return bool(visible) and visible[0] == int(window)  # xwininfo lists the top one first
