"""Admin mode: the staff home and the admin panel sign out after ``admin_idle_seconds``
without a touch, wiping what was shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableWidget, QWidget

from kiosk.branch_settings import BranchSettingsStore
from kiosk.reception import VisitInput
from ui.admin import AdminPanel
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import MANAGER_PIN, Kiosk


def test_the_staff_home_signs_out_when_left_alone(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=Timings(admin_idle_ms=400))
    reception = kiosk.backend.reception
    ticket = reception.take_ticket(VisitInput("en", kiosk.window.clock(), service_slug="lost_card"))
    kiosk.manager()
    kiosk.sign_in("1", MANAGER_PIN)
    table = kiosk.find("staff.tickets", QTableWidget)
    kiosk.qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=3000)
    assert ticket.code in accessible_texts(table)

    kiosk.wait_screen(Screen.WELCOME, timeout=3000)
    assert table.rowCount() == 0
    screens = kiosk.window.screens
    assert screens is not None and screens.staff_home.member is None
    # What a screen reader can reach of the staff screen behind a customer's: a page
    # marked invisible, and nothing of today's tickets in it.
    page = QAccessible.queryAccessibleInterface(screens.staff_home)
    assert page is not None and page.state().invisible
    assert ticket.code not in accessible_texts(table)


def accessible_texts(widget: QWidget) -> list[str]:
    """Every name and value in ``widget``'s accessible subtree."""
    found: list[str] = []
    pending = [QAccessible.queryAccessibleInterface(widget)]
    while pending:
        node = pending.pop()
        if node is None or not node.isValid():
            continue
        found += [node.text(QAccessible.Text.Name), node.text(QAccessible.Text.Value)]
        pending += [node.child(i) for i in range(node.childCount())]
    return found


def test_the_admin_panel_opens_closes_and_signs_out_when_idle(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=Timings(admin_idle_ms=600))
    kiosk.manager()
    kiosk.sign_in("1", MANAGER_PIN)
    kiosk.click("staff.admin")
    kiosk.wait_screen(Screen.ADMIN)
    panel = kiosk.find("admin.panel", AdminPanel)
    assert panel.ctx.is_manager
    kiosk.click("admin.close")
    kiosk.wait_screen(Screen.STAFF_HOME)  # still signed in

    kiosk.click("staff.admin")
    kiosk.wait_screen(Screen.ADMIN)
    kiosk.wait_screen(Screen.WELCOME, timeout=3000)  # the panel's own idle sign-out
    screens = kiosk.window.screens
    assert screens is not None
    assert screens.admin.panel is None and screens.staff_home.member is None


def test_the_branch_setting_sets_the_interval(kiosk: Kiosk) -> None:
    manager = kiosk.manager()
    assert kiosk.window.settings is not None
    BranchSettingsStore(kiosk.backend.db, kiosk.window.settings).update(
        manager, admin_idle_seconds=90
    )
    kiosk.sign_in("1", MANAGER_PIN)
    runtime = kiosk.window.runtime
    assert runtime is not None
    kiosk.qtbot.waitUntil(lambda: runtime.staff_idle.timer.interval() == 90_000, timeout=3000)
