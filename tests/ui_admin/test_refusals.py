"""A manager action refused in the admin panel is in the audit trail: who tried what,
the change itself not made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from kiosk.access import StaffMember
from kiosk.audit import AuditLog
from kiosk.branch_settings import BranchSettingsStore
from kiosk.db.database import Database
from kiosk.refusals import RefusalLog
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from ui.admin.settings_page import SettingsPage

from .conftest import Admin


def test_a_manager_demoted_elsewhere_is_refused_and_audited(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    directory: StaffDirectory,
    db: Database,
    settings: Settings,
) -> None:
    RefusalLog(db, "pad", settings.kiosk.id).attach()  # as the kiosk's backend does
    admin = make_admin(manager)
    admin.touch("admin.nav.settings")
    page = admin.panel.page("settings")
    assert isinstance(page, SettingsPage)
    other = directory.add(manager, number="2", name="Ada Boss", role="manager", pin="672819")
    directory.set_role(other, manager.id, "staff")  # on another machine, meanwhile

    edit = admin.find("admin.settings.branch_name", QLineEdit)
    edit.selectAll()
    QTest.keyClicks(edit, "Harbour Branch")
    admin.touch("admin.settings.save")
    assert page.status_text == "Your rights have changed. Please sign in again."
    assert BranchSettingsStore(db, settings).current().branch_name == "Test Branch"
    [entry] = AuditLog(db, settings.kiosk.id).entries(action="access.refused")
    assert (entry.actor_name, entry.target) == ("Mary Manager", "BranchSettingsStore.update")
    assert entry.detail["pad"] == "pad"
