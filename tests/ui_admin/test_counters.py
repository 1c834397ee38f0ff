"""The Counters page: a manager adds, edits and removes counters; refusals are shown in
plain words; staff do not see the page and a forced call is refused by the domain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.counters import CounterAdmin
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from ui.admin.counters_page import CountersPage, ServiceChoice

from .conftest import Admin, cell


def _page(admin: Admin) -> CountersPage:
    admin.touch("admin.nav.counters")
    page = admin.panel.page("counters")
    assert isinstance(page, CountersPage)
    return page


def _choose(admin: Admin, name: str, slug: str) -> None:
    choice = admin.find(name, ServiceChoice)
    choice.setCurrentIndex(choice.findData(slug))


def _audit(db: Database, settings: Settings) -> list[tuple[str, str]]:
    entries = AuditLog(db, settings.kiosk.id).entries(action="counter.")
    return [(e.action, e.target) for e in reversed(entries)]


def test_a_manager_adds_edits_and_removes_a_counter(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager)
    page = _page(admin)
    assert page.counters == []

    admin.click("admin.counters.add")
    QTest.keyClicks(admin.find("admin.counters.id", QLineEdit), "4")
    admin.find("admin.counters.name.zh_Hant", QLineEdit).setText("快速櫃位")  # an input method
    _choose(admin, "admin.counters.services.0", "lost_card")
    admin.click("admin.counters.services.add")
    _choose(admin, "admin.counters.services.1", "general_enquiry")
    admin.touch("admin.counters.save")
    assert page.status_text == "Counter 4 was added."
    assert not page.form.isVisible()
    assert [cell(page.table, 0, c) for c in range(4)] == [
        "4",
        "Counter 4",
        "Lost card, General enquiry",
        "In service",
    ]
    [counter] = CounterAdmin(db, "x").counters(manager)
    assert counter.name == {"en": "Counter 4", "zh_Hans": "4号柜台", "zh_Hant": "快速櫃位"}
    assert counter.services == ("lost_card", "general_enquiry")

    page.select_id("4")
    admin.click("admin.counters.edit")
    assert admin.find("admin.counters.id", QLineEdit).isReadOnly()
    admin.click("admin.counters.services.0.down")  # general enquiry first now
    admin.click("admin.counters.in_service")
    admin.touch("admin.counters.save")
    assert page.status_text == "Counter 4 was saved."
    assert cell(page.table, 0, 2) == "General enquiry, Lost card"
    assert cell(page.table, 0, 3) == "Closed"

    admin.click("admin.lang.zh_Hant")
    assert cell(page.table, 0, 1) == "快速櫃位"
    admin.click("admin.lang.en")

    page.select_id("4")
    admin.click("admin.counters.remove")
    assert page.confirm.isVisible()
    assert page.confirm_text.text().startswith("Remove Counter 4?")
    admin.click("admin.counters.keep")  # changed their mind: nothing is removed
    assert len(CounterAdmin(db, "x").counters(manager)) == 1
    admin.click("admin.counters.remove")
    admin.touch("admin.counters.confirm_remove")
    assert page.status_text == "Counter 4 was removed."
    assert page.counters == []
    assert _audit(db, settings) == [
        ("counter.add", "counter:4"),
        ("counter.edit", "counter:4"),
        ("counter.remove", "counter:4"),
    ]


def test_refusals_are_shown_and_keep_what_was_typed(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    CounterAdmin(db, settings.kiosk.id).add(manager, "3", services=["lost_card"])
    admin = make_admin(manager)
    page = _page(admin)
    admin.click("admin.counters.add")
    QTest.keyClicks(admin.find("admin.counters.id", QLineEdit), "3")
    admin.touch("admin.counters.save")
    assert page.form_message.text() == "There is already a counter “3”."
    assert page.form.isVisible()
    assert admin.find("admin.counters.id", QLineEdit).text() == "3"
    admin.click("admin.counters.services.0.delete")
    admin.find("admin.counters.id", QLineEdit).setText("5")
    admin.touch("admin.counters.save")
    assert page.form_message.text() == "Choose at least one service for this counter."
    assert [c.id for c in CounterAdmin(db, "x").counters(manager)] == ["3"]


def test_a_counter_serving_a_customer_is_not_removed(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    CounterAdmin(db, settings.kiosk.id).add(manager, "3", services=["lost_card"])
    reception = Reception(db, settings)
    desk = Desk(db, settings, reception.catalogue())
    desk.open_counter("3", staff_id=manager.id)
    reception.take_ticket(VisitInput("en", datetime.now(UTC), (), "lost_card"))
    called = desk.call_next("3")
    assert called is not None
    desk.close_counter("3")
    admin = make_admin(manager)
    page = _page(admin)
    page.select_id("3")
    admin.click("admin.counters.remove")
    admin.touch("admin.counters.confirm_remove")
    assert page.status_text == (
        f"Counter “3” is serving ticket {called.code}: finish or transfer it "
        "before removing the counter."
    )
    assert [c.id for c in page.counters] == ["3"]
    assert _audit(db, settings) == [("counter.add", "counter:3")]


def test_staff_do_not_see_the_page_and_a_forced_change_is_refused(
    make_admin: Callable[..., Admin], clerk: StaffMember, manager: StaffMember, db: Database
) -> None:
    admin = make_admin(clerk)
    assert not admin.panel.nav_buttons["counters"].isVisible()
    assert admin.panel.show_page("counters") is False
    page = admin.panel.page("counters")
    assert isinstance(page, CountersPage)
    page.start_add()  # what a hidden button would do
    page.counter_id.setText("9")
    page.services.set_values(["lost_card"])
    page.save()
    admin.settle()
    assert page.form_message.text() == "Only a manager can do this."
    assert CounterAdmin(db, "x").counters(manager) == []
