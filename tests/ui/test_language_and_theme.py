"""Live language switch, per-locale fonts, and the contrast themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ui.common.theme import FONT_FAMILIES, HIGH_CONTRAST, STANDARD, Palette, contrast_ratio
from ui.customer.router import Screen

from .driver import Kiosk


def test_the_visible_screen_switches_to_chinese_without_restart(kiosk: Kiosk) -> None:
    kiosk.start("en")
    assert "How can we help you today?" in kiosk.visible_texts()
    window_before = kiosk.window

    kiosk.click("lang.zh_Hant")

    texts = kiosk.visible_texts()
    assert "請問今天需要辦理甚麼服務？" in texts
    assert "How can we help you today?" not in texts
    assert kiosk.button("answer.topic_accounts").text() == "戶口"
    assert kiosk.button("answer.topic_accounts").accessibleName() == "戶口"
    assert "第1題（最多3題）" in texts
    home = kiosk.button("nav.home")
    assert (home.text(), home.accessibleName()) == ("重新開始", "重新開始")
    assert kiosk.window is window_before and kiosk.screen is Screen.QUESTIONNAIRE
    assert kiosk.session.started  # the customer's journey goes on

    kiosk.click("lang.zh_Hans")
    assert "请问今天需要办理什么业务？" in kiosk.visible_texts()


def test_the_welcome_screen_switches_in_place(kiosk: Kiosk) -> None:
    start = kiosk.button("welcome.start")
    assert start.text() == "Start"
    kiosk.click("lang.zh_Hant")
    assert (start.text(), start.accessibleName()) == ("開始", "開始")
    assert "請選擇語言" in kiosk.visible_texts()
    assert kiosk.button("lang.zh_Hant").text() == "繁體中文"  # endonyms never change
    kiosk.click("lang.zh_Hans")
    assert start.text() == "开始"


def test_each_chinese_script_gets_its_own_font(kiosk: Kiosk) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk.click("lang.zh_Hant")
    assert app.font().families()[0] == "Noto Sans CJK TC"
    kiosk.click("lang.zh_Hans")
    assert app.font().families()[0] == "Noto Sans CJK SC"
    kiosk.click("lang.en")
    assert app.font().families() == FONT_FAMILIES["en"]


def test_the_screen_in_front_gets_the_script_font_before_its_frame(kiosk: Kiosk) -> None:
    """Its widgets change at once; the hidden screens' just after the frame (see
    test_every_widget_follows_the_language_font_live)."""
    kiosk.click("lang.zh_Hant")
    widgets = kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QAbstractButton)
    shown = {w.fontInfo().family() for w in widgets if w.isVisible() and w.text()}
    assert shown == {"Noto Sans CJK TC"}


def test_the_next_customer_starts_in_the_default_language(kiosk: Kiosk) -> None:
    kiosk.start("zh_Hans")
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.language.locale == "en"
    assert kiosk.button("lang.en").property("current") == "true"
    assert kiosk.button("lang.zh_Hans").property("current") == "false"


def test_high_contrast_switches_live_and_resets_for_the_next_customer(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert STANDARD.window in window.styleSheet()
    kiosk.click("welcome.contrast")
    assert HIGH_CONTRAST.primary in window.styleSheet()
    assert kiosk.button("welcome.contrast").text() == "High contrast: on"
    assert kiosk.button("welcome.contrast").accessibleName() == "High contrast: on"

    kiosk.click("welcome.start")
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    assert STANDARD.window in window.styleSheet()
    assert not kiosk.button("welcome.contrast").isChecked()


@pytest.mark.parametrize(("palette", "minimum"), [(STANDARD, 4.5), (HIGH_CONTRAST, 7.0)])
def test_every_text_colour_has_enough_contrast(palette: Palette, minimum: float) -> None:
    weak = {
        name: round(contrast_ratio(fg, bg), 2)
        for name, (fg, bg) in palette.text_pairs().items()
        if contrast_ratio(fg, bg) < minimum
    }
    assert weak == {}


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def _families(kiosk: Kiosk) -> dict[str, set[str]]:
    """The family each text widget draws with (its resolved font), by family: every
    screen, also those built before the switch and not shown now."""
    found: dict[str, set[str]] = {}
    for widget in kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QAbstractButton):
        if widget.text():
            found.setdefault(widget.fontInfo().family(), set()).add(widget.objectName())
    return found


def test_every_widget_follows_the_language_font_live(kiosk: Kiosk) -> None:
    kiosk.start("en")  # the questionnaire, with the screens behind it built in English

    def families_become(*expected: str) -> None:  # the hidden screens', after the frame
        kiosk.qtbot.waitUntil(lambda: set(_families(kiosk)) == set(expected), timeout=2000)

    kiosk.click("lang.zh_Hant")
    families_become("Noto Sans CJK TC")
    kiosk.click("lang.zh_Hans")
    families_become("Noto Sans CJK SC")
    kiosk.click("lang.en")
    latin = QFontInfo(QFont(FONT_FAMILIES["en"])).family()
    assert "CJK" not in latin
    families_become(latin)
