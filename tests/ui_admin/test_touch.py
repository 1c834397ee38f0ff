"""The admin panel under a finger: a wheel or a drag over a number box scrolls the
page instead of changing the number, until the box is touched; the PIN pad's keys
stay where they are whatever it says; the on-screen keyboard never covers the field
being typed into."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from kiosk.access import StaffMember
from kiosk.pins import pin_problems
from ui.admin.catalogue_page import CataloguePage
from ui.admin.staff_page import StaffPage
from ui.common.widgets import ReservedLabel

from .conftest import Admin


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of a mouse wheel (negative: towards the user) over ``widget``'s centre."""
    centre = widget.rect().center()
    event = QWheelEvent(
        QPointF(centre),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _scroll_area(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None, "the control is not on a scrolling page"
    return parent


def _catalogue(admin: Admin) -> CataloguePage:
    admin.touch("admin.nav.catalogue")
    page = admin.panel.page("catalogue")
    assert isinstance(page, CataloguePage)
    return page


def test_a_wheel_over_an_unfocused_number_scrolls_the_page_and_leaves_it(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    _catalogue(admin)
    box = admin.find("admin.service.sla_minutes", QSpinBox)
    admin.bring_into_reach(box)
    bar = _scroll_area(box).verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.minimum() < bar.value() < bar.maximum()
    value, scrolled = box.value(), bar.value()
    assert not box.hasFocus()

    _wheel(box, -1)
    assert box.value() == value  # the target wait is not touched …
    assert bar.value() > scrolled  # … the page moved on instead

    box.setFocus()
    assert box.hasFocus()
    _wheel(box, -1)
    assert box.value() == value - 1  # once chosen, the wheel sets it


def test_a_press_on_an_arrow_of_an_unfocused_number_only_chooses_it(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    _catalogue(admin)
    box = admin.find("admin.service.sla_minutes", QSpinBox)
    admin.bring_into_reach(box)
    value = box.value()
    down_arrow = QPoint(box.width() - 10, box.height() - 6)
    QTest.mousePress(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, down_arrow)
    QTest.qWait(700)  # a finger resting on the arrow: Qt would repeat the step
    QTest.mouseRelease(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, down_arrow)
    assert box.value() == value
    assert box.hasFocus()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, down_arrow)
    assert box.value() == value - 1


def test_a_wheel_over_an_unfocused_list_box_leaves_its_choice(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    page = _catalogue(admin)
    admin.click("admin.catalogue.show_questionnaire")
    combo = page.questionnaire.form.option(0).target
    assert isinstance(combo, QComboBox)
    admin.bring_into_reach(combo)
    chosen = combo.currentIndex()
    _wheel(combo, -1)
    _wheel(combo, 1)
    _wheel(combo, 1)
    assert combo.currentIndex() == chosen
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus


PIN_KEYS = (*"0123456789", "clear", "back", "ok", "cancel")


def _key_places(admin: Admin) -> dict[str, QRect]:
    for _ in range(3):
        QApplication.processEvents()  # every pending layout pass first
    places = {}
    for key in PIN_KEYS:
        button = admin.find(f"admin.staff.pin.{key}", QAbstractButton)
        places[key] = QRect(button.mapTo(admin.host, QPoint(0, 0)), button.size())
    return places


def test_the_pin_keys_stay_put_whatever_the_pad_says(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    admin.touch("admin.nav.staff")
    page = admin.panel.page("staff")
    assert isinstance(page, StaffPage)
    admin.click("admin.staff.add")
    before = _key_places(admin)

    admin.pin("admin.staff.pin", "1")  # too short, one digit repeated
    assert len(page.pin.message.text().splitlines()) == 2
    assert _key_places(admin) == before
    admin.pin("admin.staff.pin", "582940")
    admin.pin("admin.staff.pin", "582941")
    assert page.pin.message.text() == "The PINs do not match. Please choose the PIN again."
    assert _key_places(admin) == before

    admin.click("admin.lang.zh_Hant")
    before = _key_places(admin)
    page.pin.show_problems(list(dict.fromkeys(pin_problems("1") + pin_problems("123"))))
    assert len(page.pin.message.text().splitlines()) == 3
    assert _key_places(admin) == before
    assert isinstance(page.pin.message, ReservedLabel) and page.pin.message.fits()
    page.pin.wipe()
    assert page.pin.message.text() == ""
    assert _key_places(admin) == before


def test_the_keyboard_never_covers_the_field_being_typed_into(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    admin = make_admin(manager)
    _catalogue(admin)
    field = admin.find("admin.service.materials.0.note.en", QPlainTextEdit)
    area = _scroll_area(field)
    area.verticalScrollBar().setValue(0)
    admin.bring_into_reach(field)  # scrolled just into sight: at the bottom of the page
    field.setFocus()
    QApplication.processEvents()  # the dock has asked the (here absent) keyboard
    host = admin.host
    keyboard = QRect(host.mapToGlobal(QPoint(0, host.height() - 700)), QSize(host.width(), 700))
    assert _on_screen(field).intersects(keyboard)  # where the keyboard opens

    dock = admin.panel.keyboard_dock
    dock.avoid(keyboard)
    QApplication.processEvents()
    assert dock.height() == 700  # the panel ends where the keyboard begins
    assert not _on_screen(field).intersects(keyboard)
    assert _on_screen(area.viewport()).contains(_on_screen(field))  # and the field is in sight

    dock.avoid(QRect())  # the keyboard closed: the whole height again
    QApplication.processEvents()
    assert dock.height() == 0
    assert _on_screen(area.viewport()).bottom() > keyboard.top()


def _on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_each_field_asks_the_on_screen_keyboard_for_what_it_takes(
    make_admin: Callable[..., Admin], manager: StaffMember
) -> None:
    hint = Qt.InputMethodHint
    admin = make_admin(manager)
    admin.touch("admin.nav.staff")
    admin.click("admin.staff.add")
    number = admin.find("admin.staff.number", QLineEdit)
    assert number.inputMethodHints() & hint.ImhDigitsOnly  # the digit pad
    name = admin.find("admin.staff.name", QLineEdit)
    assert not name.inputMethodHints() & (hint.ImhLatinOnly | hint.ImhDigitsOnly)  # 陳大文 too

    _catalogue(admin)
    for box in ("admin.service.sla_minutes", "admin.service.daily_cap"):
        assert admin.find(box, QSpinBox).inputMethodHints() & hint.ImhDigitsOnly
    assert admin.find("admin.service.slug", QLineEdit).inputMethodHints() & hint.ImhLatinOnly
    prefix = admin.find("admin.service.prefix", QLineEdit)
    assert prefix.inputMethodHints() & hint.ImhPreferUppercase
    for code in ("en", "zh_Hans", "zh_Hant"):
        service_name = admin.find(f"admin.service.name.{code}", QLineEdit)
        assert not service_name.inputMethodHints() & hint.ImhLatinOnly
        step = admin.find(f"admin.service.steps.0.{code}", QPlainTextEdit)
        assert step.inputMethodHints() & hint.ImhMultiLine
