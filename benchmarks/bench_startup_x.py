"""Start-up as a customer sees it: from process start to the kiosk's window on an
X screen, beside a bare PySide6 window measured the same way in the same run
(alternating), and the resident memory once start-up has settled.

    python benchmarks/bench_startup_x.py [--runs 15]

The kiosk runs as installed (``.venv/bin/kiosk --config FILE``, SQLite in a fresh
data directory; the first run creates the database and is not counted). The
window is seen from outside: a small X client selects ``SubstructureNotify`` on
the root window and waits (``select`` on the connection, no polling) for the
``MapNotify`` of a window whose ``_NET_WM_PID`` is the child's. Without
``DISPLAY`` the benchmark starts its own ``Xvfb`` on a free display 80-89.

Memory is read from ``/proc/PID/smaps_rollup`` once the process has used no CPU
for half a second (the backend is open and the welcome screen ready).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
window = QLabel("Welcome")
window.resize(1080, 1920)
window.show()
sys.exit(app.exec())
"""
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
XA_CARDINAL = 6


class _MapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class _Event(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("xmap", _MapEvent), ("pad", ctypes.c_long * 24))


class MapWatcher:
    """Reports when a top-level window of a given process is mapped."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("libX11 is needed (apt-get install libx11-6)")
        x = self.x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
        x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
        x.XPending.argtypes = (ctypes.c_void_p,)
        x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(_Event))
        x.XFlush.argtypes = (ctypes.c_void_p,)
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
        x.XGetWindowProperty.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        )
        x.XFree.argtypes = (ctypes.c_void_p,)
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise SystemExit(f"cannot open X display {display}")
        x.XSelectInput(self.dpy, x.XDefaultRootWindow(self.dpy), SUBSTRUCTURE_NOTIFY_MASK)
        x.XFlush(self.dpy)
        self.fd = x.XConnectionNumber(self.dpy)
        self.pid_atom = x.XInternAtom(self.dpy, b"_NET_WM_PID", 0)

    def _pid_of(self, window: int) -> int | None:
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self.x.XGetWindowProperty(
            self.dpy, window, self.pid_atom, 0, 1, 0, XA_CARDINAL,
            ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
            ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data:
            return None
        pid = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if count.value else None
        self.x.XFree(data)
        return pid

    def drain(self) -> None:
        event = _Event()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def wait_for_map(self, process: subprocess.Popen[bytes], timeout: float = 30.0) -> float:
        """``time.perf_counter()`` when a window of ``process`` was mapped."""
        event = _Event()
        deadline = time.perf_counter() + timeout
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if event.type == MAP_NOTIFY:
                    seen = time.perf_counter()
                    if self._pid_of(event.xmap.window) in (process.pid, None):
                        return seen
            left = deadline - time.perf_counter()
            if left <= 0 or process.poll() is not None:
                raise RuntimeError(f"no window from {process.args!r} (exit {process.poll()})")
            select.select([self.fd], [], [], min(left, 0.05))


def settled_memory(pid: int, quiet_s: float = 0.5, limit_s: float = 20.0) -> tuple[float, float]:
    """(RSS, PSS) in MiB once the process has used no CPU for ``quiet_s``."""

    def cpu() -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    end = time.monotonic() + limit_s
    last, quiet_since = cpu(), time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.05)
        now = cpu()
        if now != last:
            last, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_s:
            break
    rollup = dict(
        line.split(":", 1)
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    )
    return (int(rollup["Rss"].split()[0]) / 1024, int(rollup["Pss"].split()[0]) / 1024)


def run_once(
    watcher: MapWatcher, argv: list[str], env: dict[str, str], cwd: str
) -> tuple[float, float, float]:
    """(seconds to the first mapped window, RSS MiB, PSS MiB)."""
    watcher.drain()
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        mapped = watcher.wait_for_map(process)
        rss, pss = settled_memory(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _out, err = process.communicate()
    if err.strip():
        sys.stderr.write(err.decode(errors="replace"))
    return mapped - started, rss, pss


def free_display() -> int:
    for number in range(80, 90):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise SystemExit("no free X display between :80 and :89")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is needed: apt-get install -y xvfb")
    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-noreset", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(200):
        if socket.exists():
            return server, f":{number}"
        time.sleep(0.025)
    server.kill()
    raise SystemExit(f"Xvfb :{number} did not start")


def kiosk_command() -> list[str]:
    installed = Path(sys.executable).parent / "kiosk"
    if installed.exists():
        return [str(installed)]
    return [sys.executable, "-c", "import sys; from cli.main import main; sys.exit(main())"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="LABEL:VAR=VALUE[,VAR=VALUE]",
        help="also time the kiosk with these environment variables (repeatable)",
    )
    args = parser.parse_args()
    server, display = (None, os.environ["DISPLAY"]) if os.environ.get("DISPLAY") else start_xvfb()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env |= {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    variants: dict[str, dict[str, str]] = {}
    for spec in args.variant:
        label, _, assignments = spec.partition(":")
        variants[label] = dict(item.split("=", 1) for item in assignments.split(",") if item)
    results: dict[str, list[tuple[float, float, float]]] = {"bare": [], "kiosk": []}
    results |= {label: [] for label in variants}
    try:
        watcher = MapWatcher(display)
        with tempfile.TemporaryDirectory() as work:
            config = Path(work, "kiosk.toml")
            config.write_text(f'[kiosk]\ndata_dir = "{Path(work, "data")}"\n', encoding="utf-8")
            bare = Path(work, "bare.py")
            bare.write_text(BARE, encoding="utf-8")
            commands = {
                "bare": [sys.executable, str(bare)],
                "kiosk": [*kiosk_command(), "--config", str(config)],
            }
            run_once(watcher, commands["kiosk"], env, work)  # creates the database
            for _ in range(args.runs):
                for mode, argv in commands.items():
                    results[mode].append(run_once(watcher, argv, env, work))
                for label, extra in variants.items():
                    results[label].append(run_once(watcher, commands["kiosk"], env | extra, work))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    print(f"\nX display {display}, {args.runs} runs each, alternating")
    print(f"{'process start → window mapped':32} {'median s':>9} {'min s':>7} {'max s':>7}")
    medians = {}
    labels = [("bare", "bare PySide6 window"), ("kiosk", "kiosk (as installed)")]
    labels += [(label, f"kiosk, {label}") for label in variants]
    for mode, label in labels:
        times = [r[0] for r in results[mode]]
        medians[mode] = statistics.median(times)
        print(f"{label:32} {medians[mode]:>9.3f} {min(times):>7.3f} {max(times):>7.3f}")
    print(f"{'ratio of medians (goal ≤ 1.5)':32} {medians['kiosk'] / medians['bare']:>9.2f}")
    for label in variants:
        print(f"{'ratio, ' + label:32} {medians[label] / medians['bare']:>9.2f}")
    print(f"\n{'memory after start-up':32} {'RSS MiB':>9} {'PSS MiB':>8}")
    labels[1] = ("kiosk", "kiosk (goal RSS ≤ 150)")
    for mode, label in labels:
        rss = statistics.median(r[1] for r in results[mode])
        pss = statistics.median(r[2] for r in results[mode])
        print(f"{label:32} {rss:>9.1f} {pss:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
