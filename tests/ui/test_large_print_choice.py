"""The ticket screen offers the number again in large print, once the ticket printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.i18n import LOCALES
from printing.preview import preview_paths
from ui.customer.router import Screen

from .driver import Kiosk
from .test_journey import take_open_account_ticket, ticket_screen

OFFER = {
    "en": "Print my number in large type",
    "zh_Hans": "用大字打印我的号码",
    "zh_Hant": "用大字列印我的號碼",
}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_number_prints_again_in_large_type(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, locale: str
) -> None:
    kiosk = make_kiosk()
    code = take_open_account_ticket(kiosk, locale)
    button = kiosk.button("ticket.large_print")
    assert button.isVisible()
    assert button.text() == button.accessibleName() == OFFER[locale]
    kiosk.click("ticket.large_print")
    screen = ticket_screen(kiosk)
    kiosk.qtbot.waitUntil(lambda: screen.large_print == "printed", timeout=5000)
    assert not button.isEnabled()
    assert button.text() == kiosk.language.loc.tr("Your number in large type is printed.")
    data, _png = preview_paths(tmp_path, f"{code}-large")
    sent = data.read_bytes()
    assert b"\x1d!\x77" in sent and f"{code}\n".encode() in sent  # GS ! eight times
    kiosk.click("ticket.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert screen.large_print == "offered"  # the next customer is offered it again


def test_no_large_print_when_the_ticket_did_not_print(
    make_kiosk: Callable[..., Kiosk], closed_port: int
) -> None:
    kiosk = make_kiosk(f"tcp://127.0.0.1:{closed_port}")
    kiosk.open_account_guidance()
    for material in ("id_document", "proof_of_address", "photo"):
        kiosk.click(f"material.{material}")
    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)
    screen = ticket_screen(kiosk)
    kiosk.qtbot.waitUntil(lambda: screen.state == "print_failed", timeout=5000)
    assert not kiosk.has("ticket.large_print")
