"""Fixtures for the counter console and lobby display: real widgets on a real SQLite
file in ``tmp_path`` (opened through ``kiosk.bootstrap.open_database``), one
``Database`` per window as if each were its own machine, and a "kiosk" that
issues tickets through ``Reception.take_ticket``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.access import StaffMember
from kiosk.bootstrap import open_database
from kiosk.clock import Clock
from kiosk.i18n import Catalogs
from kiosk.reception import VisitInput
from kiosk.settings import Settings, settings_from_mapping
from kiosk.ticket import Priority, TicketData
from tests.helpers.clock import FakeClock
from ui.common.language import Language
from ui.common.queue_backend import QueueBackend
from ui.common.theme import Theme
from ui.common.worker import Worker
from ui.console.window import ConsoleWindow
from ui.display.options import DisplayOptions
from ui.display.window import DisplayWindow

CATALOGUE = Path(__file__).with_name("catalogue.yaml")
MANAGER_PIN = "135792"
ALL_SERVICES = ("open_account", "lost_card", "general_enquiry", "remittance")

#: Qt messages these tests expect on a headless machine, matched exactly.
QT_LOG_IGNORE = (
    # offscreen platform: no window manager to pass size hints to
    r"^This plugin does not support propagateSizeHints\(\)$",
    # QtMultimedia probing optional libraries (PipeWire, VA-API) that CI does not have
    r"^Couldn't (load|resolve) (pipewire-0\.3|va|va-drm|va-x11|va\(in plugin\)) (library|symbols)$",
    # QtMultimedia without a PulseAudio server (no audio output: the chime is skipped)
    r"^PulseAudioService: pa_context_connect\(\) failed$",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui_console/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


class Branch:
    """One branch's database file, as the kiosk in the lobby sees it."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.catalogs = Catalogs()
        self.backends: list[QueueBackend] = []
        self.kiosk = self.backend()
        desk = self.kiosk.desk()
        desk.set_counter("3", ALL_SERVICES)
        desk.set_counter("4", ("lost_card",))
        self.manager: StaffMember = self.kiosk.staff.create_first_manager(MANAGER_PIN, "Mei Chan")

    @property
    def db_file(self) -> Path:
        file = self.kiosk.db.file
        assert file is not None
        return file

    def backend(self) -> QueueBackend:
        """Another machine on the same database file."""
        backend = QueueBackend(open_database(self.settings, [CATALOGUE]), self.settings, self.clock)
        self.backends.append(backend)
        return backend

    def issue(
        self,
        slug: str,
        priority: Priority = Priority.NORMAL,
        missing: tuple[str, ...] = (),
        answers: tuple[str, ...] = (),
    ) -> TicketData:
        visit = VisitInput(
            locale="en",
            started_at=self.clock(),
            answers=answers,
            service_slug=slug,
            materials_missing=missing,
            priority=priority,
        )
        return self.kiosk.reception.take_ticket(visit)

    def close(self) -> None:
        for backend in self.backends:
            backend.close()


def make_settings(data_dir: Path, **sections: Any) -> Settings:
    data: dict[str, Any] = {
        "kiosk": {"data_dir": str(data_dir), "branch_name": "Test Branch", "id": "console-test"},
        "queue": {"priority_ratio": 2, "no_show_after_recalls": 2},
    }
    for name, values in sections.items():
        data.setdefault(name, {}).update(values)
    return settings_from_mapping(data)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def branch(tmp_path: Path, clock: FakeClock) -> Iterator[Branch]:
    branch = Branch(make_settings(tmp_path), clock)
    yield branch
    branch.close()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


@pytest.fixture
def make_console(qtbot: QtBot, branch: Branch) -> Iterator[Callable[..., ConsoleWindow]]:
    built: list[ConsoleWindow] = []

    def build(counter: str | None = None, locale: str = "en", **timings: int) -> ConsoleWindow:
        timings = {"poll_ms": 100, "retry_ms": 200, "tick_ms": 30_000, **timings}
        language = Language(branch.catalogs, locale)
        window = ConsoleWindow(
            branch.backend(), language, Theme(_app()), Worker(), branch.catalogs, counter, **timings
        )
        qtbot.addWidget(window)
        window.resize(1600, 900)
        window.show()
        qtbot.waitExposed(window)
        window.start()
        built.append(window)
        return window

    yield build
    for window in built:
        window.shutdown()


@pytest.fixture
def make_display(qtbot: QtBot, branch: Branch) -> Iterator[Callable[..., DisplayWindow]]:
    built: list[DisplayWindow] = []

    def build(**overrides: Any) -> DisplayWindow:
        defaults: dict[str, Any] = {
            "languages": ("en",),
            "speech_engine": None,
            "rotate_ms": 0,
            "chime_ms": 20,
            "retry_ms": 200,
        }
        options = DisplayOptions(**{**defaults, **overrides})
        language = Language(branch.catalogs, options.languages[0], options.languages)
        window = DisplayWindow(
            branch.backend(), language, Theme(_app()), Worker(), branch.catalogs, options
        )
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.board_did_update, timeout=3000):
            window.start()
        built.append(window)
        return window

    yield build
    for window in built:
        window.shutdown()
