"""The audit trail page: lists and filters entries, offers no way to change them, and
says whether the hash chain is intact."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from sqlalchemy import text

from kiosk.access import StaffMember
from kiosk.db.database import Database
from kiosk.staff import StaffDirectory
from ui.admin.audit_page import AuditPage

from .conftest import Admin, cell


def _audit_page(admin: Admin) -> AuditPage:
    admin.touch("admin.nav.audit")
    page = admin.panel.page("audit")
    assert isinstance(page, AuditPage)
    return page


def _actions(page: AuditPage) -> list[str]:
    return [cell(page.table, r, 2) for r in range(page.table.rowCount())]


def test_lists_filters_and_offers_no_edit(
    make_admin: Callable[..., Admin],
    manager: StaffMember,
    clerk: StaffMember,
    directory: StaffDirectory,
) -> None:
    directory.set_role(manager, clerk.id, "manager")
    admin = make_admin(manager)
    page = _audit_page(admin)
    assert _actions(page) == ["Role changed", "Staff member added", "First manager created"]
    assert cell(page.table, 0, 1) == "Mary Manager"
    assert cell(page.table, 0, 4) == "staff → manager"

    page.select_row(1)
    assert page.detail.text().startswith("Staff member added · staff:20 · Mary Manager · kiosk-7")
    admin.panel.language.set_locale("zh_Hant")
    assert _actions(page) == ["角色已更改", "已新增職員", "已建立首位經理"]
    admin.panel.language.set_locale("en")

    action = admin.find("admin.audit.action", QComboBox)
    action.setCurrentIndex(action.findData("staff."))
    admin.touch("admin.audit.search")
    assert set(_actions(page)) == {"Role changed", "Staff member added", "First manager created"}
    action.setCurrentIndex(action.findData("auth."))
    admin.touch("admin.audit.search")
    assert _actions(page) == []
    action.setCurrentIndex(0)
    who = admin.find("admin.audit.who", QComboBox)
    assert who.count() == 3  # anyone, Mary, Chris
    who.setCurrentIndex(who.findData(clerk.id))
    admin.touch("admin.audit.search")
    assert _actions(page) == []

    # Read only: no editing in the table, no button that changes or deletes, no text box.
    assert page.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    labels = [b.text() for b in page.findChildren(QAbstractButton) if _own(b, page)]
    assert labels == ["Search", "Check the trail"]
    assert [e for e in page.findChildren(QLineEdit) if _own(e, page)] == []


def _own(widget: QWidget, page: QWidget) -> bool:
    """A control of the page itself, not a part of a table, list or date box."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractItemView | QComboBox | QAbstractSpinBox):
            return False
        parent = parent.parentWidget()
    return True


def test_verify_shows_intact_then_broken(
    make_admin: Callable[..., Admin], manager: StaffMember, db: Database
) -> None:
    admin = make_admin(manager)
    page = _audit_page(admin)
    assert page.trail_intact is None
    admin.touch("admin.audit.verify")
    assert page.trail_intact is True
    assert page.trail.text() == "Intact: every entry matches the one before it."
    assert page.trail.property("role") == "success"

    # Someone writes to the database behind the app's back (INSERT is all the triggers allow).
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_event (at, kiosk_id, actor_id, actor_name, action, target,"
                " detail, chain) VALUES (:at, 'x', NULL, 'intruder', 'staff.add', '', :d, 'bad')"
            ),
            {"at": datetime.now(UTC).isoformat(), "d": json.dumps({})},
        )
    admin.touch("admin.audit.verify")
    assert page.trail_intact is False
    assert page.trail.text().startswith("Changed outside the app! Entries that do not match: ")
    assert page.trail.property("role") == "warning"
