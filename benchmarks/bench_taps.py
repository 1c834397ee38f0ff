"""Every tap answered within a frame: tap → the next screen painted, per transition.

The real kiosk window on the xcb platform (an X server: ``DISPLAY``, or an Xvfb on
a free display 90–99 started here and stopped at the end), a SQLite database in
a temporary folder and the preview printer. A customer's journey is tapped again
and again — press and release at each button's centre — and each tap is timed
to the end of the first frame that painted its result (see ``tap_timer.py``).
Every kiosk tap is followed by a tap on a bare ``QStackedWidget`` of the same
size switching pages, the baseline the goal is stated against (≤ 2× its p99).

    python benchmarks/bench_taps.py [--cycles 40] [--size 1080x1920]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

BARE = "bare QStackedWidget page switch"


@contextmanager
def x_server(size: str) -> Iterator[None]:
    """Use ``DISPLAY`` if set, else run an Xvfb on the first free display 90–99."""
    if os.environ.get("DISPLAY"):
        yield
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("no DISPLAY and no Xvfb: apt-get install -y xvfb")
    free = [
        n
        for n in range(90, 100)
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
    ]
    if not free:
        raise SystemExit("displays :90–:99 are all taken")
    display = free[0]
    server = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", f"{size}x24", "-noreset", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{display}")
        for _ in range(200):
            if socket.exists():
                break
            time.sleep(0.025)
        os.environ["DISPLAY"] = f":{display}"
        yield
    finally:
        server.terminate()
        server.wait(5)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=40, help="journeys measured")
    parser.add_argument("--warmup", type=int, default=3, help="journeys not measured")
    parser.add_argument("--size", default="1080x1920", help="screen and window size")
    parser.add_argument("--profile", metavar="TRANSITION", help="cProfile these taps, print top")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    with x_server(args.size):
        return run(args.cycles, args.warmup, args.size, args.profile)


def bare_stack(width: int, height: int) -> QStackedWidget:
    """A plain QStackedWidget with four pages of labels and buttons."""
    stack = QStackedWidget()
    stack.setObjectName("bareStack")
    stack.resize(width, height)
    for index in range(4):
        page = QWidget()
        column = QVBoxLayout(page)
        title = QLabel(f"Page {index + 1}")
        font = title.font()
        font.setPixelSize(46)
        title.setFont(font)
        column.addWidget(title)
        for line in range(3):
            text = QLabel(f"Line {line + 1}: a sentence long enough to wrap on a narrow page. " * 3)
            text.setWordWrap(True)
            column.addWidget(text)
        for choice in range(4):
            button = QPushButton(f"Choice {choice + 1}")
            button.setMinimumHeight(104)
            column.addWidget(button)
        go = QPushButton("Next")
        go.setObjectName("bare.next")
        go.setMinimumHeight(104)
        go.clicked.connect(lambda _=False, i=index: stack.setCurrentIndex((i + 1) % 4))
        column.addWidget(go)
        column.addStretch(1)
        stack.addWidget(page)
    return stack


def run(cycles: int, warmup: int, size: str, profile: str | None = None) -> int:
    from tap_timer import TapTimer, format_table

    from kiosk.settings import settings_from_mapping
    from ui.common.input_method import use_on_screen_keyboard
    from ui.customer.app import KioskApp
    from ui.customer.look import Look
    from ui.customer.router import Screen
    from ui.customer.screens.questionnaire import QuestionnaireScreen
    from ui.customer.screens.service_detail import ServiceDetailScreen

    width, height = (int(v) for v in size.split("x"))
    folder = tempfile.mkdtemp(prefix="bench-taps-")
    settings = settings_from_mapping({"kiosk": {"data_dir": folder}, "printer": {"url": "preview"}})
    look = Look.from_settings(settings)
    use_on_screen_keyboard(look.on_screen_keyboard, os.environ)  # as `kiosk run` does
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    kiosk = KioskApp(app, look, settings=settings)  # the real start-up, GC guard included
    started: list[bool] = []
    kiosk.app_did_start.connect(lambda: started.append(True))
    kiosk.app_did_fail.connect(lambda message: sys.exit(message))
    kiosk.start()
    window, worker = kiosk.window, kiosk.worker
    window.move(0, 0)
    window.resize(width, height)
    while not started:
        app.processEvents()
        time.sleep(0.001)
    bare = bare_stack(width, height)
    bare.move(0, 0)
    bare.show()
    router = window.router
    timer = TapTimer(app)
    timer.watch(window)
    timer.watch(bare)
    front: list[QWidget] = []

    def bring_to_front(top: QWidget) -> None:
        if not front or front[0] is not top:
            top.raise_()
            front[:] = [top]
        timer.settle(busy=lambda: worker.busy)

    def button(name: str) -> QAbstractButton:
        found = router.page(router.current or Screen.WELCOME).findChild(QAbstractButton, name)
        if found is None or not found.isVisible() or not found.isEnabled():
            raise LookupError(f"{name} cannot be touched on {router.current}")
        parent = found.parentWidget()
        while parent is not None:  # tap like the UI tests: scroll by code, no drag gesture
            if isinstance(parent, QScrollArea):
                QScroller.ungrabGesture(parent.viewport())
                parent.ensureWidgetVisible(found)
                break
            parent = parent.parentWidget()
        return found

    def page(screen: Screen) -> Callable[[], QWidget]:
        return lambda: router.page(screen)

    def question_label() -> QWidget:
        questionnaire = router.page(Screen.QUESTIONNAIRE)
        assert isinstance(questionnaire, QuestionnaireScreen)
        return questionnaire.question_label

    def guidance_title() -> QWidget:
        guidance = router.page(Screen.SERVICE_DETAIL)
        assert isinstance(guidance, ServiceDetailScreen)
        return guidance.title

    def material(name: str) -> Callable[[], QWidget]:
        return lambda: button(name)

    def idle_reset() -> None:
        idle = window.idle
        assert idle is not None
        idle.warn()  # the countdown is showing; its last second now ends
        timer.settle()
        idle.remaining = 1
        idle.tick_timer.stop()

    def idle_tick() -> None:
        idle = window.idle
        assert idle is not None
        idle._tick()

    welcome_to_questionnaire = "welcome → questionnaire"
    journey: list[tuple[str | None, str | Callable[[], None], Callable[[], QWidget]]] = [
        (welcome_to_questionnaire, "welcome.start", page(Screen.QUESTIONNAIRE)),
        ("language switch", "lang.zh_Hans", question_label),
        ("language switch", "lang.en", question_label),
        ("answer → next question", "answer.topic_accounts", question_label),
        ("answer → guidance", "answer.open_new_account", page(Screen.SERVICE_DETAIL)),
        ("ticking a material", "material.id_document", material("material.id_document")),
        ("language switch", "lang.zh_Hant", guidance_title),
        ("ticking a material", "material.tax_id", material("material.tax_id")),
        ("language switch", "lang.en", guidance_title),
        ("back", "nav.back", page(Screen.QUESTIONNAIRE)),
        ("answer → guidance", "answer.open_new_account", page(Screen.SERVICE_DETAIL)),
        ("start over", "nav.home", page(Screen.WELCOME)),
        ("welcome → all services", "services.all", page(Screen.SERVICES)),
        ("service → guidance", "service.lost_card", page(Screen.SERVICE_DETAIL)),
        ("guidance → ticket (first frame)", "ticket.take", page(Screen.TICKET)),
        ("ticket done → welcome", "ticket.done", page(Screen.WELCOME)),
        (welcome_to_questionnaire, "welcome.start", page(Screen.QUESTIONNAIRE)),
        (None, idle_reset, page(Screen.WELCOME)),
        ("idle reset", idle_tick, page(Screen.WELCOME)),
    ]
    samples: dict[str, list[float]] = {}
    profiler = cProfile.Profile()
    for cycle in range(warmup + cycles):
        measured = cycle >= warmup
        for kind, action, target in journey:
            bring_to_front(window)
            if kind is None:
                assert callable(action)
                action()
                continue
            profiling = measured and kind == profile
            if profiling:
                profiler.enable()
            if isinstance(action, str):
                seconds = timer.tap(button(action), target())
            else:
                seconds = timer.time(action, target())
            if profiling:
                profiler.disable()
            if measured:
                samples.setdefault(kind, []).append(seconds)
            bring_to_front(bare)
            shown, following = bare.currentWidget(), bare.widget((bare.currentIndex() + 1) % 4)
            assert shown is not None and following is not None
            go = shown.findChild(QWidget, "bare.next")
            assert go is not None
            seconds = timer.tap(go, following)
            if measured:
                samples.setdefault(BARE, []).append(seconds)
    kiosk.shutdown()
    shutil.rmtree(folder, ignore_errors=True)
    if profile:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    rows = {BARE: samples.pop(BARE), **samples}
    print(f"\ntap → next screen painted, {size}, xcb on {os.environ['DISPLAY']}")
    print(format_table(rows, baseline=BARE))
    if timer.unflushed:
        print(f"({timer.unflushed} frames painted by an expose rather than a frame request)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
