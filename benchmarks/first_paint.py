"""Child process for the start-up benchmark: prints seconds from interpreter start
to the first paint of either a bare PySide6 window or the kiosk's welcome screen.

    python benchmarks/first_paint.py bare|kiosk DATA_DIR
"""

from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()


def _report_first_paint(widget: object) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.perf_counter() - STARTED:.4f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
                watched.removeEventFilter(self)
            return False

    first_paint = FirstPaint()
    widget.installEventFilter(first_paint)  # type: ignore[attr-defined]  # a QWidget
    widget._first_paint = first_paint  # type: ignore[attr-defined]  # keep it alive


def main() -> int:
    mode, data_dir = sys.argv[1], sys.argv[2]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication([])
        window = QLabel("Welcome")
        window.resize(1080, 1920)
        _report_first_paint(window)
        window.show()
        return app.exec()
    from ui.customer.app import run_for_benchmark

    return run_for_benchmark(data_dir, _report_first_paint)


if __name__ == "__main__":
    raise SystemExit(main())
