"""A ticked check box shows a tick, in the standard and the high-contrast look, on the
staff screens (QCheckBox) and on the customer's materials checklist."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from ui.admin.common import check_box
from ui.admin.style import admin_stylesheet
from ui.common.theme import HIGH_CONTRAST, STANDARD, Palette, stylesheet
from ui.common.widgets import CheckItem


def _near(image: QImage, colour: str, x0: int, y0: int, x1: int, y1: int) -> int:
    """Pixels within the rectangle that are (almost) ``colour``."""
    target = QColor(colour)
    found = 0
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            pixel = image.pixelColor(x, y)
            close = (
                abs(pixel.red() - target.red())
                + abs(pixel.green() - target.green())
                + abs(pixel.blue() - target.blue())
            )
            found += close < 60
    return found


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "contrast"])
def test_a_ticked_staff_check_box_shows_a_tick(qtbot: QtBot, palette: Palette) -> None:
    box = check_box("admin.test.box")
    box.setText("Active")
    box.setStyleSheet(admin_stylesheet(palette))
    qtbot.addWidget(box)
    box.resize(400, 80)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    area = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    inside = (area.left() + 6, area.top() + 6, area.right() - 5, area.bottom() - 5)
    unticked = box.grab().toImage()
    box.setChecked(True)
    ticked = box.grab().toImage()
    assert _near(ticked, palette.primary, *inside) > 0  # the box is filled…
    assert _near(ticked, palette.on_primary, *inside) > 20  # …and a tick is drawn on it
    assert ticked != unticked


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "contrast"])
def test_a_ticked_material_shows_a_tick(qtbot: QtBot, palette: Palette) -> None:
    host = QWidget()
    host.setStyleSheet(stylesheet(palette))
    item = CheckItem("material.test", host)
    item.setText("Identity card")
    qtbot.addWidget(host)
    host.resize(800, 160)
    item.resize(800, 160)
    host.show()
    qtbot.waitExposed(host)
    box = item._box  # the box itself is what must show the tick
    item.setChecked(True)
    image = box.grab().toImage()
    w, h = image.width(), image.height()
    assert _near(image, palette.on_primary, 8, 8, w - 8, h - 8) > 20
