"""Ten thousand customer journeys in one kiosk process: memory and reference counts.

The real kiosk window, a SQLite file on disk, a TCP printer on 127.0.0.1 that
reads every job (or refuses one in ten), and the journeys of ``tests/ui/soak.py``
(every screen, both print outcomes, the list of what to bring, start over, idle
resets, the staff pad, language changes, a new business day every 300). Every
``--every`` journeys it prints the resident memory, Python's allocated blocks,
the C heap in use (glibc ``mallinfo2``), live Python objects and widgets, the
background jobs still alive, and ``sys.getrefcount`` of None, True and False.

    .venv/bin/python benchmarks/bench_soak.py [--journeys 10000] [--every 1000]
    .venv/bin/python benchmarks/bench_soak.py --taps [--size 1080x1920]
    .venv/bin/python benchmarks/bench_soak.py --python /path/to/python3.11

``--taps`` runs on an X server (``DISPLAY``, or an Xvfb it starts) and times every
tap to the end of the next painted frame (``tap_timer.py``), with a tap on a bare
``QStackedWidget`` after each journey as the baseline, and prints that table last.
``--python`` runs the same journeys under another interpreter that has the
dependencies installed (the project itself is put on ``PYTHONPATH``): on Python
3.11, where None, True and False are still counted, their counts show any
reference a C extension drops or leaks. Runs offscreen unless ``DISPLAY`` is set
and ``QT_QPA_PLATFORM`` is not (or with ``--taps``).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def c_heap_mib() -> float:
    """Bytes the C heap has handed out and not had back (glibc), in MiB; 0 elsewhere."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
    except (OSError, AttributeError):
        return 0.0
    info = libc.mallinfo2()
    return float(info.uordblks + info.hblkhd) / 2**20


def sqlite_mib() -> float:
    """Of that heap, what SQLite holds (page caches, statements), in MiB; 0 if unknown."""
    try:
        sqlite = ctypes.CDLL("libsqlite3.so.0")  # the library Python's sqlite3 loaded
        sqlite.sqlite3_memory_used.restype = ctypes.c_int64
    except (OSError, AttributeError):
        return 0.0
    return float(sqlite.sqlite3_memory_used()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journeys", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--python", help="run under this interpreter instead")
    parser.add_argument("--taps", action="store_true", help="time taps on an X server")
    parser.add_argument("--size", default="1080x1920", help="window size with --taps")
    args = parser.parse_args()
    if args.python:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [args.python, __file__, "--journeys", str(args.journeys)]
        command += ["--every", str(args.every), *(["--taps"] if args.taps else [])]
        return subprocess.run(command, env=env, check=False).returncode
    if args.taps:
        from bench_taps import x_server

        os.environ["QT_QPA_PLATFORM"] = "xcb"
        with x_server(args.size):
            return soak(args)
    return soak(args)


def soak(args: argparse.Namespace) -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    import logging

    logging.disable(logging.WARNING)  # the refused prints say so, once each
    from kiosk.i18n import Catalogs
    from tests.ui.soak import LoopBot, sample, soak_kiosk

    print(
        f"Python {sys.version.split()[0]}, PySide6 {__import__('PySide6').__version__}, "
        f"platform {QGuiApplication.platformName()}, {args.journeys} journeys"
    )
    header = (
        f"{'journeys':>8} {'RSS MiB':>8} {'C heap MiB':>10} {'SQLite':>6} {'Py blocks':>10} {'objects':>8} "
        f"{'widgets':>7} {'jobs':>4} {'ref None':>11} {'ref True':>11} {'ref False':>11} {'s':>6}"
    )
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as folder,
        soak_kiosk(Path(folder), Catalogs(), LoopBot()) as soak,
    ):
        window = soak.kiosk.window
        bare: Any = None
        if args.taps:
            from bench_taps import BARE, bare_stack
            from tap_timer import TapTimer, format_table

            width, height = (int(v) for v in args.size.split("x"))
            window.resize(width, height)
            bare = bare_stack(width, height)
            bare.show()
            assert isinstance(app, QApplication)
            soak.tap_timer = TapTimer(app)
            soak.tap_timer.watch(window)
            timer = TapTimer(app)  # the baseline's frames are its own
            timer.watch(bare)
        for done in range(args.journeys + 1):
            if done % args.every == 0 or done == args.journeys:
                window.worker.wait_for_done(5000)
                s = sample(done, window)
                print(
                    f"{done:>8} {s.rss_mib:>8.1f} {c_heap_mib():>10.1f} {sqlite_mib():>6.1f} "
                    f"{s.python_blocks:>10} "
                    f"{s.gc_objects:>8} {s.widgets:>7} {s.survivors['Job']:>4} "
                    f"{s.refcounts[0]:>11} {s.refcounts[1]:>11} {s.refcounts[2]:>11} "
                    f"{time.perf_counter() - started:>6.0f}",
                    flush=True,
                )
            if done < args.journeys:
                soak.journey()
                if bare is not None:
                    page = bare.currentWidget()
                    button = page.findChild(QWidget, "bare.next")
                    seconds = timer.tap(button, bare.currentWidget)  # the page it switched to
                    soak.tap_times.setdefault(BARE, []).append(seconds)
        print("endings:", ", ".join(f"{k} {v}" for k, v in sorted(soak.endings.items())))
        if bare is not None:
            print()
            print(format_table({**soak.tap_times}, baseline=BARE))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
