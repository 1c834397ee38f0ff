"""What python-escpos receives: Latin as text, CJK as images, QR native or as an image."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import Catalogs
from printing.compose import qr_image, qr_module
from printing.escpos_env import escpos_printers
from printing.layout import TextBlock, build_layout
from printing.render_escpos import PrinterCaps, caps_for_profile, render
from tests.printing.escpos_bytes import qr_payloads, raster_images, without_images
from tests.printing.tickets import make_ticket


class RecordingDummy:
    """A python-escpos ``Dummy`` that also records every string given to ``text()``."""

    def __new__(cls, profile: str = "default") -> Any:
        dummy_class = escpos_printers().Dummy

        class Recording(dummy_class):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.texts: list[str] = []

            def text(self, txt: str) -> None:
                self.texts.append(txt)
                super().text(txt)

        return Recording(profile=profile)


def print_ticket(
    locale: str, catalogs: Catalogs, zone: ZoneInfo, dots: int = 512, profile: str = "default"
) -> Any:
    printer = RecordingDummy(profile)
    ticket = make_ticket(locale)
    render(build_layout(ticket, catalogs.localizer(locale), zone), printer, dots)
    return printer


def test_english_ticket_is_printer_text(catalogs: Catalogs, zone: ZoneInfo) -> None:
    printer = print_ticket("en", catalogs, zone)
    out: bytes = printer.output
    assert b"A023" in out
    assert b"Open an account" in out
    assert b"Passport (original)" in out
    assert b"4 people ahead of you" in out
    assert raster_images(out) == []  # nothing needed drawing
    assert out.startswith(b"\x1b@")  # ESC @ initialise
    assert b"\x1dV" in out  # cut


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_never_reaches_printer_text(
    locale: str, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    printer = print_ticket(locale, catalogs, zone)
    for txt in printer.texts:
        assert all(ord(ch) < 0x2E80 for ch in txt), txt
        assert "?" not in txt
    text_part = without_images(printer.output)
    assert all(byte < 0x80 for byte in text_part), "no GB18030 or code page bytes"
    assert b"?" not in text_part
    assert raster_images(printer.output), "Chinese text is printed as images"


@pytest.mark.parametrize("dots", [384, 512, 576])
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_raster_images_are_paper_wide(
    locale: str, dots: int, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    images = raster_images(print_ticket(locale, catalogs, zone, dots).output)
    assert len(images) >= 4  # service, date, materials, hint
    assert {image.width for image in images} == {dots}


@pytest.mark.parametrize("profile", ["default", "TM-T20II", "TM-T88V"])
def test_native_qr_carries_the_reference(profile: str, catalogs: Catalogs, zone: ZoneInfo) -> None:
    out = print_ticket("en", catalogs, zone, profile=profile).output
    assert qr_payloads(out) == [make_ticket().reference.encode()]
    size_command = b"\x1d(k\x03\x001C" + bytes([qr_module(512)])
    assert size_command in out


@pytest.mark.parametrize("profile", ["simple", "POS-5890"])
def test_image_qr_when_the_profile_lacks_native_qr(
    profile: str, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    assert not caps_for_profile(escpos_printers().Dummy(profile=profile).profile).native_qr
    out = print_ticket("en", catalogs, zone, dots=384, profile=profile).output
    ticket = make_ticket()
    assert qr_payloads(out) == []
    assert ticket.reference.encode() not in out
    images = raster_images(out)
    expected = qr_image(ticket.reference, qr_module(384), 384)
    assert [i.image.tobytes() for i in images] == [expected.tobytes()]


def test_caps_can_be_forced(catalogs: Catalogs, zone: ZoneInfo) -> None:
    printer = RecordingDummy()
    blocks = build_layout(make_ticket(), catalogs.localizer("en"), zone)
    render(blocks, printer, 512, PrinterCaps(native_qr=False, image_impl="graphics"))
    assert qr_payloads(printer.output) == []
    assert b"\x1d(L" in printer.output  # GS ( L graphics


def test_text_wraps_to_the_column_count() -> None:
    printer = RecordingDummy()
    long = "Please bring the original of every document listed on this ticket with you"
    render([TextBlock(long)], printer, 384)
    lines = "".join(printer.texts).splitlines()
    assert len(lines) > 1
    assert all(len(line) <= 32 for line in lines)  # 384 dots / 12


def test_latin1_text_stays_text_and_typography_is_simplified() -> None:
    printer = RecordingDummy()
    render([TextBlock("Café “Riverside” – 10\u202fam")], printer, 512)
    assert printer.texts[0] == 'Café "Riverside" - 10 am\n'
    assert raster_images(printer.output) == []


def test_profile_width_does_not_block_wider_paper() -> None:
    printer = RecordingDummy("TM-T88V")  # profile says 512 dots
    render([TextBlock("账户")], printer, 576)
    assert [i.width for i in raster_images(printer.output)] == [576]
    fresh = escpos_printers().Dummy(profile="TM-T88V")
    assert fresh.profile.profile_data["media"]["width"]["pixels"] == 512  # shared data untouched
