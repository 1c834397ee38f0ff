"""Tap on "take a ticket" to the last byte received by a TCP printer on 127.0.0.1.

The real kiosk window (offscreen), the real SQLite database on disk and the real
print job; a thread plays the printer and notes when the job's connection closes
after its last byte.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_ticket.py [--runs 40]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.i18n import Catalogs
from kiosk.settings import settings_from_mapping
from ui.common.language import Language
from ui.common.theme import Theme
from ui.common.worker import Worker
from ui.customer.app import attach_backend
from ui.customer.backend import open_backend
from ui.customer.look import Look
from ui.customer.timings import Timings
from ui.customer.window import KioskWindow


class Printer:
    """Accepts one job at a time, reads until the kiosk closes, notes the time.
    With ``answers_status`` it answers each real-time status request (DLE EOT n)
    with "online", as Epson-compatible printers do."""

    def __init__(self, answers_status: bool) -> None:
        self.answers_status = answers_status
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.done = threading.Event()
        self.finished_at = 0.0
        self.received = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            connection, _ = self.listener.accept()
            with connection:
                size = 0
                while chunk := connection.recv(65536):
                    size += len(chunk)
                    if self.answers_status:
                        connection.sendall(b"\x12" * chunk.count(b"\x10\x04"))
                self.finished_at = time.perf_counter()
                self.received = size
                self.done.set()


def measure(app: QApplication, runs: int, answers_status: bool) -> tuple[list[float], int]:
    printer = Printer(answers_status)
    catalogs = Catalogs()
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_from_mapping(
            {
                "kiosk": {"data_dir": folder},
                "printer": {"url": f"tcp://127.0.0.1:{printer.port}", "timeout_seconds": 3},
            }
        )
        backend = open_backend(settings, catalogs)
        display = settings.display
        language = Language(catalogs, display.default_language, display.languages)
        look = Look.from_settings(settings)
        window = KioskWindow(look, language, Theme(app, look.high_contrast), Worker())
        attach_backend(window, backend, settings, Timings())
        window.resize(1080, 1920)
        window.show()

        def click(name: str) -> None:
            for _ in range(2000):
                button = window.findChild(QAbstractButton, name)
                if button is not None and button.isVisible() and button.isEnabled():
                    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                    return
                app.processEvents()
                time.sleep(0.001)
            raise RuntimeError(f"{name} never became clickable")

        samples: list[float] = []
        sizes: list[int] = []
        for run in range(runs + 3):
            click("services.all")
            click("service.lost_card")
            for _ in range(50):  # let the estimate job settle so the tap is a real tap
                app.processEvents()
            printer.done.clear()
            began = time.perf_counter()
            click("ticket.take")
            while not printer.done.is_set():
                app.processEvents()
                printer.done.wait(0.0005)
            if run >= 3:  # the first tickets warm up fonts and python-escpos
                samples.append(printer.finished_at - began)
                sizes.append(printer.received)
            click("ticket.done")
        window.shutdown()
        backend.close()
    return sorted(samples), int(statistics.median(sizes))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    rows = []
    for answers, label in ((True, "printer answers status"), (False, "printer silent on status")):
        samples, size = measure(app, args.runs, answers)
        rows.append(
            (label, statistics.median(samples), statistics.quantiles(samples, n=20)[18], size)
        )
    print(
        f"\n{'tap on ticket.take → last byte (TCP printer)':46} {'median ms':>10} {'p95 ms':>8} {'bytes':>7}"
    )
    for label, median, p95, size in rows:
        print(f"{label:46} {median * 1000:>10.1f} {p95 * 1000:>8.1f} {size:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
