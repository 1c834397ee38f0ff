"""Visit records: filter, a visit's timeline in the branch's time, CSV export for
managers (audited by the domain), refused to staff."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from ui.admin.visits_page import VisitsPage

from .conftest import Admin, cell


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def visits(db: Database, settings: Settings, clock: FakeClock) -> None:
    """A0001 served (missing a proof of address), L001 waiting, one visit without a ticket."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("3", ["open_account", "lost_card"])
    first = reception.take_ticket(
        VisitInput(
            "zh_Hant",
            clock.now,
            ("topic_accounts", "open_new_account"),
            "open_account",
            ("id_document",),
            ("proof_of_address",),
        )
    )
    clock.advance(minutes=5)
    reception.take_ticket(VisitInput("en", clock.now, ("card_lost",), "lost_card"))
    reception.record_visit(VisitInput("en", clock.now, ("topic_accounts",)), "abandoned")
    clock.advance(minutes=3)
    desk.call_next("3")
    desk.start(first.ticket_id)
    clock.advance(minutes=12)
    desk.finish(first.ticket_id, "served")


def _visits_page(admin: Admin) -> VisitsPage:
    page = admin.panel.page("visits")
    assert isinstance(page, VisitsPage)
    assert admin.panel.current == "visits"  # the page every member starts on
    return page


def _codes(page: VisitsPage) -> list[str]:
    return [cell(page.table, r, 1) for r in range(page.table.rowCount())]


def test_filter_and_timeline(
    make_admin: Callable[..., Admin], manager: StaffMember, visits: None, clock: FakeClock
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _visits_page(admin)
    assert _codes(page) == ["–", "L001", "A001"]
    assert page.summary.text() == "3 visits"

    status = admin.find("admin.visits.status", QComboBox)
    status.setCurrentIndex(status.findData("done"))
    admin.touch("admin.visits.search")
    assert _codes(page) == ["A001"]
    assert cell(page.table, 0, 2) == "Open an account"
    assert cell(page.table, 0, 3) == "Done"

    status.setCurrentIndex(0)
    QTest.keyClicks(admin.find("admin.visits.code", QLineEdit), "l001")
    admin.touch("admin.visits.search")
    assert _codes(page) == ["L001"]

    admin.find("admin.visits.code", QLineEdit).clear()
    service = admin.find("admin.visits.service", QComboBox)
    service.setCurrentIndex(service.findData("open_account"))
    admin.touch("admin.visits.search")
    page.select_row(0)
    assert page.detail_frame.isVisible()
    assert page.detail_title.text() == "Visit A001"
    assert page.detail.text().splitlines() == [
        "30 Nov 2026, 10:00:00 — Arrived at the kiosk",
        "30 Nov 2026, 10:00:00 — Ticket issued",
        "30 Nov 2026, 10:08:00 — Called",
        "30 Nov 2026, 10:08:00 — Service started",
        "30 Nov 2026, 10:20:00 — Finished",
        "",
        "Answers: Accounts → Open an account",
        "Still to bring: Proof of address",
        "Ticket printed: Printing",
        "Counter: 3",
    ]

    admin.panel.language.set_locale("zh_Hant")  # labels follow the language
    lines = page.detail.text().splitlines()
    assert lines[0] == "2026年11月30日 10:00:00 — 到達自助服務機"
    assert lines[6].endswith("戶口 → 開立戶口")
    assert lines[7].endswith("住址證明")


def test_csv_export_writes_a_file_and_an_audit_entry(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    visits: None,
    clock: FakeClock,
    db: Database,
    settings: Settings,
    tmp_path: Path,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = _visits_page(admin)
    target = tmp_path / "visits-export.csv"
    admin.click("admin.visits.export")
    dialog = admin.panel.findChild(QFileDialog)
    assert dialog is not None
    dialog.selectFile(str(target))
    dialog.accept()
    admin.settle()
    assert page.status_text == f"3 visits exported to {target}"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["ticket"] for r in rows) == ["", "A001", "L001"]
    [entry] = AuditLog(db, settings.kiosk.id).entries(action="visits.export")
    assert entry.actor_name == "Mary Manager"
    assert entry.detail["rows"] == 3


def test_staff_can_search_but_not_export(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    visits: None,
    clock: FakeClock,
    db: Database,
    settings: Settings,
    tmp_path: Path,
) -> None:
    admin = make_admin(clerk, clock=clock)
    page = _visits_page(admin)
    assert _codes(page) == ["–", "L001", "A001"]
    assert not page.export_button.isVisible()
    target = tmp_path / "stolen.csv"
    page.export_to(target)  # what the hidden button would do
    admin.settle()
    assert page.status_text == "Only a manager can do this."
    assert not target.exists()
    assert AuditLog(db, settings.kiosk.id).entries(action="visits.export") == []
