"""The preview shows what prints: same images, same QR, same lines; files on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from kiosk.i18n import LOCALES, Catalogs
from kiosk.settings import CjkMode
from printing.compose import ImageOp, QrOp, TextOp, compose, qr_image, qr_matrix
from printing.escpos_env import escpos_printers
from printing.job import TicketPrinter
from printing.layout import build_layout
from printing.logo import BUILTIN_LOGO
from printing.preview import MARGIN_DOTS, compose_preview, render_preview
from printing.render_escpos import caps_for_profile, render_ops
from tests.printing.escpos_bytes import raster_images
from tests.printing.tickets import make_ticket


@pytest.mark.parametrize("profile", ["default", "simple"])
@pytest.mark.parametrize(
    ("locale", "mode", "least"),
    [
        ("zh_Hans", "raster", 5),  # logo, service, date, materials, hint...
        ("zh_Hant", "raster", 5),
        ("en", "raster", 1),  # the logo
        ("zh_Hant", "big5", 1),  # the logo; the Chinese is printer text
    ],
)
def test_printed_images_equal_the_preview_crops(
    locale: str, mode: CjkMode, least: int, profile: str, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    dots = 512
    loc = catalogs.localizer(locale)
    blocks = build_layout(make_ticket(locale), loc, zone, logo=BUILTIN_LOGO)
    ops = compose(blocks, dots, mode)
    printer = escpos_printers().Dummy(profile=profile)
    caps = caps_for_profile(printer.profile)
    render_ops(ops, printer, dots, caps)
    preview = compose_preview(ops, dots)

    drawn = [
        r
        for r in preview.regions
        if isinstance(r.op, ImageOp) or (isinstance(r.op, QrOp) and not caps.native_qr)
    ]
    printed = raster_images(printer.output)
    assert len(printed) == len(drawn) >= least
    assert drawn[0].op == ops[0] and drawn[0].top == MARGIN_DOTS  # the logo, on top
    for image, region in zip(printed, drawn, strict=True):
        crop = preview.image.crop((0, region.top, dots, region.top + region.height))
        assert image.image.size == crop.size
        assert image.image.tobytes() == crop.tobytes()


def test_preview_qr_matches_the_reference(catalogs: Catalogs, zone: ZoneInfo) -> None:
    ticket = make_ticket("zh_Hant")
    ops = compose(build_layout(ticket, catalogs.localizer("zh_Hant"), zone), 384)
    preview = compose_preview(ops, 384)
    [region] = [r for r in preview.regions if isinstance(r.op, QrOp)]
    assert isinstance(region.op, QrOp)
    assert region.op.payload == ticket.reference
    crop = preview.image.crop((0, region.top, 384, region.top + region.height))
    assert crop.tobytes() == qr_image(ticket.reference, region.op.module, 384).tobytes()
    # sample each module's centre: the preview encodes exactly the reference's QR matrix
    matrix = qr_matrix(ticket.reference)
    module = region.op.module
    left = (384 - len(matrix) * module) // 2
    top = region.top + 2 * module
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            pixel = preview.image.getpixel((left + x * module + module // 2, top + y * module + 1))
            assert (pixel == 0) == dark


def test_text_lines_are_the_printed_lines(catalogs: Catalogs, zone: ZoneInfo) -> None:
    ops = compose(build_layout(make_ticket(), catalogs.localizer("en"), zone), 512)
    printer = escpos_printers().Dummy()
    render_ops(ops, printer, 512, caps_for_profile(printer.profile))
    out: bytes = printer.output
    position = 0
    for op in ops:
        if isinstance(op, TextOp):
            for line in op.lines:
                found = out.find(line.encode("cp437") + b"\n", position)
                assert found >= 0, line
                position = found
    regions = compose_preview(ops, 512).regions
    assert [r.op for r in regions] == ops
    assert all(r.height > 0 for r in regions)


@pytest.mark.parametrize("dots", [384, 512, 576])
@pytest.mark.parametrize("locale", LOCALES)
def test_preview_is_white_paper_as_wide_as_the_paper(
    locale: str, dots: int, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    image = render_preview(
        build_layout(make_ticket(locale), catalogs.localizer(locale), zone), dots
    )
    assert image.mode == "1"
    assert image.width == dots
    assert image.getpixel((0, 0)) == 255
    assert image.height > 600


def test_preview_printer_writes_bytes_and_png(
    make_printer: Callable[..., TicketPrinter], tmp_path: Path
) -> None:
    printer = make_printer("preview", paper_dots=576)
    ticket = make_ticket("zh_Hans")
    outcome = printer.print_ticket(ticket)

    assert outcome.printed and outcome.problem is None
    bin_path = tmp_path / "printer-preview" / "A023.bin"
    png_path = tmp_path / "printer-preview" / "A023.png"
    assert outcome.preview_png == png_path
    expected, _ = printer.render_bytes(printer.layout(ticket))
    assert bin_path.read_bytes() == expected
    assert outcome.bytes_sent == len(expected)
    with Image.open(png_path) as png:
        assert png.width == 576
        assert png.tobytes() == printer.preview_image(ticket).tobytes()
