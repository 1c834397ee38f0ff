""" "Text me" on the ticket screen: the notice in the customer's language with two
separate purposes, the kiosk's own keypad, validation messages in that language,
and the consent as recorded; numbers of Hong Kong, the mainland, Taiwan and abroad."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from kiosk.db.models_contacts import ConsentRow, ContactRow
from kiosk.i18n import LOCALES
from kiosk.phone import NOT_A_NUMBER, NOT_MOBILE
from kiosk.sms_texts import load_texts
from ui.customer.router import Screen

from .driver import Kiosk
from .test_journey import take_open_account_ticket, ticket_screen


def type_number(kiosk: Kiosk, number: str) -> None:
    for key in number:
        kiosk.click("keypad.plus" if key == "+" else f"keypad.{key}")


def open_optin(kiosk: Kiosk, locale: str) -> None:
    take_open_account_ticket(kiosk, locale)
    kiosk.click("sms.optin")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("sms.notice.body"))


def submit(kiosk: Kiosk) -> None:
    kiosk.click("sms.submit")
    panel = ticket_screen(kiosk).optin
    assert panel is not None
    kiosk.qtbot.waitUntil(lambda: panel.step in ("number", "done"), timeout=5000)


@pytest.mark.parametrize("locale", LOCALES)
def test_opt_in_with_the_notice_and_the_keypad(
    make_kiosk: Callable[..., Kiosk], locale: str
) -> None:
    kiosk = make_kiosk()
    open_optin(kiosk, locale)
    notice = load_texts().notice
    assert kiosk.text("sms.notice.title") == notice.text("title", locale)
    assert kiosk.text("sms.notice.body") == notice.text("body", locale, days=30)
    kiosk.click("sms.continue")  # no purpose chosen: said, and nothing moves on
    loc = kiosk.language.loc
    assert kiosk.text("sms.notice.message") == loc.tr("Choose at least one of the two purposes.")
    kiosk.click("sms.purpose.survey")
    kiosk.click("sms.continue")
    assert kiosk.has("keypad.0") and kiosk.has("keypad.plus")
    type_number(kiosk, "9123")
    submit(kiosk)  # too short
    assert kiosk.text("sms.message") == loc.tr(NOT_A_NUMBER)
    type_number(kiosk, "4567")
    submit(kiosk)
    done = kiosk.text("sms.done")
    assert "+852 •••• 4567" in done and loc.tr("a short survey after your visit") in done
    assert loc.tr("when your turn is near") not in done
    with kiosk.backend.db.session() as session:
        contact = session.exec(select(ContactRow)).one()
        consent = session.exec(select(ConsentRow)).one()
    assert contact.locale == locale and "91234567" not in contact.phone_cipher
    assert consent.purposes == ["survey"] and consent.notice_version == notice.version
    kiosk.click("sms.close")
    assert kiosk.has("ticket.code") and not kiosk.has("sms.optin")  # recorded: not offered again
    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)
    # the panel's reset for the next customer does not start the ticket's countdown again
    # (it once sent every later screen, the staff's too, back to the start 30 s on)
    assert not ticket_screen(kiosk).return_timer.isActive()


@pytest.mark.parametrize(
    ("typed", "region", "message"),
    [
        ("91234567", "HK", None),
        ("21234567", "HK", NOT_MOBILE),  # a fixed line
        ("+8613800138000", "HK", None),
        ("13800138000", "CN", None),
        ("1380013800", "CN", NOT_A_NUMBER),
        ("0912345678", "TW", None),
        ("+886912345678", "HK", None),
        ("+447911123456", "HK", None),
        ("+4479111", "HK", NOT_A_NUMBER),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_numbers_of_each_region_through_the_keypad(
    make_kiosk: Callable[..., Kiosk], typed: str, region: str, message: str | None, locale: str
) -> None:
    kiosk = make_kiosk(sms={"region": region})
    open_optin(kiosk, locale)
    kiosk.click("sms.purpose.turn_near")
    kiosk.click("sms.continue")
    type_number(kiosk, typed)
    submit(kiosk)
    loc = kiosk.language.loc
    if message is None:
        assert kiosk.has("sms.done")
        assert typed[-4:] in kiosk.text("sms.done")
    else:
        assert kiosk.text("sms.message") == loc.tr(message)
        assert locale == "en" or loc.tr(message) != message  # said in the customer's language
        assert kiosk.text("sms.number") == typed  # nothing lost: fix it and try again


def test_cancel_and_start_over_wipe_what_was_typed(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk()
    open_optin(kiosk, "en")
    kiosk.click("sms.purpose.turn_near")
    kiosk.click("sms.continue")
    type_number(kiosk, "9123")
    kiosk.click("sms.back")
    kiosk.click("sms.cancel")
    assert kiosk.has("ticket.code") and kiosk.has("sms.optin")
    kiosk.click("sms.optin")
    panel = ticket_screen(kiosk).optin
    assert panel is not None and panel.keypad.number == "" and panel.chosen() == ()
    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)
    with kiosk.backend.db.session() as session:
        assert session.exec(select(ContactRow)).all() == []


@pytest.mark.parametrize("size", ["1080x1920", "1366x768"])
def test_every_step_fits_and_names_its_controls(
    make_kiosk: Callable[..., Kiosk], size: str
) -> None:
    from PySide6.QtCore import QSize

    from tests.layout_fit import SCREEN_SIZES, fit_problems

    from .test_accessibility import control_problems

    kiosk = make_kiosk()
    kiosk.window.resize(*SCREEN_SIZES[size])
    found: list[str] = []
    for locale in LOCALES:
        open_optin(kiosk, locale)
        screen = QSize(*SCREEN_SIZES[size])
        found += [f"notice {locale}: {p}" for p in fit_problems(kiosk.window, screen)]
        found += [f"notice {locale}: {p}" for p in control_problems(kiosk.current())]
        kiosk.click("sms.purpose.survey")
        kiosk.click("sms.continue")
        type_number(kiosk, "91")
        found += [f"keypad {locale}: {p}" for p in fit_problems(kiosk.window, screen)]
        found += [f"keypad {locale}: {p}" for p in control_problems(kiosk.current())]
        kiosk.click("ticket.done")
        kiosk.wait_screen(Screen.WELCOME)
    assert found == []


def test_each_step_opens_at_its_top(make_kiosk: Callable[..., Kiosk]) -> None:
    from tests.layout_fit import SCREEN_SIZES
    from ui.common.widgets import ScrollPane

    kiosk = make_kiosk()
    kiosk.window.resize(*SCREEN_SIZES["1366x768"])
    open_optin(kiosk, "zh_Hant")
    panel = ticket_screen(kiosk).optin
    assert panel is not None
    pane = panel.parentWidget()
    while pane is not None and not isinstance(pane, ScrollPane):
        pane = pane.parentWidget()
    assert pane is not None
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())  # read to the end
    kiosk.click("sms.purpose.survey")
    kiosk.click("sms.continue")
    assert pane.verticalScrollBar().value() == 0  # the keypad's prompt is in sight


def test_the_panel_is_prepared_while_the_first_ticket_is_read(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    """Not built at start-up (its notice is a YAML file), but once the first ticket
    has been painted, so the first "Text me" tap only shows it."""
    kiosk = make_kiosk()
    screen = ticket_screen(kiosk)
    assert screen.optin is None
    take_open_account_ticket(kiosk, "en")
    kiosk.qtbot.waitUntil(lambda: screen.optin is not None, timeout=5000)
    panel = screen.optin
    kiosk.click("ticket.done")
    take_open_account_ticket(kiosk, "zh_Hant")
    assert screen.optin is panel  # built once
    kiosk.click("sms.optin")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("sms.notice.body"))
    assert kiosk.text("sms.notice.title") == load_texts().notice.text("title", "zh_Hant")
