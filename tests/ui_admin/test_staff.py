"""Staff accounts: a manager adds, promotes, resets and is refused what the domain forbids;
a staff-role member sees no manager page, and a forced call is refused by the domain."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from kiosk.access import StaffMember
from kiosk.staff import StaffDirectory
from ui.admin.staff_page import StaffPage

from .conftest import MANAGER_PIN, Admin, cell


def _staff_page(admin: Admin) -> StaffPage:
    admin.touch("admin.nav.staff")
    page = admin.panel.page("staff")
    assert isinstance(page, StaffPage)
    return page


def _number(directory: StaffDirectory, number: str) -> StaffMember:
    member = directory.member_by_number(number)
    assert member is not None
    return member


def test_manager_adds_promotes_and_resets_pin(
    make_admin: Callable[..., Admin], manager: StaffMember, directory: StaffDirectory
) -> None:
    admin = make_admin(manager)
    page = _staff_page(admin)
    assert [m.number for m in page.members] == ["1"]

    admin.click("admin.staff.add")
    QTest.keyClicks(admin.find("admin.staff.number", QLineEdit), "12")
    QTest.keyClicks(admin.find("admin.staff.name", QLineEdit), "Sam Teller")
    admin.pin("admin.staff.pin", "123456")  # a run of digits: refused before the second entry
    assert page.pin.message.text() == "A PIN cannot be a run of digits such as 123456."
    assert not page.pin.confirming
    admin.pin("admin.staff.pin", "582940")
    assert page.pin.confirming
    admin.pin("admin.staff.pin", "582940")
    admin.settle()
    assert page.status_text == "Sam Teller was added."
    assert not page.form.isVisible()
    sam = _number(directory, "12")
    assert (sam.name, sam.role, sam.active) == ("Sam Teller", "staff", True)
    assert [cell(page.table, r, 0) for r in range(page.table.rowCount())] == ["1", "12"]

    page.select_number("12")
    assert admin.find("admin.staff.toggle_role", QAbstractButton).text() == "Make manager"
    admin.touch("admin.staff.toggle_role")
    assert page.status_text == "Sam Teller is now: Manager"
    assert _number(directory, "12").role == "manager"

    page.select_number("12")
    admin.click("admin.staff.reset_pin")
    assert page.form_title.text() == "New PIN for Sam Teller"
    admin.pin("admin.staff.pin", "582940")
    admin.pin("admin.staff.pin", "582940")  # the PIN it already has
    admin.settle()
    assert page.pin.message.text() == "Choose a PIN you have not used before."
    assert page.form.isVisible()
    admin.pin("admin.staff.pin", "730516")
    admin.pin("admin.staff.pin", "730516")
    admin.settle()
    assert page.status_text == "The PIN was changed."
    assert directory.sign_in("730516", "12").staff is not None


def test_refusals_are_shown_in_plain_words(
    make_admin: Callable[..., Admin], manager: StaffMember, directory: StaffDirectory
) -> None:
    admin = make_admin(manager)
    page = _staff_page(admin)

    admin.click("admin.staff.add")
    QTest.keyClicks(admin.find("admin.staff.number", QLineEdit), "1")
    QTest.keyClicks(admin.find("admin.staff.name", QLineEdit), "Twin")
    admin.pin("admin.staff.pin", "582940")
    admin.pin("admin.staff.pin", "582941")
    assert page.pin.message.text() == "The PINs do not match. Please choose the PIN again."
    admin.pin("admin.staff.pin", "582940")
    admin.pin("admin.staff.pin", "582940")
    admin.settle()
    assert page.status_text == "That staff number is already in use."
    assert len(directory.members(manager)) == 1

    page.select_number("1")
    admin.touch("admin.staff.toggle_active")
    assert page.status_text == "The last manager cannot be deactivated."
    admin.touch("admin.staff.toggle_role")
    assert page.status_text == "The last manager cannot lose the manager role."
    assert _number(directory, "1") == manager

    # The PIN pad never shows or keeps the digits.
    admin.click("admin.staff.reset_pin")
    for digit in "4092":
        admin.click(f"admin.staff.pin.{digit}")
    assert page.pin.dots.text() == "●●●●"
    assert page.pin.dots.accessibleName() == "4 digits entered"
    admin.click("admin.staff.pin.cancel")
    assert not page.form.isVisible() and page.pin.digits == 0
    assert directory.sign_in(MANAGER_PIN, "1").staff is not None


def test_staff_member_sees_no_manager_page_and_forced_calls_are_refused(
    make_admin: Callable[..., Admin],
    clerk: StaffMember,
    manager: StaffMember,
    directory: StaffDirectory,
    tmp_path: Path,
) -> None:
    admin = make_admin(clerk)
    panel = admin.panel
    visible = [name for name, b in panel.nav_buttons.items() if b.isVisible()]
    assert visible == ["visits", "assessment", "calls", "messages"]  # their own figures
    assert panel.current == "visits"
    for name in ("staff", "counters", "catalogue", "settings", "audit", "dashboard"):
        assert panel.show_page(name) is False
        assert panel.current == "visits"

    page = panel.page("staff")
    assert isinstance(page, StaffPage)
    page.submit_add("30", "Mallory", "manager", "582940")  # what a hidden button would do
    admin.settle()
    assert page.status_text == "Only a manager can do this."
    page.members = directory.members(manager)
    page.set_role(clerk.id, "manager")
    admin.settle()
    assert page.status_text == "Only a manager can do this."
    assert [m.number for m in directory.members(manager)] == ["1", "20"]
    assert _number(directory, "20").role == "staff"


def test_manager_who_demotes_themself_is_signed_out(
    make_admin: Callable[..., Admin], manager: StaffMember, directory: StaffDirectory
) -> None:
    directory.add(manager, number="2", name="Second Manager", role="manager", pin="582940")
    admin = make_admin(manager)
    page = _staff_page(admin)
    page.select_number("1")
    with admin.qtbot.waitSignal(admin.panel.admin_did_sign_out, timeout=5000):
        admin.click("admin.staff.toggle_role")
    assert admin.panel.signed_out
    assert page.table.rowCount() == 0
    assert _number(directory, "1").role == "staff"


def test_signed_in_line_names_the_role_once(
    make_admin: Callable[..., Admin],
    directory: StaffDirectory,
    manager: StaffMember,
    clerk: StaffMember,
) -> None:
    named_as_role = directory.add(
        manager, number="30", name="Manager", role="manager", pin="730518"
    )
    admin = make_admin(named_as_role)
    assert admin.panel.signed_in.text() == "Signed in: Manager"
    admin.panel.language.set_locale("zh_Hans")
    assert admin.panel.signed_in.text() == "已登录：经理"

    other = make_admin(clerk)
    assert other.panel.signed_in.text() == "Signed in: Chris Clerk · Staff"
    other.panel.language.set_locale("zh_Hant")
    assert other.panel.signed_in.text() == "已登入：Chris Clerk · 職員"


def test_the_staff_table_heads_its_numbers_as_staff_numbers_in_each_language(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    from PySide6.QtWidgets import QTableWidget

    admin = make_admin(manager)
    admin.panel.show_page("staff")
    table = admin.find("admin.staff.table", QTableWidget)
    for locale, heading in (("en", "Staff no."), ("zh_Hans", "员工编号"), ("zh_Hant", "員工編號")):
        admin.panel.language.set_locale(locale)
        header = table.horizontalHeaderItem(0)
        assert header is not None and header.text() == heading  # not a ticket's 籌號
