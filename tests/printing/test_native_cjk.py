"""gb18030 / big5 mode: Chinese as printer text framed by FS & … FS ., images only as a fallback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import ImageOps

from kiosk.i18n import Catalogs, LocaleCode
from kiosk.settings import CjkMode
from printing.compose import ImageOp, NativeTextOp, TextOp, columns, compose
from printing.escpos_env import escpos_printers
from printing.job import TicketPrinter
from printing.layout import TextBlock, TextSize, block_texts, build_layout
from printing.native import FS_CHINESE_OFF, FS_CHINESE_ON, text_columns
from printing.preview import compose_preview
from printing.render_escpos import render
from tests.printing.escpos_bytes import native_segments, raster_images, without_images
from tests.printing.test_render_escpos import RecordingDummy
from tests.printing.tickets import HINT, SERVICE, make_ticket

NATIVE: list[tuple[LocaleCode, CjkMode]] = [("zh_Hans", "gb18030"), ("zh_Hant", "big5")]


def print_ticket(
    locale: str, mode: CjkMode, catalogs: Catalogs, zone: ZoneInfo, dots: int = 512, **changes: Any
) -> Any:
    printer = RecordingDummy()
    blocks = build_layout(make_ticket(locale, **changes), catalogs.localizer(locale), zone)
    render(blocks, printer, dots, cjk_mode=mode)
    return printer


@pytest.mark.parametrize(("locale", "codec"), NATIVE)
def test_service_name_goes_framed_in_the_code_page(
    locale: LocaleCode, codec: CjkMode, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    out: bytes = print_ticket(locale, codec, catalogs, zone).output
    name = SERVICE[locale].encode(codec)
    assert FS_CHINESE_ON + name + FS_CHINESE_OFF in out
    assert raster_images(out) == []  # every text fits the code page: nothing drawn


@pytest.mark.parametrize(("locale", "codec"), NATIVE)
def test_every_text_is_sent_whole_and_never_through_text(
    locale: str, codec: CjkMode, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    printer = print_ticket(locale, codec, catalogs, zone)
    for txt in printer.texts:  # python-escpos text() only ever gets ASCII
        assert all(ord(ch) < 0x80 for ch in txt), txt
    text_part = without_images(printer.output)
    assert b"?" not in text_part
    printed = "".join(segment.decode(codec) for segment in native_segments(printer.output))
    loc = catalogs.localizer(locale)
    for text in block_texts(build_layout(make_ticket(locale), loc, zone)):
        if any(ord(ch) > 0x7F for ch in text):
            assert text.replace(" ", "") in printed.replace(" ", ""), text


def test_chinese_mode_is_left_at_the_start(catalogs: Catalogs, zone: ZoneInfo) -> None:
    out: bytes = print_ticket("zh_Hans", "gb18030", catalogs, zone).output
    assert out.startswith(b"\x1b@" + FS_CHINESE_OFF)  # printers set up for Chinese may start in it


def test_a_character_big5_lacks_falls_back_to_raster(catalogs: Catalogs, zone: ZoneInfo) -> None:
    service = {"en": "Right here", "zh_Hans": "啱", "zh_Hant": "開戶啱晒"}  # 啱: HKSCS only
    out: bytes = print_ticket("zh_Hant", "big5", catalogs, zone, service_name=service).output
    assert len(raster_images(out)) == 1  # that one block, drawn
    assert "開戶".encode("big5") not in without_images(out)
    assert b"?" not in without_images(out)
    hint = FS_CHINESE_ON + HINT["zh_Hant"].encode("big5") + FS_CHINESE_OFF
    assert hint in out  # the rest native
    assert FS_CHINESE_ON + "- 住址證明".encode("big5") + FS_CHINESE_OFF in out  # a bullet


def test_gb18030_four_byte_characters_fall_back_to_raster() -> None:
    ops = compose([TextBlock("𠝹开户", lang="zh_Hans"), TextBlock("开户")], 512, "gb18030")
    assert [type(op) for op in ops] == [ImageOp, NativeTextOp]


def test_raster_mode_is_unchanged(catalogs: Catalogs, zone: ZoneInfo) -> None:
    default = RecordingDummy()
    blocks = build_layout(make_ticket("zh_Hans"), catalogs.localizer("zh_Hans"), zone)
    render(blocks, default, 512)
    explicit: bytes = print_ticket("zh_Hans", "raster", catalogs, zone).output
    assert explicit == default.output
    assert FS_CHINESE_ON not in without_images(explicit)
    assert len(raster_images(explicit)) >= 4


@pytest.mark.parametrize("mode", ["gb18030", "big5"])
def test_latin_text_stays_printer_text_in_native_mode(
    mode: CjkMode, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    blocks = build_layout(make_ticket("en"), catalogs.localizer("en"), zone)
    ops = compose(blocks, 512, mode)
    assert not any(isinstance(op, NativeTextOp | ImageOp) for op in ops)
    assert ops == compose(blocks, 512)


@pytest.mark.parametrize("dots", [384, 512, 576])
@pytest.mark.parametrize("size", [TextSize.NORMAL, TextSize.LARGE])
def test_chinese_characters_take_two_columns(dots: int, size: TextSize) -> None:
    text = "请携带您的身份证原件以及最近三个月内的住址证明和银行卡 ATM 卡"
    [op] = compose([TextBlock(text, size=size)], dots, "gb18030")
    assert isinstance(op, NativeTextOp)
    width = columns(dots, size)
    assert len(op.lines) > 1
    assert all(text_columns(line) <= width for line in op.lines)
    assert text_columns(op.lines[0]) >= width - 1  # filled, not cut at half the width
    assert "".join(op.lines).replace(" ", "") == text.replace(" ", "")


def test_bullets_are_indented_by_columns() -> None:
    text = "身份证或护照（原件）以及最近三个月内发出的住址证明"
    [op] = compose([TextBlock(text, bullet=True)], 384, "gb18030")
    assert isinstance(op, NativeTextOp)
    assert op.lines[0].startswith("- ")
    assert all(line.startswith("  ") for line in op.lines[1:])
    assert all(text_columns(line) <= 32 for line in op.lines)


def test_large_chinese_is_sized_with_gs_exclamation() -> None:
    printer = escpos_printers().Dummy()
    render(
        [TextBlock("开立账户", size=TextSize.LARGE, bold=True)], printer, 512, cjk_mode="gb18030"
    )
    out: bytes = printer.output
    line = FS_CHINESE_ON + "开立账户".encode("gb18030") + FS_CHINESE_OFF
    assert b"\x1d!\x11" in out[: out.index(line)]  # GS ! double width and height: Chinese too
    assert b"\x1d!\x00" in out[out.index(line) :]  # back to normal after


@pytest.mark.parametrize(("locale", "codec"), NATIVE)
def test_preview_draws_native_text_in_full_width_cells(
    locale: LocaleCode, codec: CjkMode, catalogs: Catalogs, zone: ZoneInfo
) -> None:
    ops = compose(build_layout(make_ticket(locale), catalogs.localizer(locale), zone), 512, codec)
    preview = compose_preview(ops, 512)
    [region] = [
        r
        for r in preview.regions
        if isinstance(r.op, NativeTextOp) and r.op.lines == (SERVICE[locale],)
    ]
    crop = preview.image.crop((0, region.top, 512, region.top + region.height))
    box = ImageOps.invert(crop.convert("L")).getbbox()
    assert box is not None
    cell = 24 * 2  # LARGE: a full-width cell is 48 dots
    left = (512 - 4 * cell) // 2
    assert left - 2 <= box[0] and box[2] <= left + 4 * cell + 2
    assert box[2] - box[0] > 3 * cell  # four characters, one per cell


def test_job_uses_the_configured_mode(make_printer: Callable[..., TicketPrinter]) -> None:
    printer = make_printer(cjk_mode="big5")
    ticket = make_ticket("zh_Hant")
    data, ops = printer.render_bytes(printer.layout(ticket))
    assert any(isinstance(op, NativeTextOp) for op in ops)
    assert FS_CHINESE_ON + SERVICE["zh_Hant"].encode("big5") + FS_CHINESE_OFF in data
    assert [type(op) for op in ops if isinstance(op, ImageOp)] == [ImageOp]  # the logo only
    assert all(not isinstance(op, TextOp) or op.lines for op in ops)
    assert printer.preview_image(ticket).width == 512
