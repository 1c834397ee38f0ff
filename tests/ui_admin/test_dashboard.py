"""The dashboard, driven like a manager would: today's figures, a range, each language,
exports audited; staff never see it."""

from __future__ import annotations

import csv
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from ui.admin.dashboard_page import DashboardPage

from .conftest import Admin, cell


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def traffic(db: Database, settings: Settings, clock: FakeClock) -> None:
    """Monday 10:00: an account opened after a 10-minute wait (12 min of service, proof of
    address missing); a lost card waiting."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("3", ["open_account", "lost_card"])
    desk.open_counter("3", None)
    first = reception.take_ticket(
        VisitInput("en", clock.now, ("topic_accounts", "open_new_account"), "open_account",
                   ("id_document",), ("proof_of_address",))
    )  # fmt: skip
    reception.take_ticket(VisitInput("en", clock.now, ("card_lost",), "lost_card"))
    clock.advance(minutes=10)
    desk.call("3", first.ticket_id)
    desk.start(first.ticket_id)
    clock.advance(minutes=12)
    desk.finish(first.ticket_id, "served")


def _dashboard(admin: Admin) -> DashboardPage:
    admin.touch("admin.nav.dashboard")
    page = admin.panel.page("dashboard")
    assert isinstance(page, DashboardPage)
    return page


def _row(page: DashboardPage, key: str, first_cell: str) -> list[str]:
    table = page.tables[key]
    for r in range(table.rowCount()):
        if cell(table, r, 0) == first_cell:
            return [cell(table, r, c) for c in range(table.columnCount())]
    raise AssertionError(f"no row {first_cell!r} in {key}")


def test_today_per_service_with_its_target(
    make_admin: Callable[..., Admin], manager: StaffMember, traffic: None, clock: FakeClock
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _dashboard(admin)
    assert admin.find("report.range", QComboBox).currentData() == "today"
    assert page.live.isActive()
    row = _row(page, "services", "Open an account")
    assert row[1:] == ["1", "1", "10.0", "10.0", "20", "100.0%", "On target"]
    times = _row(page, "service_times", "Open an account")
    assert times[1:] == ["12.0", "12.0", "0.0%", "0", "0"]
    assert "Arrivals 2" in page.summary.text()
    missing = _row(page, "missing", "Open an account")
    assert missing[1:] == ["Proof of address", "1", "1", "100.0%"]
    assert page.tables["trend"].rowCount() == 1


def test_a_range_of_days(
    make_admin: Callable[..., Admin], manager: StaffMember, traffic: None, clock: FakeClock
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _dashboard(admin)
    combo = admin.find("report.range", QComboBox)
    combo.setCurrentIndex(combo.findData("custom"))
    assert not page.live.isActive()
    admin.find("report.from", QDateEdit).setDate(QDate(2026, 11, 24))
    admin.find("report.to", QDateEdit).setDate(QDate(2026, 11, 30))
    admin.touch("report.show")
    assert page.tables["trend"].rowCount() == 7  # days without traffic are rows too
    assert cell(page.tables["trend"], 0, 1) == "0"
    admin.find("report.from", QDateEdit).setDate(QDate(2026, 12, 5))
    admin.touch("report.show")
    assert "before its start" in page.status.text()


@pytest.mark.parametrize(
    ("locale", "title", "target"),
    [
        ("en", "Dashboard", "On target"),
        ("zh_Hans", "仪表板", "达标"),
        ("zh_Hant", "儀表板", "達標"),
    ],
)
def test_each_language(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    traffic: None,
    clock: FakeClock,
    locale: str,
    title: str,
    target: str,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _dashboard(admin)
    admin.panel.language.set_locale(locale)
    admin.settle()
    assert page.heading.text() == title
    services = page.tables["services"]
    assert any(cell(services, r, 7) == target for r in range(services.rowCount()))
    assert (
        admin.find("report.range", QComboBox).accessibleName() == page.fields["range"].title.text()
    )


def test_exports_are_audited(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    traffic: None,
    clock: FakeClock,
    db: Database,
    settings: Settings,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _dashboard(admin)
    admin.touch("report.export_pdf")
    admin.touch("report.export_csv")
    admin.touch("report.export_xlsx")
    folder = settings.kiosk.data_dir / "reports"
    with (folder / "csv" / "services.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Service" and rows[1][:3] == ["Open an account", "1", "1"]
    assert (folder / "review.xlsx").stat().st_size > 0
    actions = [e.action for e in AuditLog(db, "kiosk-7").entries(action="report.")]
    assert sorted(actions) == ["report.export_csv", "report.export_pdf", "report.export_xlsx"]
    text = " ".join(p.extract_text() for p in PdfReader(str(folder / "review.pdf")).pages)
    assert "Open an account" in " ".join(text.split())
    assert "Saved to" in page.status.text()


def test_staff_do_not_see_the_dashboard(
    make_admin: Callable[..., Admin], clerk: StaffMember
) -> None:
    admin = make_admin(clerk)
    assert admin.panel.nav_buttons["dashboard"].isHidden()


def test_today_refreshes_by_itself(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    traffic: None,
    clock: FakeClock,
    db: Database,
    settings: Settings,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _dashboard(admin)
    assert "Arrivals 2" in page.summary.text()
    Reception(db, settings, clock).take_ticket(
        VisitInput("en", clock.now, ("card_lost",), "lost_card")
    )
    page.live.timeout.emit()  # what the 30-second timer does
    admin.settle()
    assert "Arrivals 3" in page.summary.text()
