"""The "Aa" control: larger text on every customer screen, live, for one customer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.i18n import LOCALES
from ui.common.text_size import DISPLAY_PX, TEXT_STEPS, scaled_px, scaled_sheet
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import MANAGER_PIN, Kiosk

LABELS = {
    "en": ("Aa 100%", "Aa 125%", "Aa 150%"),
    "zh_Hans": ("Aa 字号 100%", "Aa 字号 125%", "Aa 字号 150%"),
    "zh_Hant": ("Aa 字體 100%", "Aa 字體 125%", "Aa 字體 150%"),
}


def _title_px(kiosk: Kiosk) -> int:
    """The pixel size the question is drawn at."""
    title = getattr(kiosk.current(), "question_label", None)
    assert isinstance(title, QLabel)
    return title.fontInfo().pixelSize()


def test_sizes_scale_but_display_text_and_fixed_boxes() -> None:
    assert TEXT_STEPS == (1.0, 1.25, 1.5)
    assert scaled_px(28, 1.5) == 42
    assert scaled_px(46, 1.25) == 58
    assert scaled_px(190, 1.5) == 190  # the ticket number is display text already
    assert scaled_px(80, 1.5) == DISPLAY_PX  # grows, but not past display size
    sheet = "A { font-size: 28px; } B { max-height: 52px; font-size: 36px; }"
    assert (
        scaled_sheet(sheet, 1.5)
        == "A { font-size: 42px; } B { max-height: 52px; font-size: 36px; }"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_text_size_steps_up_live_on_every_screen(kiosk: Kiosk, locale: str) -> None:
    kiosk.click(f"lang.{locale}")
    normal = LABELS[locale]
    assert kiosk.button("a11y.text_size").text() == normal[0]
    kiosk.click("welcome.start")
    before = _title_px(kiosk)
    kiosk.click("a11y.text_size")
    assert kiosk.button("a11y.text_size").text() == normal[1]
    assert kiosk.button("a11y.text_size").accessibleName() == normal[1]
    kiosk.click("a11y.text_size")
    assert _title_px(kiosk) == round(before * 1.5)
    # every screen built so far follows, also the hidden ones
    for screen in (Screen.WELCOME, Screen.SERVICES, Screen.SERVICE_DETAIL, Screen.TICKET):
        bar = kiosk.router.page(screen).accessibility
        assert bar is not None, screen
        assert bar.text_size.text() == normal[2], screen
    kiosk.click("answer.topic_accounts")
    kiosk.click("answer.open_new_account")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert kiosk.current().title.fontInfo().pixelSize() == round(46 * 1.5)  # type: ignore[attr-defined]
    kiosk.click("a11y.text_size")  # past the largest: back to normal
    assert kiosk.button("a11y.text_size").text() == normal[0]
    assert kiosk.current().title.fontInfo().pixelSize() == 46  # type: ignore[attr-defined]


def test_the_next_customer_starts_with_normal_text(kiosk: Kiosk) -> None:
    kiosk.click("a11y.text_size")
    kiosk.start("zh_Hant")
    kiosk.click("a11y.text_size")
    assert kiosk.window.theme.text_scale == 1.5
    kiosk.click("nav.back")  # back to the welcome screen: the same customer keeps it
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.window.theme.text_scale == 1.5
    kiosk.click("welcome.start")
    kiosk.click("nav.home")  # "Start over" ends the session, as the idle timeout does
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.window.theme.text_scale == 1.0
    assert kiosk.button("a11y.text_size").text() == "Aa 100%"
    assert kiosk.window.font().pixelSize() == 28


def test_the_idle_timeout_brings_the_text_back_to_normal(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=Timings(idle_ms=400, countdown_s=20, idle_tick_ms=20))
    kiosk.start()
    kiosk.click("a11y.text_size")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("idle.more_time"), timeout=3000)
    kiosk.wait_screen(Screen.WELCOME, timeout=5000)
    assert kiosk.window.theme.text_scale == 1.0


def test_staff_screens_return_to_normal_text_when_staff_sign_in(kiosk: Kiosk) -> None:
    kiosk.click("a11y.text_size")
    kiosk.click("a11y.text_size")
    kiosk.manager()
    kiosk.open_pad()  # the pad works at the customer's size
    assert kiosk.window.theme.text_scale == 1.5
    kiosk.key_in("1")
    kiosk.key_in(MANAGER_PIN)
    kiosk.wait_screen(Screen.STAFF_HOME)
    assert kiosk.window.theme.text_scale == 1.0
