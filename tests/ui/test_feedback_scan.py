"""Rate a recent visit by holding the ticket's QR code to the kiosk's camera: frames of a
real printed QR code lead on exactly as a typed number does; pictures without one, or
with someone else's QR code, are ignored; the camera runs only while the number is
asked for; a camera that fails leaves typing, with a hint. No camera hardware is used:
the frames come from :class:`FedFrames` (the camera adapter itself, a thin layer over
Qt Multimedia, needs a real camera and is not exercised here)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.clock import utc_now
from kiosk.db.models_feedback import VisitRating
from kiosk.desk import Desk
from kiosk.i18n import Catalogs
from kiosk.reception import VisitInput
from kiosk.ticket import TicketData
from tests.helpers.frames import FedFrames, camera_frame
from ui.common.qr_scan import QrFrameScanner
from ui.common.worker import Worker
from ui.customer.backend import open_backend
from ui.customer.router import Screen
from ui.customer.screens.feedback import FeedbackScreen, Step
from ui.customer.timings import Timings

from .conftest import CATALOGUE, make_settings
from .driver import Kiosk

LOCALES = ("en", "zh_Hans", "zh_Hant")


def served(kiosk: Kiosk, slug: str = "lost_card", finish: bool = True) -> TicketData:
    reception = kiosk.backend.reception
    ticket = reception.take_ticket(VisitInput("en", datetime.now(UTC), (), slug))
    if finish:
        assert kiosk.backend.settings is not None
        desk = Desk(kiosk.backend.db, kiosk.backend.settings, reception.catalogue())
        desk.set_counter("9", [slug])
        desk.open_counter("9", staff_id=None)
        desk.call("9", ticket.ticket_id)
        desk.start(ticket.ticket_id)
        desk.finish(ticket.ticket_id, "served")
    return ticket


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
    assert opened == ["default"]
    yield kiosk
    kiosk.window.shutdown()
    backend.close()


def screen(kiosk: Kiosk) -> FeedbackScreen:
    page = kiosk.router.page(Screen.FEEDBACK)
    assert isinstance(page, FeedbackScreen)
    return page


def open_rating(kiosk: Kiosk, locale: str = "en") -> None:
    kiosk.click(f"lang.{locale}")
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)


def feed_and_wait(kiosk: Kiosk, camera: FedFrames, frame: QImage) -> None:
    """One frame, decoded to the end (its answer handled)."""
    scan = screen(kiosk).scan
    assert scan is not None
    decoded = scan.scanner.decoded
    camera.feed(frame)
    assert scan.scanner.decoded == decoded + 1
    kiosk.qtbot.waitUntil(lambda: not scan.scanner.busy, timeout=5000)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_tickets_qr_code_rates_it(camera_kiosk: Kiosk, camera: FedFrames, locale: str) -> None:
    kiosk = camera_kiosk
    ticket = served(kiosk)
    assert not camera.running  # not on the welcome screen
    open_rating(kiosk, locale)
    assert camera.running
    loc = kiosk.language.loc
    panel = kiosk.find("feedback.scan")
    assert panel.isVisible() and not kiosk.has("feedback.scan_hint")
    scan = screen(kiosk).scan
    assert scan is not None
    assert scan.panel.caption.text() == loc.tr("Scan the QR code on your ticket")
    assert panel.accessibleName() == scan.panel.caption.text()
    assert panel.accessibleIdentifier() == "feedback.scan"
    assert locale == "en" or panel.accessibleName() != "Scan the QR code on your ticket"

    feed_and_wait(kiosk, camera, camera_frame(None))
    feed_and_wait(kiosk, camera, camera_frame("https://example.com/A023"))
    feed_and_wait(kiosk, camera, camera_frame("20261203-A023"))  # half a reference
    assert screen(kiosk).step == Step.CODE and not kiosk.has("feedback.message")
    assert scan.panel.preview.pixmap() is not None and not scan.panel.preview.pixmap().isNull()

    camera.feed(camera_frame(ticket.reference))
    kiosk.qtbot.waitUntil(lambda: screen(kiosk).step == Step.SCORE, timeout=5000)
    assert ticket.code in screen(kiosk).score_prompt.text()
    assert not camera.running  # the score is asked: the camera rests
    kiosk.click("feedback.score.2")
    kiosk.click("feedback.reason.explanation")
    kiosk.click("feedback.send")
    kiosk.qtbot.waitUntil(lambda: screen(kiosk).step == Step.THANKS, timeout=5000)
    with kiosk.backend.db.session() as session:
        rating = session.exec(select(VisitRating)).one()
    assert (rating.ticket_reference, rating.score, rating.case_id is not None) == (
        ticket.reference,
        2,
        True,
    )
    kiosk.click("feedback.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert not camera.running


def test_a_scanned_ticket_is_refused_as_a_typed_one(camera_kiosk: Kiosk, camera: FedFrames) -> None:
    kiosk = camera_kiosk
    waiting = served(kiosk, finish=False)
    open_rating(kiosk, "zh_Hant")
    camera.feed(camera_frame(waiting.reference))
    kiosk.qtbot.waitUntil(lambda: kiosk.has("feedback.message"), timeout=5000)
    assert kiosk.text("feedback.message") == kiosk.language.loc.tr(
        "Ticket {code} has not been served yet. You can rate it after your visit."
    ).format(code=waiting.code)
    assert screen(kiosk).step == Step.CODE and camera.running
    feed_and_wait(kiosk, camera, camera_frame(waiting.reference))  # still held up: said once
    assert not screen(kiosk).scan.scanner.busy  # type: ignore[union-attr]  # built: a camera
    kiosk.click("keypad.A")
    assert not kiosk.has("feedback.message")  # typing clears it…
    camera.feed(camera_frame(waiting.reference))  # …and the ticket shown again is read again
    kiosk.qtbot.waitUntil(lambda: kiosk.has("feedback.message"), timeout=5000)
    kiosk.click("keypad.clear")
    # the number can still be typed
    for key in "A999":
        kiosk.click(f"keypad.{key}")
    kiosk.click("feedback.find")
    kiosk.qtbot.waitUntil(
        lambda: (
            kiosk.text("feedback.message")
            == kiosk.language.loc.tr(
                "We cannot find ticket {code}. Please check the number."
            ).format(code="A999")
        ),
        timeout=5000,
    )


def test_leaving_the_screen_stops_the_camera(camera_kiosk: Kiosk, camera: FedFrames) -> None:
    kiosk = camera_kiosk
    ticket = served(kiosk)
    open_rating(kiosk)
    assert camera.running
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    assert not camera.running
    scan = screen(kiosk).scan
    assert scan is not None and not scan.running and not scan.scanner.running
    scan.scanner.push(camera_frame(ticket.reference))  # a late frame is not read
    assert not scan.scanner.busy
    open_rating(kiosk)
    assert camera.running and camera.starts == 2


@pytest.mark.parametrize("locale", LOCALES)
def test_a_camera_that_fails_leaves_typing_with_a_hint(
    camera_kiosk: Kiosk, camera: FedFrames, locale: str
) -> None:
    kiosk = camera_kiosk
    open_rating(kiosk, locale)
    camera.fail()
    assert not kiosk.has("feedback.scan")
    hint = kiosk.language.loc.tr(
        "The camera cannot be used just now. Please type the number on your ticket."
    )
    assert kiosk.text("feedback.scan_hint") == hint
    assert kiosk.find("feedback.scan_hint").accessibleName() == hint
    assert locale == "en" or hint != (
        "The camera cannot be used just now. Please type the number on your ticket."
    )
    kiosk.click("keypad.A")
    assert kiosk.text("feedback.code") == "A"
    kiosk.click("nav.home")
    kiosk.wait_screen(Screen.WELCOME)
    open_rating(kiosk, locale)  # the next customer: the camera is tried again
    assert camera.running and kiosk.has("feedback.scan") and not kiosk.has("feedback.scan_hint")


def test_without_a_camera_nothing_of_it_is_built(make_kiosk: Callable[..., Kiosk]) -> None:
    camera_modules = ("ui.common.camera", "PySide6.QtMultimedia")
    loaded_before = {name for name in camera_modules if name in sys.modules}
    kiosk = make_kiosk()
    open_rating(kiosk)
    page = screen(kiosk)
    assert page.scan is None
    assert page.findChild(QWidget, "feedback.scan") is None
    assert page.findChild(QWidget, "feedback.scan_hint") is None
    # neither the camera nor the decoder was loaded for it (unless another test had)
    assert {name for name in camera_modules if name in sys.modules} == loaded_before


def test_the_scanner_drops_frames_while_busy_and_between_reads(qtbot: QtBot) -> None:
    now = [100.0]
    worker = Worker()
    scanner = QrFrameScanner(worker, lambda text: text.startswith("2026"), 250, lambda: now[0])
    scanner.start()
    frame = camera_frame("20261203-A023-0123abcd")
    with qtbot.waitSignal(scanner.reference_did_scan, timeout=5000) as found:
        scanner.push(frame)
        scanner.push(frame)  # one is being read
        assert scanner.decoded == 1
    assert found.args == ["20261203-A023-0123abcd"]
    now[0] += 0.1
    scanner.push(frame)  # too soon after the last
    assert scanner.decoded == 1
    now[0] += 0.2
    with qtbot.assertNotEmitted(scanner.reference_did_scan):  # the same code again
        scanner.push(frame)
        assert scanner.decoded == 2
        qtbot.waitUntil(lambda: not scanner.busy, timeout=5000)
    worker.wait_for_done()
