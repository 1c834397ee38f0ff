"""The PIN pad's keys never move: a wrong PIN, a lock or a long message in Chinese
takes the room kept for it above the keys, in portrait and in landscape."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tests.helpers.clock import FakeClock
from ui.common.widgets import ReservedLabel
from ui.customer.screens.pin_pad import CANNOT_READ
from ui.customer.timings import Timings

from .driver import Kiosk
from .test_staff import add_clerk

KEYS = (
    *(f"pin.{key}" for key in "0123456789"),
    "pin.clear",
    "pin.ok",
    "pin.cancel",
    "pin.change_number",
)


def key_places(kiosk: Kiosk) -> dict[str, QRect]:
    for _ in range(3):
        QApplication.processEvents()  # every pending layout pass first
    window = kiosk.window
    places = {}
    for name in KEYS:
        key = kiosk.button(name)
        places[name] = QRect(key.mapTo(window, key.rect().topLeft()), key.size())
    return places


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_the_keys_stay_put_whatever_the_pad_says(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(clock=FakeClock(), timings=Timings(pin_tick_ms=20))
    kiosk.window.resize(*size)
    add_clerk(kiosk)
    kiosk.open_pad()
    kiosk.key_in("7")
    assert kiosk.pad.mode == "pin"
    before = key_places(kiosk)
    assert kiosk.pad_message() == ""

    kiosk.key_in("975310")
    assert kiosk.pad_message().startswith("Wrong staff number or PIN.")
    assert key_places(kiosk) == before

    for number in ("3", "41", "5", "9"):  # wrong PINs on any number lock the whole pad
        kiosk.click("pin.change_number")
        kiosk.key_in(number)
        kiosk.key_in("975310")
    kiosk.wait_pad("locked")
    assert "locked" in kiosk.text("pin.prompt")
    assert key_places(kiosk) == before

    kiosk.click("pin.cancel")
    kiosk.click("lang.zh_Hant")
    kiosk.open_pad()
    kiosk.qtbot.waitUntil(lambda: kiosk.pad.seconds_left() == 0 or kiosk.pad.mode == "locked")
    kiosk.pad.tick.stop()
    kiosk.pad.pad.lock = None
    kiosk.pad.pad.mode = kiosk.pad.pad.mode.PIN
    kiosk.pad.retranslate()
    before = key_places(kiosk)
    loc = kiosk.language.loc
    kiosk.pad.pad.messages = [CANNOT_READ, "Wrong staff number or PIN."]
    kiosk.pad.pad.attempts_left = 1
    kiosk.pad.retranslate()
    message = kiosk.pad.display.message
    assert message.text().splitlines() == [
        loc.tr(CANNOT_READ),
        loc.tr("Wrong staff number or PIN."),
        loc.ntr(
            "{n} more try before the pad locks.", "{n} more tries before the pad locks.", 1
        ).format(n=loc.number(1)),
    ]
    assert key_places(kiosk) == before
    assert isinstance(message, ReservedLabel) and message.fits()  # all of it is seen
