"""Keypad mode: whole visits by the keypad's keys alone, in each language, to a printed
ticket whose number is said; the focus outline; the keys off on the staff screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from kiosk.i18n import LOCALES
from kiosk.ticket import PrintStatus
from printing.preview import preview_paths
from ui.customer.router import Screen
from ui.customer.screens.ticket import TicketScreen
from ui.customer.timings import Timings

from .driver import Kiosk, texts
from .speech_helpers import press, recorded, recorder, speech


def focused(kiosk: Kiosk) -> str:
    keypad = speech(kiosk).keypad
    return keypad.spots[keypad.index].line.target if keypad.spots else ""


def choose(kiosk: Kiosk, target: str) -> None:
    """Down until the item ``target`` is focused, then the centre key."""
    for _ in range(40):
        if focused(kiosk) == target:
            press(kiosk, Qt.Key.Key_Return)
            return
        press(kiosk, Qt.Key.Key_Down)
    targets = [spot.line.target for spot in speech(kiosk).keypad.spots]
    raise AssertionError(f"{target} never focused on {kiosk.screen}: {targets}")


def wait_printed(kiosk: Kiosk, code: str) -> list[tuple[str, str]]:
    """Until the ticket printed and its number was said; what was said on the way."""
    kiosk.wait_screen(Screen.TICKET)
    page = kiosk.router.page(Screen.TICKET)
    assert isinstance(page, TicketScreen)
    kiosk.qtbot.waitUntil(lambda: page.state == "printed", timeout=5000)
    engine = recorded(kiosk)
    spoken = " ".join(code)
    kiosk.qtbot.waitUntil(lambda: any(spoken in text for text in engine.texts()))
    return engine.said


def assert_printed(kiosk: Kiosk, tmp_path: Path, code: str) -> None:
    data, png = preview_paths(tmp_path, code)
    assert code.encode() in data.read_bytes()
    assert png.exists()
    [ticket] = kiosk.tickets()
    assert (ticket.code, ticket.print_status) == (code, PrintStatus.PRINTED)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_questionnaire_and_checklist_by_keys_alone(
    kiosk: Kiosk, tmp_path: Path, locale: str
) -> None:
    engine = recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)  # any key of the keypad turns the mode on
    keypad = speech(kiosk).keypad
    assert keypad.active
    assert engine.texts()[0] == "Keypad mode is on."
    choose(kiosk, f"lang.{locale}")
    loc = kiosk.language.loc
    assert kiosk.language.locale == locale
    assert engine.said[-1] == (locale, loc.tr("{label}, selected").format(label=_endonym(locale)))
    choose(kiosk, "welcome.start")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    assert focused(kiosk) == "part:question"
    choose(kiosk, "answer.topic_accounts")
    choose(kiosk, "answer.open_new_account")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    choose(kiosk, "material.id_document")
    identity = kiosk.button("material.id_document").text()
    c = "，" if locale.startswith("zh") else ", "  # Chinese says its own comma
    assert engine.said[-1][1].startswith(f"{identity}{c}{loc.tr('Required')}{c}{loc.tr('ticked')}")
    choose(kiosk, "material.proof_of_address")
    choose(kiosk, "ticket.take")
    said = wait_printed(kiosk, "A001")
    assert_printed(kiosk, tmp_path, "A001")
    number = loc.tr("Your number: {code}").format(code="A 0 0 1")
    assert any(text.startswith(number) for _l, text in said)
    assert {spoken_in for spoken_in, _t in said[-6:]} == {locale}  # the customer's language

    press(kiosk, Qt.Key.Key_Backspace)  # back, on the ticket screen: done
    kiosk.wait_screen(Screen.WELCOME)
    assert not keypad.active  # the next customer starts without it
    assert kiosk.language.locale == "en"


@pytest.mark.parametrize("locale", LOCALES)
def test_all_services_by_keys_alone(kiosk: Kiosk, tmp_path: Path, locale: str) -> None:
    recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)
    choose(kiosk, f"lang.{locale}")
    choose(kiosk, "services.all")
    kiosk.wait_screen(Screen.SERVICES)
    choose(kiosk, "service.lost_card")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    choose(kiosk, "ticket.take")  # "take a ticket anyway": the card can still be blocked
    wait_printed(kiosk, "L001")
    assert_printed(kiosk, tmp_path, "L001")


def test_back_help_and_volume_keys(kiosk: Kiosk) -> None:
    engine = recorder(kiosk)
    press(kiosk, Qt.Key.Key_F1)
    choose(kiosk, "welcome.start")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    press(kiosk, Qt.Key.Key_F1)
    assert engine.texts()[-1].startswith("Press up or down to move from item to item")
    volumes = []
    for _ in range(3):
        press(kiosk, Qt.Key.Key_Plus)
        volumes.append(engine.volumes[-1])
    assert engine.texts()[-3:] == ["Volume 2 of 3", "Volume 3 of 3", "Volume 1 of 3"]
    assert volumes == [150, 200, 100]
    press(kiosk, Qt.Key.Key_Up, times=3)
    assert speech(kiosk).keypad.index == 0  # the top stays the top
    press(kiosk, Qt.Key.Key_Backspace)
    kiosk.wait_screen(Screen.WELCOME)


def test_the_focus_outline_follows_the_item_being_read(kiosk: Kiosk) -> None:
    recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)
    choose(kiosk, "welcome.start")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    press(kiosk, Qt.Key.Key_Down)
    keypad = speech(kiosk).keypad
    ring, target = keypad.ring, kiosk.button("answer.topic_accounts")
    assert focused(kiosk) == "answer.topic_accounts"
    assert ring.isVisible() and ring.target is target
    top_left = target.mapTo(kiosk.window, QPoint(0, 0))
    inside = ring.geometry().adjusted(6, 6, -6, -6)
    assert inside.contains(QRect(top_left, target.size()).adjusted(6, 6, -6, -6))
    assert ring.width() - target.width() >= 2 * 10  # a thick outline, on every side


def test_the_keys_are_the_staff_screens_own(kiosk: Kiosk) -> None:
    recorder(kiosk)
    kiosk.manager()
    press(kiosk, Qt.Key.Key_Down)
    keypad = speech(kiosk).keypad
    assert keypad.active
    assert "staff.enter" not in [spot.line.target for spot in keypad.spots]  # not by keys
    kiosk.open_pad()  # by touch, as staff do
    assert not keypad.active
    press(kiosk, Qt.Key.Key_Down)
    assert not keypad.active
    assert all(not shortcut.isEnabled() for shortcut in speech(kiosk).keypad.shortcuts)


def test_the_keys_follow_the_settings(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(keypad={"down": ["2"], "select": ["5"]})
    engine = recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)
    assert not speech(kiosk).keypad.active
    press(kiosk, Qt.Key.Key_2)
    press(kiosk, Qt.Key.Key_2)
    assert (
        engine.texts()[-1]
        == "Answer a few short questions and we will find the right service for you."
    )


def _endonym(locale: str) -> str:
    from kiosk.i18n import ENDONYMS

    return ENDONYMS[locale]


def test_the_idle_warning_is_said_with_its_button_focused(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=Timings(idle_ms=400, countdown_s=20, idle_tick_ms=20))
    engine = recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)
    choose(kiosk, "lang.zh_Hant")
    choose(kiosk, "welcome.start")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    overlay = kiosk.window.overlay
    assert overlay is not None
    kiosk.qtbot.waitUntil(overlay.isVisible, timeout=3000)
    kiosk.qtbot.waitUntil(lambda: focused(kiosk) == "idle.more_time")
    loc = kiosk.language.loc
    assert loc.tr("Are you still there?") in engine.texts()
    press(kiosk, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert kiosk.screen is Screen.QUESTIONNAIRE and kiosk.language.locale == "zh_Hant"
    kiosk.qtbot.waitUntil(lambda: focused(kiosk) == "part:question")


def test_a_ticket_refused_is_said_with_what_to_do_instead(kiosk: Kiosk) -> None:
    engine = recorder(kiosk)
    press(kiosk, Qt.Key.Key_Down)
    choose(kiosk, "lang.zh_Hans")
    choose(kiosk, "welcome.start")
    kiosk.wait_screen(Screen.QUESTIONNAIRE)
    choose(kiosk, "answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    with kiosk.catalogue_change():
        kiosk.pause("lost_card", texts("Card printer repair.", "制卡机维修中。", "製卡機維修中。"))
    choose(kiosk, "ticket.take")
    page = kiosk.router.page(Screen.TICKET)
    assert isinstance(page, TicketScreen)
    kiosk.qtbot.waitUntil(lambda: page.state == "refused", timeout=3000)
    sorry = kiosk.language.loc.tr("Sorry, this service was paused a moment ago.")
    kiosk.qtbot.waitUntil(lambda: any(sorry in text for text in engine.texts()))
    assert not kiosk.tickets()


def test_keys_and_speech_keep_the_idle_warning_away(kiosk: Kiosk) -> None:
    """A key the keypad's shortcut takes never reaches the idle watch's filter, and a
    customer listening touches nothing: both count as the customer being there."""
    engine = recorder(kiosk, hold=True)
    kiosk.start("en")
    activity = kiosk.window.activity
    assert activity is not None
    with kiosk.qtbot.waitSignal(activity.did_see_activity, timeout=1000):
        press(kiosk, Qt.Key.Key_Down)  # on: the first line is said
    with kiosk.qtbot.waitSignal(activity.did_see_activity, timeout=1000):
        engine.finish()  # the next sentence starts
