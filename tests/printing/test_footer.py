"""The custom footer (e.g. opening hours) in the ticket's language, before the privacy line."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import LOCALES, Catalogs
from printing import raster
from printing.compose import RASTER_PX
from printing.job import TicketPrinter
from printing.layout import RuleBlock, TextBlock, TextSize, block_texts, build_layout, footer_text
from tests.printing.escpos_bytes import raster_images, text_lines
from tests.printing.tickets import make_ticket

HOURS = {
    "en": "Open Mon-Fri 9:00-17:00",
    "zh_Hans": "营业时间：周一至周五 9:00-17:00",
    "zh_Hant": "營業時間：星期一至五 9:00-17:00",
}
PRIVACY = "Please keep this ticket. We never print personal data."


def _privacy(catalogs: Catalogs, locale: str) -> str:
    return catalogs.localizer(locale).tr(PRIVACY)


@pytest.mark.parametrize("locale", LOCALES)
def test_custom_footer_comes_before_the_privacy_line(
    locale: str, catalogs: Catalogs, make_printer: Callable[..., TicketPrinter]
) -> None:
    printer = make_printer(footer=HOURS)
    blocks = printer.layout(make_ticket(locale))
    assert block_texts(blocks)[-2:] == [HOURS[locale], _privacy(catalogs, locale)]
    assert isinstance(blocks[-3], RuleBlock)


def test_english_footer_is_printer_text(make_printer: Callable[..., TicketPrinter]) -> None:
    printer = make_printer(footer=HOURS)
    data, _ = printer.render_bytes(printer.layout(make_ticket("en")))
    lines = text_lines(data)
    assert lines[-3] == HOURS["en"]
    assert " ".join(lines[-2:]) == PRIVACY  # wrapped to 42 columns


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_footer_is_a_raster_image_in_raster_mode(
    locale: str, catalogs: Catalogs, make_printer: Callable[..., TicketPrinter]
) -> None:
    printer = make_printer(footer=HOURS, paper_dots=512)
    data, _ = printer.render_bytes(printer.layout(make_ticket(locale)))
    images = [image.image.tobytes() for image in raster_images(data)]
    px = RASTER_PX[TextSize.NORMAL]
    footer = raster.render_text(HOURS[locale], locale, px, 512)
    privacy = raster.render_text(_privacy(catalogs, locale), locale, px, 512)
    assert images[-2:] == [footer.tobytes(), privacy.tobytes()]  # last on the ticket
    assert HOURS[locale].encode("gb18030") not in data
    assert HOURS[locale].encode("big5", "replace") not in data


def test_footer_falls_back_to_english(
    catalogs: Catalogs, make_printer: Callable[..., TicketPrinter]
) -> None:
    printer = make_printer(footer={"en": HOURS["en"]})
    texts = block_texts(printer.layout(make_ticket("zh_Hant")))
    assert texts[-2:] == [HOURS["en"], _privacy(catalogs, "zh_Hant")]


@pytest.mark.parametrize("footer", [{}, {"en": "  "}, {"zh_Hans": HOURS["zh_Hans"]}])
def test_no_custom_text_leaves_the_privacy_line_only(
    footer: dict[str, str], catalogs: Catalogs, make_printer: Callable[..., TicketPrinter]
) -> None:
    printer = make_printer(footer=footer)
    blocks = printer.layout(make_ticket("en"))
    assert isinstance(blocks[-2], RuleBlock)
    assert blocks[-1] == TextBlock(PRIVACY, lang="en")
    data, _ = printer.render_bytes(blocks)
    lines = text_lines(data)
    assert " ".join(lines[-2:]) == PRIVACY
    assert set(lines[-3]) == {"-"}  # the rule, nothing between it and the privacy line


def test_footer_section_off_hides_custom_text_too(catalogs: Catalogs, zone: ZoneInfo) -> None:
    from printing.layout import TicketSections

    loc = catalogs.localizer("en")
    texts = block_texts(
        build_layout(make_ticket(), loc, zone, TicketSections(footer=False), footer=HOURS)
    )
    assert HOURS["en"] not in texts and PRIVACY not in texts


def test_footer_text_choice() -> None:
    assert footer_text(HOURS, "zh_Hant") == HOURS["zh_Hant"]
    assert footer_text({"en": " x "}, "zh_Hans") == "x"
    assert footer_text({"zh_Hans": "y"}, "en") == ""
