"""Every admin page fits every screen a branch has, in every language: nothing cut off,
nothing overlapping, and the visits and audit tables end inside their width."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTableWidget

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.clock import utc_now
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.i18n import LOCALES
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from tests.layout_fit import SCREEN_SIZES, cut_button_texts, fit_problems

from .conftest import Admin

PAGES = ("visits", "staff", "catalogue", "settings", "audit", "dashboard", "assessment")
LONG = "a change described at great length, " * 6


@pytest.fixture
def records(db: Database, settings: Settings, manager: StaffMember) -> None:
    """A morning of visits, ending an hour and three quarters ago, and an audit trail
    with long entries. Dated by the real clock: the visits page shows the last seven
    days by it (a fixed date fell out of that window a week after it was written)."""
    clock = FakeClock(utc_now() - timedelta(hours=3))
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("3", ["open_account", "lost_card"])
    for index in range(25):
        slug = ("open_account", "lost_card")[index % 2]
        reception.take_ticket(VisitInput("zh_Hant", clock.now, (), slug))
        clock.advance(minutes=3)
    audit = AuditLog(db, settings.kiosk.id)
    for index in range(15):
        audit.record(manager.actor, "settings.change", f"display.languages.{index}", {"note": LONG})


def _table_problems(table: QTableWidget) -> list[str]:
    """The last column must end inside the table's viewport (no sideways scrolling)."""
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    problems = []
    if right > table.viewport().width():
        problems.append(f"{table.objectName()} ends at {right}, past {table.viewport().width()}")
    if table.horizontalScrollBar().isVisible():
        problems.append(f"{table.objectName()} scrolls sideways")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_each_admin_page_fits_every_screen_in_every_language(
    make_admin: Callable[..., Admin], manager: StaffMember, records: None, page: str
) -> None:
    admin = make_admin(manager)
    assert admin.panel.show_page(page)
    admin.settle()
    problems: list[str] = []
    for screen, (width, height) in SCREEN_SIZES.items():
        admin.host.resize(width, height)
        for locale in LOCALES:
            admin.panel.language.set_locale(locale)
            admin.settle()
            admin.qtbot.wait(10)
            where = f"{page} {screen} {locale}"
            if admin.host.size() != QSize(width, height):
                problems.append(f"{where}: window is {admin.host.size().toTuple()}")
            problems += [f"{where}: {p}" for p in fit_problems(admin.host, QSize(width, height))]
            problems += [f"{where}: {p}" for p in cut_button_texts(admin.host)]
            table = getattr(admin.panel.page(page), "table", None)
            if isinstance(table, QTableWidget) and table.isVisible():
                assert table.rowCount() > 0
                problems += [f"{where}: {p}" for p in _table_problems(table)]
    assert problems == []


def test_a_long_audit_cell_is_cut_short_with_its_whole_text_in_a_tooltip(
    make_admin: Callable[..., Admin], manager: StaffMember, records: None
) -> None:
    admin = make_admin(manager)
    admin.host.resize(1366, 768)
    admin.panel.show_page("audit")
    admin.settle()
    table = admin.panel.page("audit").table
    admin.qtbot.waitUntil(lambda: table.rowCount() >= 15)
    admin.qtbot.wait(10)
    details = table.item(0, 4)
    assert details is not None and "a change described" in details.text()
    assert details.toolTip() == details.text()
    needed = table.fontMetrics().horizontalAdvance(details.text())
    assert table.columnWidth(4) < needed  # elided: it does not push the table wider
    assert _table_problems(table) == []
    admin.host.resize(1920, 1080)  # a wider screen: the columns widen with it
    admin.qtbot.wait(10)
    assert _table_problems(table) == []
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(4) + header.sectionSize(4) == table.viewport().width()
