"""A screen reader on the real kiosk: X server, D-Bus session, AT-SPI bus, real process.

The kiosk runs in a subprocess on a private Xvfb display with accessibility
always on. An AT-SPI client walks its whole tree after every step of a customer's
visit, presses the buttons through the accessibility Action interface, and asks
again for every child index and every object it saw before: what a screen reader
holding a cached tree does. Asking a scroll area for the child it had a moment
earlier (its scroll bar, gone once the screen is hidden) used to crash the kiosk
in ``QAccessibleCache::idForObject``.
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("jeepney", reason="the AT-SPI client needs jeepney (pip install -e .[test])")

from .atspi import Client, NoAnswer, Walker, accessibility_bus

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
TOOLS = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus",
    BUS_LAUNCHER: "at-spi2-core",
}
STEP_TIMEOUT = 8.0


def missing_tools() -> list[str]:
    return [package for tool, package in TOOLS.items() if shutil.which(tool) is None]


pytestmark = pytest.mark.skipif(
    bool(missing_tools()),
    reason=f"needs the Debian packages {' '.join(missing_tools())} (scripts/setup.sh installs them)",
)


@dataclass
class Desktop:
    client: Client
    walker: Walker
    kiosk: subprocess.Popen[bytes]
    data_dir: Path
    log: Path


def free_display() -> int:
    for number in range(70, 80):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    pytest.skip("no free X display between :70 and :79")


def read_line(process: subprocess.Popen[bytes], timeout: float) -> str:
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    if not selector.select(timeout):
        raise TimeoutError("dbus-daemon printed no address")
    return process.stdout.readline().decode().strip()


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    processes: list[subprocess.Popen[bytes]] = []
    client: Client | None = None
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    try:
        number = free_display()
        xvfb = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1080x1920x24", "-noreset", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(xvfb)
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb did not start")
        env["DISPLAY"] = f":{number}"

        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        processes.append(bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = read_line(bus, 10)

        processes.append(
            subprocess.Popen(
                [BUS_LAUNCHER, "--launch-immediately"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        )
        client = Client(accessibility_bus(env["DBUS_SESSION_BUS_ADDRESS"], 10))

        data_dir = tmp_path / "data"
        config = tmp_path / "kiosk.toml"
        config.write_text(
            f'[kiosk]\ndata_dir = "{data_dir}"\n'
            '[printer]\nurl = "preview"\n'
            "[display]\non_screen_keyboard = false\n",
            encoding="utf-8",
        )
        env |= {
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "PYTHONFAULTHANDLER": "1",
        }
        log = tmp_path / "kiosk.log"
        with log.open("wb") as out:
            kiosk = subprocess.Popen(
                [sys.executable, "-m", "cli.main", "--config", str(config)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=Path(__file__).resolve().parents[2],
            )
        processes.append(kiosk)
        app = client.application("lobby-kiosk", timeout=20)
        yield Desktop(client, Walker(client, app), kiosk, data_dir, log)
    finally:
        if client is not None:
            client.close()
        for process in reversed(processes):
            stop(process)


def press(walker: Walker, ident: str) -> None:
    """Press ``ident`` through its Action interface, once it is shown and enabled."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not walker.client.press(walker.wait_shown(ident, STEP_TIMEOUT)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{ident} never took the press")
        time.sleep(0.1)


def test_a_screen_reader_walks_a_whole_visit_without_crashing_the_kiosk(
    desktop: Desktop,
) -> None:
    walker = desktop.walker
    # (what to press, what shows once the screen has changed)
    visit = [
        ("lang.zh_Hant", "welcome.start"),
        ("lang.en", "welcome.start"),
        ("services.all", "service.open_account"),
        ("nav.home", "welcome.start"),
        ("welcome.start", "answer.topic_accounts"),
        ("answer.topic_accounts", "answer.open_new_account"),
        ("lang.zh_Hans", "answer.open_new_account"),
        ("answer.open_new_account", "material.id_document"),
        ("material.id_document", "material.proof_of_address"),
        ("material.proof_of_address", "ticket.take"),
        ("lang.en", "ticket.take"),
        ("ticket.take", "ticket.done"),
        ("ticket.done", "welcome.start"),
    ]
    started = time.monotonic()
    try:
        walker.wait_shown("welcome.start", STEP_TIMEOUT)
        for pressed, shown in visit:
            press(walker, pressed)
            walker.wait_shown(shown, STEP_TIMEOUT)
            walker.ask_again()
            assert desktop.kiosk.poll() is None, f"the kiosk died after {pressed}"
        walker.ask_again()
    except NoAnswer as error:
        time.sleep(0.5)
        code = desktop.kiosk.poll()
        pytest.fail(
            f"the kiosk stopped answering ({error}); exit code {code}\n"
            + desktop.log.read_text(errors="replace")[-3000:]
        )

    assert desktop.kiosk.poll() is None
    assert desktop.client.role(walker.app) is not None  # still answers
    assert walker.stale_asked > 0
    previews = list((desktop.data_dir / "printer-preview").glob("*"))
    assert previews, "the ticket was not printed"
    assert time.monotonic() - started < 45
