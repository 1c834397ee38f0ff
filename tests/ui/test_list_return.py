"""Coming back with a bring-list: the printed list carries a return code and its QR
code; on the welcome screen "I have a list from an earlier visit" takes the code (typed
on the kiosk's keypad, or read by the camera) straight to that service's guidance with
nothing ticked, and the visit then made is linked to the list. An unknown or used code
is said in the customer's language and loses nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.bring_lists import CODE_DIGITS, qr_payload
from kiosk.clock import utc_now
from kiosk.db.models_bring_list import BringList
from kiosk.i18n import Catalogs
from kiosk.reception import VisitInput
from printing.preview import preview_paths
from tests.helpers.frames import FedFrames, camera_frame
from tests.layout_fit import SCREEN_SIZES, fit_problems
from ui.common.qr_scan import decode_texts
from ui.common.text_size import TEXT_STEPS
from ui.common.widgets import CheckItem
from ui.customer.backend import open_backend
from ui.customer.router import Screen
from ui.customer.screens.list_return import ListReturnScreen
from ui.customer.screenshots import walked_kiosk
from ui.customer.timings import Timings

from .conftest import CATALOGUE, make_settings
from .driver import Kiosk
from .test_accessibility import control_problems

LOCALES = ("en", "zh_Hans", "zh_Hant")


def print_list(kiosk: Kiosk, locale: str = "en") -> str:
    """Print open_account's list with the identity card ticked; its return code."""
    kiosk.open_account_guidance(locale)
    kiosk.click("material.id_document")
    kiosk.click("ticket.print_list")
    kiosk.wait_screen(Screen.BRING_LIST)
    kiosk.qtbot.waitUntil(lambda: kiosk.has("list.code"), timeout=3000)
    code = kiosk.text("list.code")
    assert len(code) == CODE_DIGITS and code.isdigit()
    taken = kiosk.language.loc.tr("Please take your list from the printer.")
    kiosk.qtbot.waitUntil(lambda: taken in kiosk.visible_texts(), timeout=3000)
    kiosk.click("list.done")
    kiosk.wait_screen(Screen.WELCOME)
    return code


def lists(kiosk: Kiosk) -> list[BringList]:
    with kiosk.backend.db.reading() as session:
        rows = list(session.exec(select(BringList)).all())
        session.expunge_all()
    return rows


def open_return(kiosk: Kiosk, locale: str = "en") -> None:
    kiosk.click(f"lang.{locale}")
    kiosk.click("list.return")
    kiosk.wait_screen(Screen.LIST_RETURN)


def type_code(kiosk: Kiosk, code: str) -> None:
    for digit in code:
        kiosk.click(f"keypad.{digit}")


def ticked(kiosk: Kiosk) -> set[str]:
    page = kiosk.current()
    return {
        item.objectName().removeprefix("material.")
        for item in page.findChildren(CheckItem)
        if item.isVisibleTo(page) and item.isChecked()
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_print_come_back_and_find_the_guidance(kiosk: Kiosk, tmp_path: Path, locale: str) -> None:
    code = print_list(kiosk, locale)
    [row] = lists(kiosk)
    assert row.code == code and row.returned_at is None
    # the printed list: the code and a QR code that holds it
    _data, png = preview_paths(tmp_path, "open_account-list")
    kiosk.qtbot.waitUntil(png.exists, timeout=3000)
    assert qr_payload(code) in decode_texts(QImage(str(png)))

    open_return(kiosk, locale)
    assert kiosk.session.started_at is None  # no visit yet
    assert not kiosk.button("list_return.find").isEnabled()
    type_code(kiosk, code)
    assert kiosk.text("list_return.code") == code
    kiosk.click("list_return.find")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert kiosk.session.service_slug == "open_account"
    assert ticked(kiosk) == set()  # nothing ticked: the customer ticks what they brought
    assert kiosk.session.returning_list == code

    for material in ("id_document", "proof_of_address"):
        kiosk.click(f"material.{material}")
    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)
    kiosk.qtbot.waitUntil(lambda: len(kiosk.tickets()) == 1, timeout=3000)
    [back] = lists(kiosk)
    ticket_visit = next(v for v in kiosk.visits() if v.outcome == "ticket")
    assert back.returned_visit_id == ticket_visit.id
    assert back.returned_at is not None


