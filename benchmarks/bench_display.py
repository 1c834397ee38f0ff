"""Time from a counter's "call next" (committed in another process) to the lobby
display showing that call, on one SQLite file.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_display.py [--calls 30]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication


def _config(folder: str) -> Path:
    path = Path(folder) / "kiosk.toml"
    path.write_text(
        f'[kiosk]\ndata_dir = "{folder}"\n[lobby_display]\nspeak_calls = false\nchime = false\n',
        encoding="utf-8",
    )
    return path


def _counter(folder: str, calls: int, ready: object, out: object) -> None:
    """Another machine: issues tickets and calls them one by one at random intervals."""
    from kiosk.bootstrap import open_database
    from kiosk.desk import Desk
    from kiosk.reception import Reception, VisitInput
    from kiosk.settings import load_settings

    settings = load_settings(_config(folder))
    db = open_database(settings)
    reception = Reception(db, settings)
    desk = Desk(db, settings, reception.catalogue())
    desk.set_counter("1", ["lost_card"])
    desk.open_counter("1", None)
    for _ in range(calls):
        reception.take_ticket(VisitInput("en", datetime.now(UTC), service_slug="lost_card"))
    ready.set()  # type: ignore[attr-defined]
    for _ in range(calls):
        time.sleep(random.uniform(0.3, 0.7))
        called = desk.call_next("1")
        assert called is not None
        out.put((called.code, time.time()))  # type: ignore[attr-defined]
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from kiosk.i18n import Catalogs
    from ui.common.language import Language
    from ui.common.queue_backend import open_queue_backend
    from ui.common.theme import Theme
    from ui.common.worker import Worker
    from ui.display.options import DisplayOptions
    from ui.display.window import DisplayWindow

    with tempfile.TemporaryDirectory() as folder:
        backend = open_queue_backend(_config(folder))
        catalogs = Catalogs()
        options = DisplayOptions.from_settings(backend.settings)
        language = Language(catalogs, "en", options.languages)
        window = DisplayWindow(backend, language, Theme(app, False), Worker(), catalogs, options)
        shown: dict[str, float] = {}
        window.call_did_show.connect(lambda code, _counter: shown.setdefault(code, time.time()))
        window.resize(1920, 1080)
        window.show()
        window.start()
        context = multiprocessing.get_context("spawn")
        ready, out = context.Event(), context.Queue()
        counter = context.Process(target=_counter, args=(folder, args.calls, ready, out))
        counter.start()
        called: dict[str, float] = {}
        deadline = time.time() + 60 + args.calls
        while (
            len(called) < args.calls or not set(called) <= set(shown)
        ) and time.time() < deadline:
            app.processEvents()
            while not out.empty():
                code, at = out.get()
                called[code] = at
            time.sleep(0.002)
        counter.join()
        window.shutdown()
        backend.close()
    delays = sorted(shown[c] - called[c] for c in called if c in shown)
    p95 = statistics.quantiles(delays, n=20)[18]
    print(
        f"\n{'call on a console → shown on the display':42} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"
    )
    print(
        f"{'(poll every ' + str(options.poll_ms) + ' ms, SQLite)':42} {statistics.median(delays) * 1000:>10.0f} {p95 * 1000:>8.0f} {delays[-1] * 1000:>8.0f}"
    )
    print(f"{len(delays)} of {len(called)} calls shown (goal: every call within 1000 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
