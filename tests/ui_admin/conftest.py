"""Fixtures for the admin panel tests: real widgets, a real SQLite file in ``tmp_path``
(seeded through ``kiosk.bootstrap.open_database``), a manager made the way a new
kiosk makes its first one, and the panel inside a themed host window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.access import StaffMember
from kiosk.bootstrap import open_database
from kiosk.db.database import Database
from kiosk.i18n import Catalogs
from kiosk.settings import Settings, settings_from_mapping
from kiosk.staff import StaffDirectory
from ui.admin import AdminPanel
from ui.common.language import Language
from ui.common.theme import Theme
from ui.common.worker import Worker

CATALOGUE = Path(__file__).parents[1] / "ui" / "catalogue.yaml"
MANAGER_PIN = "409217"
SIZE = (1080, 1920)

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_from_mapping(
        {
            "kiosk": {"data_dir": str(tmp_path), "branch_name": "Test Branch", "id": "kiosk-7"},
            "printer": {"url": "preview", "timeout_seconds": 2.0},
        }
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = open_database(settings, [CATALOGUE])
    yield database
    database.dispose()


@pytest.fixture
def directory(db: Database, settings: Settings) -> StaffDirectory:
    return StaffDirectory(db, kiosk_id=settings.kiosk.id)


@pytest.fixture
def manager(directory: StaffDirectory) -> StaffMember:
    return directory.create_first_manager(MANAGER_PIN, name="Mary Manager")


@pytest.fixture
def clerk(directory: StaffDirectory, manager: StaffMember) -> StaffMember:
    return directory.add(manager, number="20", name="Chris Clerk", role="staff", pin="582947")


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class Admin:
    """The panel in a themed host window, driven by touching named controls."""

    def __init__(self, qtbot: QtBot, panel: AdminPanel, host: QWidget) -> None:
        self.qtbot = qtbot
        self.panel = panel
        self.host = host

    def find(self, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]  # QWidget is a W
        found = self.panel.findChild(kind, name)
        assert found is not None, f"no {kind.__name__} called {name!r}"
        return found

    def click(self, name: str) -> None:
        widget = self.find(name, QAbstractButton)
        assert widget.isVisible() and widget.isEnabled(), f"{name} cannot be touched"
        self.bring_into_reach(widget)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def bring_into_reach(self, widget: QWidget) -> None:
        """Scroll ``widget`` into view (as a finger would), and keep it on the screen.

        The offscreen screen is 800×800 while the kiosk window is 1080×1920; Qt's
        touch scrolling (QScroller) re-sends a delayed press to the widget under the
        point on the *screen*, so a control off the screen would never get it. The
        window is moved so the control lies on the screen, like under a real finger.
        """
        for _ in range(3):  # let pending layout passes place everything first
            QApplication.processEvents()
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 8, 60)
            parent = parent.parentWidget()
        screen = self.host.screen().geometry()
        centre = widget.mapToGlobal(widget.rect().center())
        if not screen.contains(centre):
            self.host.move(self.host.pos() + screen.center() - centre)
        assert screen.contains(widget.mapToGlobal(widget.rect().center()))

    def settle(self) -> None:
        """Wait until every domain call the panel started has answered."""
        self.qtbot.waitUntil(lambda: not self.panel.ctx.busy, timeout=10_000)

    def touch(self, name: str) -> None:
        self.click(name)
        self.settle()

    def pin(self, pad: str, digits: str) -> None:
        for digit in digits:
            self.click(f"{pad}.{digit}")
        self.click(f"{pad}.ok")


@pytest.fixture
def make_admin(
    qtbot: QtBot, db: Database, settings: Settings, catalogs: Catalogs
) -> Iterator[Callable[..., Admin]]:
    built: list[Admin] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def build(member: StaffMember, idle_ms: int | None = 600_000, **kwargs: Any) -> Admin:
        language = Language(catalogs, "en")
        theme = Theme(app)
        host = QWidget()
        host.setObjectName("kioskWindow")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        panel = AdminPanel(
            db=db,
            settings=settings,
            language=language,
            member=member,
            worker=Worker(),
            theme=theme,
            idle_ms=idle_ms,
            **kwargs,
        )
        layout.addWidget(panel)
        theme.attach(host)
        qtbot.addWidget(host)
        host.resize(*SIZE)
        host.show()
        qtbot.waitExposed(host)
        admin = Admin(qtbot, panel, host)
        admin.settle()
        built.append(admin)
        return admin

    yield build
    for admin in built:
        admin.panel.idle.stop()
        admin.panel.worker.wait_for_done(10_000)
