"""Branch settings: save, per-field refusals from the domain, and a test print that
runs off the UI thread and reports what became of it."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.branch_settings import BranchSettingsStore
from kiosk.db.database import Database
from kiosk.i18n import LOCALES
from kiosk.settings import Settings
from ui.admin.settings_page import SettingsPage

from .conftest import Admin


def _settings_page(admin: Admin) -> SettingsPage:
    admin.touch("admin.nav.settings")
    page = admin.panel.page("settings")
    assert isinstance(page, SettingsPage)
    assert page.loaded is not None
    return page


def _set_text(admin: Admin, name: str, text: str) -> None:
    edit = admin.find(name, QLineEdit)
    edit.selectAll()
    QTest.keyClicks(edit, text)


def _set_number(admin: Admin, name: str, value: int) -> None:
    box = admin.find(name, QSpinBox)
    box.selectAll()
    QTest.keyClicks(box, str(value))
    assert box.value() == value


def test_save_a_change(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager)
    page = _settings_page(admin)
    assert page.branch_name.text() == "Test Branch"
    _set_text(admin, "admin.settings.branch_name", "Harbour Branch")
    _set_number(admin, "admin.settings.admin_idle_seconds", 90)
    admin.click("admin.settings.sections.qr")  # no QR code on the ticket
    admin.click("admin.settings.languages.zh_Hans")  # no Simplified Chinese
    admin.touch("admin.settings.save")

    assert page.status_text == "The settings were saved."
    saved = BranchSettingsStore(db, settings).current()
    assert saved.branch_name == "Harbour Branch"
    assert saved.admin_idle_seconds == 90
    assert saved.hidden_ticket_sections == ("qr",)
    assert saved.languages == ("en", "zh_Hant")
    assert admin.panel.idle.interval_ms == 600_000  # injected: the test's interval stays
    changed = {e.target for e in AuditLog(db, settings.kiosk.id).entries(action="settings.")}
    assert changed == {"branch_name", "admin_idle_seconds", "hidden_ticket_sections", "languages"}


def test_bad_values_show_the_field_message_and_save_nothing(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(manager)
    page = _settings_page(admin)
    _set_number(admin, "admin.settings.idle_seconds", 5)
    admin.touch("admin.settings.save")
    assert page.fields["idle_seconds"].message.text() == "The value is too small."
    assert page.fields["idle_seconds"].message.isVisible()
    assert page.status_text == "Not saved. Please check the fields marked below."

    _set_number(admin, "admin.settings.idle_seconds", 60)
    for code in LOCALES:
        admin.find(f"admin.settings.languages.{code}", QCheckBox).setChecked(False)
    admin.touch("admin.settings.save")
    assert page.fields["languages"].message.text() == "Choose at least one."
    assert not page.fields["idle_seconds"].message.isVisible()

    admin.click("admin.settings.languages.zh_Hant")
    admin.touch("admin.settings.save")  # default language English is no longer offered
    assert page.fields["default_language"].message.text() == "The default language must be offered."
    assert BranchSettingsStore(db, settings).current().languages == ("en", "zh_Hans", "zh_Hant")
    assert AuditLog(db, settings.kiosk.id).entries(action="settings.") == []


def test_test_print_on_the_preview_printer(
    make_admin: Callable[..., Admin], manager: StaffMember, tmp_path: Path
) -> None:
    admin = make_admin(manager)
    page = _settings_page(admin)
    assert page.printer_url.text() == "preview"
    admin.click("admin.settings.test_print")
    admin.settle()
    assert page.status_text.startswith("The test page was printed.")
    assert page.test_print_button.isEnabled()
    assert list(tmp_path.rglob("*TEST*.png")), "the preview printer writes the page as a PNG"


def test_test_print_on_a_closed_port_fails_with_a_message(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    admin = make_admin(manager)
    page = _settings_page(admin)
    _set_text(admin, "admin.settings.printer_url", f"tcp://127.0.0.1:{port}")
    admin.click("admin.settings.test_print")
    # The click returned at once: the job runs on the worker and the panel still answers.
    assert admin.panel.ctx.busy
    assert not page.test_print_button.isEnabled()
    assert page.status_text == "Printing a test page…"
    admin.click("admin.nav.visits")
    assert admin.panel.current == "visits"
    admin.click("admin.nav.settings")
    assert page.printer_url.text() == f"tcp://127.0.0.1:{port}"  # unsaved edits stay
    admin.qtbot.waitUntil(lambda: page.test_print_button.isEnabled(), timeout=10_000)
    assert page.status_text == (
        "The test page was not printed.\nThe ticket printer cannot be reached."
    )


def test_an_unusable_printer_address_is_refused_before_printing(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    page = _settings_page(admin)
    _set_text(admin, "admin.settings.printer_url", "lpt1")
    admin.click("admin.settings.test_print")
    assert not admin.panel.ctx.busy
    assert page.fields["printer_url"].message.text() == "This value cannot be used."


def test_staff_cannot_change_settings_or_print(
    make_admin: Callable[..., Admin], clerk: StaffMember, db: Database, settings: Settings
) -> None:
    admin = make_admin(clerk)
    assert not admin.panel.nav_buttons["settings"].isVisible()
    page = admin.panel.page("settings")
    assert isinstance(page, SettingsPage)
    page.branch_name.setText("Hijacked")
    page.save()  # what the hidden button would do
    admin.settle()
    assert page.status_text == "Only a manager can do this."
    page.test_print()
    assert page.status_text == "Only a manager can do this."
    assert not admin.panel.ctx.busy
    assert BranchSettingsStore(db, settings).current().branch_name == "Test Branch"
