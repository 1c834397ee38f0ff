"""The phone survey's call list and the texts page, driven by touch: the number masked
until "Show number" (audited), each call's outcome recorded, the managers' export,
and the outbox with the demo gateway's log; in each language."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.contacts import ContactBook, open_contact_key
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.i18n import LOCALES
from kiosk.messenger.gateways import gateway_for
from kiosk.messenger.relay import Relay
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from ui.admin.calls_page import CallsPage
from ui.admin.messages_page import MessagesPage

from ..accessibility import widget_problems
from .conftest import Admin, cell
from .test_accessibility import INTERACTIVE, _part_of_compound


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def surveyed(db: Database, settings: Settings, clock: FakeClock) -> list[str]:
    """Two finished visits whose customers consented to the survey; a day has passed."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("3", ["lost_card"])
    desk.open_counter("3", staff_id=None)
    book = ContactBook(db, settings, open_contact_key(db, settings), clock)
    codes = []
    for number, locale in (("91234560", "zh_Hant"), ("+8613800138000", "en")):
        ticket = reception.take_ticket(VisitInput(locale, clock.now, (), "lost_card"))
        book.opt_in(
            ticket_id=ticket.ticket_id,
            typed=number,
            purposes=["survey"],
            locale=locale,
            notice_version="v",
        )
        desk.call("3", ticket.ticket_id)
        desk.finish(ticket.ticket_id, "served")
        codes.append(ticket.code)
        clock.advance(minutes=10)
    clock.advance(hours=settings.sms.call_after_hours)
    return codes


def calls(admin: Admin) -> CallsPage:
    admin.touch("admin.nav.calls")
    page = admin.panel.page("calls")
    assert isinstance(page, CallsPage)
    return page


def test_staff_work_the_call_list(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    surveyed: list[str],
    db: Database,
    clock: FakeClock,
) -> None:
    admin = make_admin(clerk, clock=clock)
    page = calls(admin)
    table = page.table
    assert [cell(table, r, 1) for r in range(table.rowCount())] == surveyed  # oldest first
    assert cell(table, 0, 3) == "+852 •••• 4560"
    assert not admin.find("admin.calls.export").isVisible()  # managers only
    page.select_row(0)
    assert admin.find("admin.calls.number", QLabel).text() == "+852 •••• 4560"
    admin.touch("admin.calls.reveal")
    assert admin.find("admin.calls.number", QLabel).text() == "+85291234560"
    assert AuditLog(db, "kiosk-7").entries()[0].action == "contact.reveal"
    admin.touch("admin.calls.no_answer")
    assert cell(page.table, 0, 4) == "1" and cell(page.table, 0, 3) == "+852 •••• 4560"
    page.select_row(1)
    score = admin.find("admin.calls.score", QComboBox)
    score.setCurrentIndex(score.findData(2))
    admin.click("admin.calls.reason.wait")
    admin.find("admin.calls.comment", QLineEdit).setText("Waited too long")
    admin.touch("admin.calls.answered")
    assert page.table.rowCount() == 1 and page.status_text == "Saved."
    # newest first: the score of 2 opened a case for a manager, in the call's transaction
    assert [e.action for e in AuditLog(db, "kiosk-7").entries()][:3] == [
        "complaint.open",
        "survey.call",
        "survey.call",
    ]


def test_managers_export_the_list(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    surveyed: list[str],
    db: Database,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    admin = make_admin(manager, clock=clock)
    page = calls(admin)
    out = tmp_path / "calls.csv"
    page.export_to(out)
    admin.settle()
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert [r[0] for r in rows[1:]] == surveyed and "91234560" not in out.read_text()
    assert AuditLog(db, "kiosk-7").entries()[0].action == "survey.export"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_pages_speak_each_language_and_name_their_controls(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    surveyed: list[str],
    clock: FakeClock,
    locale: str,
) -> None:
    admin = make_admin(manager, clock=clock)
    admin.click(f"admin.lang.{locale}")
    for name in ("calls", "messages"):
        admin.touch(f"admin.nav.{name}")
        page = admin.panel.page(name)
        problems = [
            p
            for widget in page.findChildren(QWidget)
            if isinstance(widget, INTERACTIVE) and not _part_of_compound(widget, page)
            for p in widget_problems(widget, page)
        ]
        assert problems == []
        assert page.heading.text() == admin.panel.language.loc.tr(
            "Phone survey" if name == "calls" else "Texts"
        )


def test_the_texts_page_shows_the_outbox_and_the_log(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    surveyed: list[str],
    db: Database,
    settings: Settings,
    clock: FakeClock,
) -> None:
    relay = Relay(db, settings, gateway_for(settings), open_contact_key(db, settings), clock=clock)
    relay.step()  # the log gateway: both surveys go to the file
    admin = make_admin(clerk, clock=clock)
    admin.touch("admin.nav.messages")
    page = admin.panel.page("messages")
    assert isinstance(page, MessagesPage)
    assert [page.status_of(r) for r in range(page.table.rowCount())] == ["sent", "sent"]
    assert cell(page.table, 0, 3) == "Sent"
    log = page.log_table
    assert sorted(cell(log, r, 0) for r in range(log.rowCount())) == [
        "+852 •••• 4560",
        "+86 •••• 8000",
    ]


@pytest.mark.parametrize("name", ["calls", "messages"])
def test_the_pages_fit_every_screen_in_every_language(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    surveyed: list[str],
    db: Database,
    settings: Settings,
    clock: FakeClock,
    name: str,
) -> None:
    from PySide6.QtCore import QSize

    from tests.layout_fit import SCREEN_SIZES, cut_button_texts, fit_problems

    from .test_fit import _table_problems

    Relay(db, settings, gateway_for(settings), open_contact_key(db, settings), clock=clock).step()
    admin = make_admin(manager, clock=clock)
    assert admin.panel.show_page(name)
    admin.settle()
    problems: list[str] = []
    for screen, (width, height) in SCREEN_SIZES.items():
        admin.host.resize(width, height)
        for locale in LOCALES:
            admin.panel.language.set_locale(locale)
            admin.settle()
            admin.qtbot.wait(10)
            where = f"{name} {screen} {locale}"
            problems += [f"{where}: {p}" for p in fit_problems(admin.host, QSize(width, height))]
            problems += [f"{where}: {p}" for p in cut_button_texts(admin.host)]
            table = admin.panel.page(name).table
            assert table.rowCount() > 0
            problems += [f"{where}: {p}" for p in _table_problems(table)]
    assert problems == []
