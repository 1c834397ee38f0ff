"""Large print: the ticket number eight times the normal size, read from the bytes the
printer receives (``GS !`` for the printer's own font, else an image of the number)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.i18n import LOCALES, Catalogs
from printing.job import TicketPrinter
from printing.layout import TextBlock, TextSize, build_layout, large_print_layout
from tests.printing.escpos_bytes import raster_images
from tests.printing.tickets import make_ticket

GS_SIZE = b"\x1d!"
TIMES_8 = GS_SIZE + b"\x77"
"""``GS ! n``: width and height factors minus one in each nibble."""
TIMES_4 = GS_SIZE + b"\x33"


def _code_line(data: bytes, code: str) -> bytes:
    """The size command in force where the code is printed."""
    at = data.index(code.encode() + b"\n")
    return data[data.rindex(GS_SIZE, 0, at) : data.rindex(GS_SIZE, 0, at) + 3]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_number_prints_eight_times_the_normal_size(
    make_printer: Callable[..., TicketPrinter], catalogs: Catalogs, locale: str
) -> None:
    printer = make_printer()
    ticket = make_ticket(locale)
    slip = large_print_layout(ticket, catalogs.localizer(locale))
    assert [b.size for b in slip if isinstance(b, TextBlock)][:2] == [
        TextSize.LARGE,
        TextSize.GIANT,
    ]
    data, _ops = printer.render_bytes(slip)
    assert _code_line(data, "A023") == TIMES_8
    normal, _ = printer.render_bytes(printer.layout(ticket))
    assert _code_line(normal, "A023") == TIMES_4  # the usual ticket: four times


def test_a_code_too_long_for_the_paper_prints_as_an_image_on_one_line(
    make_printer: Callable[..., TicketPrinter], catalogs: Catalogs
) -> None:
    printer = make_printer(paper_dots=384)  # 58 mm: four columns at eight times
    ticket = make_ticket(code="AB1023")
    data, _ops = printer.render_bytes(large_print_layout(ticket, catalogs.localizer("en")))
    assert b"AB1023" not in data
    [number] = [image for image in raster_images(data) if image.height > 100]
    assert number.width == 384
    assert 100 < number.height < 260  # one line of large glyphs, not two


def test_the_slip_says_the_service_and_the_people_ahead(catalogs: Catalogs) -> None:
    from printing.layout import block_texts

    texts = block_texts(large_print_layout(make_ticket("zh_Hant"), catalogs.localizer("zh_Hant")))
    assert texts[1] == "A023"
    assert "開立戶口" in texts
    assert any("4" in text for text in texts[3:])


def test_the_large_print_job_reaches_the_printer(
    make_printer: Callable[..., TicketPrinter], tmp_path: Path
) -> None:
    printer = make_printer()
    outcome = printer.print_large_number(make_ticket())
    assert outcome.printed
    [written] = list(tmp_path.rglob("A023-large.bin"))
    assert TIMES_8 in written.read_bytes()


def test_the_normal_ticket_keeps_its_layout(catalogs: Catalogs) -> None:
    from zoneinfo import ZoneInfo

    blocks = build_layout(make_ticket(), catalogs.localizer("en"), ZoneInfo("Asia/Hong_Kong"))
    assert TextSize.GIANT not in {b.size for b in blocks if isinstance(b, TextBlock)}