def test_an_unknown_or_used_code_is_said_and_nothing_is_lost(kiosk: Kiosk) -> None:
    code = print_list(kiosk)
    open_return(kiosk, "zh_Hant")
    loc = kiosk.language.loc
    unknown = "000000" if code != "000000" else "111111"
    type_code(kiosk, unknown)
    kiosk.click("list_return.find")
    expected = loc.tr("We cannot find the list with code {code}. Please check the code.")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("list_return.message"), timeout=3000)
    assert kiosk.text("list_return.message") == expected.format(code=unknown)
    assert expected != "We cannot find the list with code {code}. Please check the code."
    assert kiosk.find("list_return.message").accessibleName() == kiosk.text("list_return.message")
    assert kiosk.screen == Screen.LIST_RETURN
    assert kiosk.text("list_return.code") == unknown  # still there to correct
    kiosk.click("keypad.back")
    assert not kiosk.has("list_return.message")  # typing clears the message
    kiosk.click("keypad.clear")

    # used by a visit stored meanwhile (at another kiosk): said so, no second link
    returned = VisitInput("en", utc_now(), (), "open_account", returning_list=code)
    kiosk.backend.reception.record_visit(returned, "abandoned", "service_detail")
    type_code(kiosk, code)
    kiosk.click("list_return.find")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("list_return.message"), timeout=3000)
    used = loc.tr(
        "The list with code {code} has been used already. Tap Start to find your service."
    )
    assert kiosk.text("list_return.message") == used.format(code=code)
    assert kiosk.screen == Screen.LIST_RETURN
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.session.started_at is None
    open_return(kiosk)
    assert kiosk.text("list_return.code") == "–"  # the next customer starts afresh
    assert not kiosk.has("list_return.message")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_control_is_named_and_translated(kiosk: Kiosk, locale: str) -> None:
    print_list(kiosk, locale)
    kiosk.click(f"lang.{locale}")  # the list's customer has gone: the next one chooses
    welcome = kiosk.current()
    assert control_problems(welcome) == []
    english = "I have a list from an earlier visit"
    assert (kiosk.button("list.return").text() == english) == (locale == "en")
    open_return(kiosk, locale)
    assert control_problems(kiosk.current()) == []
    shown = kiosk.visible_texts()
    if locale != "en":
        for msgid in (
            english,
            "Type the return code printed on your list of what to bring.",
            "Next",
        ):
            assert msgid not in shown


@pytest.fixture
def camera() -> FedFrames:
    return FedFrames()


@pytest.fixture
def camera_kiosk(
    qtbot: QtBot, tmp_path: Path, catalogs: Catalogs, camera: FedFrames
) -> Iterator[Kiosk]:
    settings = make_settings(tmp_path, feedback={"camera": "default"})
    backend = open_backend(settings, catalogs, [CATALOGUE])
    opened: list[str] = []

    def open_camera(device: str) -> FedFrames:
        opened.append(device)
        return camera

    timings = Timings(scan_interval_ms=0)
    kiosk = Kiosk.build(qtbot, settings, catalogs, backend, timings, utc_now, open_camera)
    assert opened == ["default"]  # one camera for the rating screen and this one
    yield kiosk
    kiosk.window.shutdown()
    backend.close()


def screen(kiosk: Kiosk) -> ListReturnScreen:
    page = kiosk.router.page(Screen.LIST_RETURN)
    assert isinstance(page, ListReturnScreen)
    return page


