"""The logo: built in or the bank's own file, 1-bit and fitted, printed as drawn, never fatal."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image, ImageDraw, ImageOps

from kiosk.i18n import Catalogs
from printing import logo as logo_module
from printing.compose import ImageOp, compose
from printing.escpos_env import escpos_printers
from printing.job import TicketPrinter
from printing.layout import LogoBlock, TicketSections, build_layout
from printing.logo import BUILTIN_LOGO, MAX_HEIGHT_DOTS, fit_logo, logo_strip
from printing.preview import compose_preview
from printing.render_escpos import caps_for_profile, render_ops
from tests.printing.escpos_bytes import raster_images
from tests.printing.tickets import make_ticket

MAKE_LOGO = Path(__file__).resolve().parents[2] / "assets" / "logo" / "make_logo.py"
needs_qt_svg = pytest.mark.skipif(
    importlib.util.find_spec("PySide6") is None, reason="PySide6 (Qt SVG) not installed"
)


def _ink_box(image: Image.Image) -> tuple[int, int, int, int]:
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    return box


def test_builtin_logo_is_small_one_bit_and_fits_every_paper() -> None:
    assert BUILTIN_LOGO.stat().st_size <= 20_000
    with Image.open(BUILTIN_LOGO) as image:
        assert image.mode == "1"
        assert 0.5 * 384 <= image.width <= 0.7 * 384
        assert image.height <= MAX_HEIGHT_DOTS
        assert _ink_box(image) == (0, 0, image.width, image.height)  # no wasted margin


def test_builtin_logo_is_what_its_script_draws() -> None:
    spec = importlib.util.spec_from_file_location("make_logo", MAKE_LOGO)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    with Image.open(BUILTIN_LOGO) as image:
        assert script.draw_logo().tobytes() == image.convert("1").tobytes()


@pytest.mark.parametrize("dots", [384, 512, 576])
def test_logo_is_printed_first_at_its_size(
    dots: int, make_printer: Callable[..., TicketPrinter]
) -> None:
    printer = make_printer(paper_dots=dots)
    data, _ = printer.render_bytes(printer.layout(make_ticket("en")))
    with Image.open(BUILTIN_LOGO) as image:
        builtin = image.convert("1")
    first = raster_images(data)[0]
    assert first.offset < data.index(b"Riverside Branch")  # before the first text line
    assert (first.width, first.height) == (dots, builtin.height)
    left = (dots - builtin.width) // 2
    assert _ink_box(first.image) == (left, 0, left + builtin.width, builtin.height)
    crop = first.image.crop((left, 0, left + builtin.width, builtin.height))
    assert crop.tobytes() == builtin.tobytes()  # unscaled, pixel for pixel


@pytest.mark.parametrize("profile", ["default", "simple"])
def test_preview_equals_print_for_the_logo(
    profile: str, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    blocks = build_layout(make_ticket("en"), catalogs.localizer("en"), zone, logo=BUILTIN_LOGO)
    ops = compose(blocks, 512)
    printer = escpos_printers().Dummy(profile=profile)
    render_ops(ops, printer, 512, caps_for_profile(printer.profile))
    preview = compose_preview(ops, 512)
    region = preview.regions[0]
    assert isinstance(region.op, ImageOp)
    printed = raster_images(printer.output)[0].image
    crop = preview.image.crop((0, region.top, 512, region.top + region.height))
    assert printed.size == crop.size
    assert printed.tobytes() == crop.tobytes()


def test_a_custom_png_is_used_fitted_and_dithered(
    tmp_path: Path, make_printer: Callable[..., TicketPrinter]
) -> None:
    # a wide logo with a grey band and a transparent margin
    source = Image.new("RGBA", (1400, 420), (0, 0, 0, 0))
    draw = ImageDraw.Draw(source)
    draw.rectangle((100, 60, 1300, 360), fill=(20, 40, 160, 255))
    draw.rectangle((100, 200, 1300, 260), fill=(150, 150, 150, 255))
    path = tmp_path / "bank.png"
    source.save(path)

    printer = make_printer(paper_dots=512, logo=path)
    data, _ = printer.render_bytes(printer.layout(make_ticket("en")))
    first = raster_images(data)[0]
    expected = logo_strip(path, 512)
    assert expected is not None
    assert first.image.tobytes() == expected.tobytes()
    # the transparent margin is cropped, then it is scaled to fit 512 x MAX_HEIGHT_DOTS
    scale = min(512 / 1201, MAX_HEIGHT_DOTS / 301)
    assert first.height == round(301 * scale)
    left, _, right, _ = _ink_box(first.image)
    assert right - left == round(1201 * scale)
    band = first.image.crop((left, round(150 * scale), right, round(190 * scale)))
    assert 0 < band.histogram()[0] < band.width * band.height  # grey is dithered, not solid


def test_a_small_logo_is_not_enlarged() -> None:
    small = Image.new("L", (40, 20), 0)
    assert fit_logo(small, 576).size == (40, 20)


def test_missing_logo_prints_without_it_and_warns(
    tmp_path: Path,
    make_printer: Callable[..., TicketPrinter],
    caplog: pytest.LogCaptureFixture,
) -> None:
    missing = tmp_path / "gone.png"
    printer = make_printer(logo=missing)
    assert printer.layout(make_ticket("en"))[0] == LogoBlock(missing)
    with caplog.at_level(logging.WARNING, logger="printing.logo"):
        outcome = printer.print_ticket(make_ticket("en"))
    assert outcome.printed and outcome.problem is None
    data = (tmp_path / "printer-preview" / "A023.bin").read_bytes()
    assert raster_images(data) == []  # English without a logo: all text
    assert b"Riverside Branch" in data
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(missing) in caplog.text


@pytest.mark.parametrize("content", [b"not a picture", b""])
def test_unreadable_logo_prints_without_it_and_warns(
    content: bytes,
    tmp_path: Path,
    make_printer: Callable[..., TicketPrinter],
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(content)
    printer = make_printer(logo=broken)
    with caplog.at_level(logging.WARNING, logger="printing.logo"):
        outcome = printer.print_ticket(make_ticket("zh_Hans"))
    assert outcome.printed
    assert "cannot be used" in caplog.text
    preview = printer.preview_image(make_ticket("zh_Hans"))
    assert preview.width == 512


def test_a_blank_logo_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "white.png"
    Image.new("RGB", (100, 50), "white").save(path)
    assert logo_strip(path, 512) is None
    assert "blank" in caplog.text


def test_a_replaced_logo_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    Image.new("1", (50, 20), 0).save(path)
    first = logo_strip(path, 384)
    Image.new("1", (80, 30), 0).save(path)
    second = logo_strip(path, 384)
    assert first is not None and second is not None
    assert (first.height, second.height) == (20, 30)


def test_logo_section_can_be_hidden(
    catalogs: Catalogs, zone: ZoneInfo, make_printer: Callable[..., TicketPrinter]
) -> None:
    loc = catalogs.localizer("en")
    shown = build_layout(make_ticket(), loc, zone, logo=BUILTIN_LOGO)
    hidden = build_layout(make_ticket(), loc, zone, TicketSections(logo=False), logo=BUILTIN_LOGO)
    assert shown[0] == LogoBlock(BUILTIN_LOGO)
    assert not any(isinstance(b, LogoBlock) for b in hidden)
    assert make_printer().layout(make_ticket())[0] == LogoBlock(BUILTIN_LOGO)  # built in by default


@needs_qt_svg
def test_an_svg_logo_is_drawn_to_fit(tmp_path: Path) -> None:
    path = tmp_path / "bank.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10" viewBox="0 0 40 10">'
        '<rect x="0" y="0" width="40" height="10" fill="#123"/>'
        '<text x="2" y="8" font-size="8" fill="white">BANK</text></svg>',
        encoding="utf-8",
    )
    strip = logo_strip(path, 512)
    assert strip is not None and strip.width == 512
    left, top, right, bottom = _ink_box(strip)
    assert right - left == 512 and bottom - top == 128  # 4:1, as wide as the paper
    assert strip.crop((left, top, right, bottom)).histogram()[255] > 0  # the white text


@needs_qt_svg
def test_a_broken_svg_is_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "broken.svg"
    path.write_text("<svg", encoding="utf-8")
    assert logo_strip(path, 512) is None
    assert "cannot be used" in caplog.text


def test_svg_renderer_failure_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(logo_module, "_SVG_SCRIPT", tmp_path / "no-such-script.py")
    path = tmp_path / "logo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    assert logo_strip(path, 384) is None
    assert "cannot be used" in caplog.text
