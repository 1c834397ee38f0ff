"""Every interactive control on every screen: objectName == accessible identifier,
accessible name == the text on screen (in every language)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QTableWidget,
    QWidget,
)

from ui.customer.router import Screen

from ..accessibility import widget_problems
from .driver import MANAGER_PIN, Kiosk, texts

INTERACTIVE = (QAbstractButton, QAbstractItemView)


def _inside_item_view(widget: QWidget) -> bool:
    """A table's header, a combo box's list: parts of a control that has the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed_picture(widget: QWidget) -> bool:
    """A picture on screen (a QR code, a ticket) that a screen reader could not name."""
    if not isinstance(widget, QLabel) or not widget.isVisibleTo(widget.window()):
        return False
    return not widget.pixmap().isNull() and not widget.accessibleName()


def control_problems(root: QWidget) -> list[str]:
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if _unnamed_picture(widget):
            problems.append(
                f"{widget.objectName() or type(widget).__name__}: a picture with no name"
            )
        if not isinstance(widget, INTERACTIVE) or _inside_item_view(widget):
            continue
        problems.extend(widget_problems(widget, root))
    return problems


def walk(kiosk: Kiosk, locale: str) -> dict[str, list[str]]:
    """Visit every screen in ``locale``; the problems found on each."""
    seen: dict[str, list[str]] = {}

    def check(label: str) -> None:
        seen[label] = control_problems(kiosk.current())

    kiosk.click(f"lang.{locale}")
    check("welcome")
    kiosk.click("welcome.start")
    check("questionnaire")
    kiosk.click("answer.topic_accounts")
    kiosk.click("answer.open_new_account")
    check("guidance with missing materials")
    kiosk.click("ticket.priority")
    kiosk.click("priority.pregnant")
    check("guidance, priority asked for")
    assert kiosk.window.idle is not None and kiosk.window.overlay is not None
    kiosk.window.idle.warn()  # what the idle time ends in (its timing: test_idle.py)
    seen["idle overlay"] = control_problems(kiosk.window.overlay)
    kiosk.click("idle.more_time")
    kiosk.click("ticket.print_list")
    kiosk.wait_screen(Screen.BRING_LIST)
    check("what to bring")
    kiosk.click("list.done")

    kiosk.click(f"lang.{locale}")
    kiosk.click("services.all")
    check("all services, one paused")
    kiosk.click("service.lost_card")
    assert kiosk.has("guidance.unavailable") and not kiosk.has("ticket.take")
    check("guidance of a paused service")
    kiosk.click("guidance.enquiry")
    kiosk.qtbot.waitUntil(lambda: kiosk.session.service_slug == "general_enquiry", timeout=2000)
    kiosk.click("nav.back")
    kiosk.wait_screen(Screen.SERVICES)
    kiosk.click("service.open_account")
    for material in ("id_document", "proof_of_address"):
        kiosk.click(f"material.{material}")
    check("guidance, nothing missing")
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: kiosk.current().state == "printed", timeout=5000)  # type: ignore[attr-defined]  # TicketScreen
    check("ticket")
    kiosk.click("ticket.done")

    kiosk.click(f"lang.{locale}")
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)
    for key in "A999":
        kiosk.click(f"keypad.{key}")
    kiosk.click("feedback.find")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("feedback.message"), timeout=3000)
    check("rate a visit: number not found")
    kiosk.click("nav.home")

    kiosk.click(f"lang.{locale}")
    kiosk.open_pad()
    kiosk.click("pin.1")
    check("PIN pad, staff number")
    kiosk.click("pin.ok")
    kiosk.wait_pad("pin")
    check("PIN pad, PIN")
    return seen


@pytest.mark.parametrize("locale", ["en", "zh_Hant"])
def test_every_control_is_named_for_tests_and_screen_readers(
    make_kiosk: Callable[..., Kiosk], locale: str
) -> None:
    kiosk = make_kiosk()
    kiosk.manager()
    with kiosk.catalogue_change():
        kiosk.pause(
            "lost_card",
            texts("The card system is being updated.", "卡系统正在更新。", "卡系統正在更新。"),
            texts("Call the card hotline.", "请致电银行卡热线。", "請致電銀行卡熱線。"),
        )
    seen = walk(kiosk, locale)
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    kiosk.window.lock_down()  # kiosk mode: staff.exit_kiosk shows too
    table = kiosk.find("staff.tickets", QTableWidget)
    kiosk.qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=3000)
    table.selectRow(0)
    kiosk.qtbot.waitUntil(lambda: kiosk.window.state.printer_state == "online", timeout=3000)
    seen["staff home"] = control_problems(kiosk.current())
    kiosk.window.lockdown.release()
    kiosk.click("staff.admin")
    kiosk.wait_screen(Screen.ADMIN)
    seen["admin mode"] = control_problems(kiosk.current())

    assert len(seen) == 15
    assert {screen: problems for screen, problems in seen.items() if problems} == {}


def test_accessible_names_follow_a_language_switch(kiosk: Kiosk) -> None:
    kiosk.start("en")
    button = kiosk.button("answer.topic_accounts")
    assert button.accessibleName() == "Accounts"
    kiosk.click("lang.zh_Hans")
    assert button.text() == "账户"
    assert button.accessibleName() == "账户"
    assert button.accessibleDescription() == "开户"