def test_the_lists_qr_code_read_by_the_camera(camera_kiosk: Kiosk, camera: FedFrames) -> None:
    kiosk = camera_kiosk
    code = print_list(kiosk)
    assert not camera.running
    open_return(kiosk, "zh_Hans")
    assert camera.running
    scan = screen(kiosk).scan
    assert scan is not None
    panel = kiosk.find("list_return.scan")
    assert panel.isVisible() and panel.accessibleName() == scan.panel.caption.text()
    assert scan.panel.caption.text() == kiosk.language.loc.tr("Scan the QR code on your list")
    assert scan.panel.caption.text() != "Scan the QR code on your list"

    for other in (None, code, "20261203-A023-0badcafe"):  # no code, bare digits, a ticket
        decoded = scan.scanner.decoded
        camera.feed(camera_frame(other))
        assert scan.scanner.decoded == decoded + 1
        kiosk.qtbot.waitUntil(lambda: not scan.scanner.busy, timeout=5000)
    assert kiosk.screen == Screen.LIST_RETURN

    camera.feed(camera_frame(qr_payload(code)))
    kiosk.wait_screen(Screen.SERVICE_DETAIL, timeout=5000)
    assert kiosk.session.returning_list == code
    assert not camera.running  # the guidance is in front: the camera rests

    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    kiosk.click("feedback.rate")  # the rating screen runs the same camera
    kiosk.wait_screen(Screen.FEEDBACK)
    assert camera.running


def test_a_camera_that_fails_leaves_typing_with_a_hint(
    camera_kiosk: Kiosk, camera: FedFrames
) -> None:
    kiosk = camera_kiosk
    open_return(kiosk, "zh_Hant")
    camera.fail()
    assert not kiosk.has("list_return.scan")
    hint = kiosk.language.loc.tr(
        "The camera cannot be used just now. Please type the code on your list."
    )
    assert kiosk.text("list_return.scan_hint") == hint
    assert hint.startswith("鏡頭")


@pytest.mark.parametrize("with_camera", [False, True], ids=["typed", "camera"])
@pytest.mark.parametrize("size", list(SCREEN_SIZES))
def test_the_welcome_entry_and_the_code_screen_fit(
    qtbot: QtBot, tmp_path: Path, size: str, with_camera: bool
) -> None:
    """Every screen size, language and text size: the welcome screen with its extra
    choice, and the code screen with a refusal shown (and the camera's picture); in high
    contrast at the largest text size."""
    camera = FedFrames() if with_camera else None
    with walked_kiosk(tmp_path, camera) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        window, router, access = walker.window, walker.router, walker.router.access
        screen_size = QSize(*SCREEN_SIZES[size])
        walker.resize(size)
        found: list[str] = []
        for step in range(len(TEXT_STEPS)):
            for locale in LOCALES:
                walker.show("welcome", locale)
                access.set_text_step(step)
                high_contrast = step == len(TEXT_STEPS) - 1  # the heaviest type, at the largest
                window.theme.set_high_contrast(high_contrast)
                walker.settle()
                where = f"({locale}, text ×{TEXT_STEPS[step]}, high contrast {high_contrast})"
                found += [f"welcome {where}: {p}" for p in fit_problems(window, screen_size)]
                router.go(Screen.LIST_RETURN)
                page = router.page(Screen.LIST_RETURN)
                assert isinstance(page, ListReturnScreen)
                for digit in "000000":
                    page.keypad.keys[digit].click()
                page.look_up()
                walker.settle(page.message.isVisible)
                if camera is not None:
                    camera.feed(camera_frame(None))
                    walker.settle()
                found += [f"code {where}: {p}" for p in fit_problems(window, screen_size)]
        assert found == []


def test_a_customer_who_walks_away_from_the_code_leaves_nothing(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=Timings(idle_ms=400, countdown_s=5, idle_tick_ms=20))
    open_return(kiosk, "zh_Hans")
    type_code(kiosk, "123")
    kiosk.wait_screen(Screen.WELCOME, timeout=5000)  # the idle warning ran out
    assert kiosk.language.locale == "en"
    assert kiosk.visits() == []  # no visit had begun
    open_return(kiosk)
    assert kiosk.text("list_return.code") == "–"
