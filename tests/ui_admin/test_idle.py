"""Admin idle logout, the sign-out button and closing admin mode: each wipes the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QSpinBox

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.branch_settings import BranchSettingsStore
from kiosk.db.database import Database
from kiosk.settings import Settings
from ui.admin.panel import DEFAULT_IDLE_SECONDS

from .conftest import Admin


def _fill_every_page(admin: Admin) -> None:
    panel = admin.panel
    QTest.keyClicks(admin.find("admin.visits.code", QLineEdit), "A001")
    admin.touch("admin.visits.search")
    admin.touch("admin.nav.staff")
    admin.click("admin.staff.add")
    QTest.keyClicks(admin.find("admin.staff.name", QLineEdit), "Half typed")
    for digit in "5829":
        admin.click(f"admin.staff.pin.{digit}")
    admin.touch("admin.nav.catalogue")
    QTest.keyClicks(admin.find("admin.service.name.en", QLineEdit), " (edited)")
    admin.touch("admin.nav.settings")
    admin.touch("admin.nav.audit")
    admin.touch("admin.nav.catalogue")
    admin.click("admin.catalogue.export")  # a file dialog left open
    assert panel.findChild(QFileDialog) is not None
    assert panel.page("staff").table.rowCount() == 1
    assert panel.page("audit").table.rowCount() > 0
    assert panel.page("settings").branch_name.text() == "Test Branch"


def _assert_wiped(admin: Admin) -> None:
    panel = admin.panel
    visits, staff = panel.page("visits"), panel.page("staff")
    catalogue, settings, audit = (
        panel.page("catalogue"),
        panel.page("settings"),
        panel.page("audit"),
    )
    assert visits.code.text() == "" and visits.table.rowCount() == 0
    assert staff.table.rowCount() == 0 and staff.form.isHidden()
    assert staff.name.text() == "" and staff.pin.digits == 0
    assert not catalogue.loaded and catalogue.draft["services"] == []
    assert catalogue.services.form.name.edits["en"].text() == ""
    assert settings.loaded is None and settings.branch_name.text() == ""
    assert audit.table.rowCount() == 0
    admin.qtbot.waitUntil(lambda: panel.findChild(QFileDialog) is None)  # closed and gone


def test_idle_signs_out_and_wipes(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager, idle_ms=600_000)
    _fill_every_page(admin)
    admin.panel.idle.timer.setInterval(150)  # the injectable interval, shortened now
    admin.panel.idle.touched()
    with admin.qtbot.waitSignal(admin.panel.admin_did_sign_out, timeout=5000):
        pass
    panel = admin.panel
    assert panel.signed_out and panel.ctx.member is None
    _assert_wiped(admin)
    assert not any(b.isVisible() for b in panel.nav_buttons.values())
    assert panel.show_page("staff") is False
    assert panel.signed_in.text() == "Signed out"
    panel.worker.wait_for_done(5000)
    [entry] = AuditLog(db, settings.kiosk.id).entries(action="auth.sign_out")
    assert (entry.actor_name, entry.detail) == ("Mary Manager", {"reason": "idle"})


def test_touches_keep_admin_mode_open(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager, idle_ms=600_000)
    admin.panel.idle.timer.setInterval(700)
    admin.click("admin.nav.visits")
    for _ in range(4):  # 4 × 250 ms > 700 ms, but each touch restarts the count
        admin.qtbot.wait(250)
        admin.click("admin.nav.visits")
        assert not admin.panel.signed_out
    with admin.qtbot.waitSignal(admin.panel.admin_did_sign_out, timeout=3000):
        pass


def test_idle_interval_comes_from_branch_settings(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager, idle_ms=None)
    assert admin.panel.idle.interval_ms == DEFAULT_IDLE_SECONDS * 1000
    assert admin.panel.idle.timer.isActive()
    BranchSettingsStore(db, settings).update(manager, admin_idle_seconds=45)
    admin = make_admin(manager, idle_ms=None)
    assert admin.panel.idle.interval_ms == 45_000
    admin.touch("admin.nav.settings")
    number = admin.find("admin.settings.admin_idle_seconds", QSpinBox)
    number.setValue(30)
    admin.touch("admin.settings.save")
    assert admin.panel.idle.interval_ms == 30_000  # a saved change applies at once


def test_sign_out_button_and_close(make_admin: Callable[..., Admin], manager: StaffMember) -> None:
    admin = make_admin(manager)
    _fill_every_page(admin)
    with admin.qtbot.waitSignal(admin.panel.admin_did_close, timeout=2000):
        admin.click("admin.close")
    assert not admin.panel.signed_out and not admin.panel.idle.timer.isActive()
    _assert_wiped(admin)

    admin.panel.show_page("visits")
    admin.panel.idle.start()
    with admin.qtbot.waitSignal(admin.panel.admin_did_sign_out, timeout=2000):
        admin.click("admin.sign_out")
    assert admin.panel.signed_out
    assert not admin.panel.body.isEnabled()
