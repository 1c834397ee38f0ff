"""The ticket layout as data: every part, in every language, and the section switches."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from kiosk.i18n import LOCALES, Catalogs
from printing.layout import (
    QrBlock,
    RuleBlock,
    TextBlock,
    TextSize,
    TicketSections,
    block_texts,
    build_layout,
    people_ahead_text,
)
from tests.printing.tickets import ADDRESS, HINT, PASSPORT, SERVICE, make_ticket


@pytest.mark.parametrize("locale", LOCALES)
def test_layout_holds_every_part(locale: str, catalogs: Catalogs, zone: ZoneInfo) -> None:
    ticket = make_ticket(locale)
    loc = catalogs.localizer(locale)
    blocks = build_layout(ticket, loc, zone)
    texts = block_texts(blocks)

    assert "A023" in texts
    assert loc.text(SERVICE) in texts
    assert loc.text(SERVICE) != SERVICE["en"] or locale == "en"
    assert "Riverside Branch" in texts
    assert people_ahead_text(4, loc) in texts  # translated or not
    assert any("18" in t for t in texts)
    assert loc.text(PASSPORT) in texts
    assert loc.text(ADDRESS) in texts
    assert loc.text(HINT) in texts
    assert [b.payload for b in blocks if isinstance(b, QrBlock)] == [ticket.reference]
    assert all(b.lang == locale for b in blocks if isinstance(b, TextBlock))


def test_code_is_the_largest_text(catalogs: Catalogs, zone: ZoneInfo) -> None:
    blocks = build_layout(make_ticket(), catalogs.localizer("en"), zone)
    huge = [b for b in blocks if isinstance(b, TextBlock) and b.size is TextSize.HUGE]
    assert [b.text for b in huge] == ["A023"]


def test_materials_are_bullets(catalogs: Catalogs, zone: ZoneInfo) -> None:
    blocks = build_layout(make_ticket(), catalogs.localizer("en"), zone)
    bullets = [b.text for b in blocks if isinstance(b, TextBlock) and b.bullet]
    assert bullets == [PASSPORT["en"], ADDRESS["en"]]


def test_time_is_in_the_branch_zone(catalogs: Catalogs, zone: ZoneInfo) -> None:
    # 01:30 UTC is 09:30 in Hong Kong
    texts = block_texts(build_layout(make_ticket(), catalogs.localizer("en"), zone))
    assert any("09:30" in t for t in texts)
    texts_zh = block_texts(
        build_layout(make_ticket("zh_Hans"), catalogs.localizer("zh_Hans"), zone)
    )
    assert any("2025年3月1日" in t for t in texts_zh)


def test_people_ahead_wording(catalogs: Catalogs, zone: ZoneInfo) -> None:
    loc = catalogs.localizer("en")
    none = block_texts(
        build_layout(make_ticket(people_ahead=0, estimated_wait_minutes=0), loc, zone)
    )
    one = block_texts(build_layout(make_ticket(people_ahead=1), loc, zone))
    assert "No one is ahead of you." in none
    assert "You will be called shortly." in none
    assert "1 person ahead of you" in one


def test_sections_can_be_turned_off(catalogs: Catalogs, zone: ZoneInfo) -> None:
    ticket = make_ticket()
    off = TicketSections(
        branch_name=False,
        service_name=False,
        issued_at=False,
        queue=False,
        materials=False,
        follow_up=False,
        qr=False,
        footer=False,
    )
    blocks = build_layout(ticket, catalogs.localizer("en"), zone, off)
    assert block_texts(blocks) == ["Your number", "A023"]
    assert not any(isinstance(b, QrBlock | RuleBlock) for b in blocks)


def test_empty_optional_parts_are_left_out(catalogs: Catalogs, zone: ZoneInfo) -> None:
    ticket = make_ticket(materials_to_prepare=(), follow_up_hint=None)
    texts = block_texts(build_layout(ticket, catalogs.localizer("en"), zone))
    assert "Please have these ready:" not in texts
    assert HINT["en"] not in texts
