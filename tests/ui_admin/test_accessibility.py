"""Every interactive control on every page and in every state: objectName == accessible
identifier, accessible name == the text on screen, and big enough to touch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.access import StaffMember
from kiosk.complaints import Complaints
from kiosk.db.database import Database
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings

from ..accessibility import widget_problems
from .conftest import Admin

INTERACTIVE = (QAbstractButton, QAbstractItemView, QLineEdit, QAbstractSpinBox, QComboBox)
COMPOUND = (QAbstractItemView, QAbstractSpinBox, QComboBox)
"""Controls whose inner parts (a table's header, a spin box's line edit) are theirs."""


def _part_of_compound(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


#: The admin panel's names; the reports keep the names the issue gave them.
#: The issue's contract also names each complaint case's button complaint.<id>.
ADMIN_NAMES = ("admin.", "report.", "staff_report.", "complaint.")


def control_problems(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _part_of_compound(widget, root):
            continue
        problems.extend(widget_problems(widget, root, ADMIN_NAMES))
    return problems


def walk(admin: Admin) -> dict[str, list[str]]:
    panel = admin.panel
    seen: dict[str, list[str]] = {}

    def check(state: str) -> None:
        seen[state] = control_problems(panel)

    for name, nav in panel.nav_buttons.items():
        if not nav.isVisible():
            continue
        admin.touch(f"admin.nav.{name}")
        check(name)
    if panel.ctx.is_manager:
        admin.touch("admin.nav.staff")
        admin.click("admin.staff.add")
        check("staff: add")
        panel.page("staff").select_number("1")
        admin.click("admin.staff.reset_pin")
        check("staff: reset PIN")
        admin.touch("admin.nav.counters")
        admin.click("admin.counters.add")
        check("counters: add")
        admin.touch("admin.nav.catalogue")
        admin.click("admin.service.materials.add")
        admin.click("admin.service.paused")
        check("catalogue: services")
        admin.touch("admin.catalogue.save")
        check("catalogue: problems")
        admin.click("admin.catalogue.show_questionnaire")
        admin.click("admin.question.options.add")
        check("catalogue: questionnaire")
        admin.touch("admin.nav.audit")
        panel.page("audit").select_row(0)
        admin.touch("admin.audit.verify")
        check("audit: detail and trail")
        admin.touch("admin.nav.complaints")
        admin.touch("complaint.1")
        check("complaints: a case")
    admin.touch("admin.nav.visits")
    panel.page("visits").select_row(0)
    assert panel.page("visits").detail_frame.isVisible()
    check("visits: detail")
    return seen


@pytest.fixture(autouse=True)
def one_visit(db: Database, settings: Settings) -> None:
    Reception(db, settings).take_ticket(
        VisitInput("en", datetime.now(UTC), ("card_lost",), "lost_card")
    )
    Complaints(db, settings).open_at_kiosk("wait", "Waited too long")


@pytest.mark.parametrize("locale", ["en", "zh_Hant"])
def test_manager_pages(make_admin: Callable[..., Admin], manager: StaffMember, locale: str) -> None:
    admin = make_admin(manager)
    admin.click(f"admin.lang.{locale}")
    assert admin.panel.language.locale == locale
    seen = walk(admin)
    assert len(seen) == 20
    assert {state: p for state, p in seen.items() if p} == {}


def test_staff_pages(make_admin: Callable[..., Admin], clerk: StaffMember) -> None:
    admin = make_admin(clerk)
    seen = walk(admin)
    assert list(seen) == ["visits", "assessment", "calls", "messages", "visits: detail"]
    assert {state: p for state, p in seen.items() if p} == {}


def test_the_check_catches_an_unnamed_small_control(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    bare = QPushButton("Go", root)
    bare.resize(40, 40)
    root.show()
    assert control_problems(root) == [
        "QPushButton '': no admin.* or report.* or staff_report.* or complaint.* objectName",
        "QPushButton '': accessible name '' != 'Go'",
        "QPushButton '': 40×40 px is too small to touch",
    ]
