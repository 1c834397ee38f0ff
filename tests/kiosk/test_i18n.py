from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.i18n import (
    LOCALES,
    SMALL_WHOLE_NUMBERS,
    Catalogs,
    normalize_locale,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en"),
        ("en_US", "en"),
        ("zh-TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh_Hant_HK", "zh_Hant"),
        ("zh_CN", "zh_Hans"),
        ("zh-Hans", "zh_Hans"),
        ("fr_FR", "en"),
    ],
)
def test_locale_codes_map_to_catalog_folders(code: str, expected: str) -> None:
    assert normalize_locale(code) == expected


def test_catalogue_text_picks_the_language() -> None:
    catalogs = Catalogs()
    text = {"en": "Cards", "zh_Hans": "银行卡", "zh_Hant": "銀行卡"}
    assert catalogs.localizer("zh_Hant").text(text) == "銀行卡"
    assert catalogs.localizer("zh_Hans").text(text) == "银行卡"
    assert catalogs.localizer("en").text({"en": "Only English"}) == "Only English"
    assert catalogs.localizer("en").text(None) == ""


def test_dates_and_numbers_follow_the_locale() -> None:
    catalogs = Catalogs()
    day = date(2026, 11, 30)
    assert "2026" in catalogs.localizer("en").date(day)
    assert "年" in catalogs.localizer("zh_Hans").date(day)
    assert "年" in catalogs.localizer("zh_Hant").date(day)
    moment = datetime(2026, 11, 30, 2, 5, tzinfo=UTC)
    assert catalogs.localizer("en").number(12345) == "12,345"
    assert catalogs.localizer("zh_Hant").time(moment).endswith("2:05")


@pytest.mark.parametrize("locale", LOCALES)
def test_small_whole_numbers_are_written_as_babel_writes_them(locale: str) -> None:
    from babel.numbers import format_decimal

    loc = Catalogs().localizer(locale)
    for value in (*range(SMALL_WHOLE_NUMBERS), SMALL_WHOLE_NUMBERS, 12345):
        assert loc.number(value) == format_decimal(value, locale=loc.babel_locale), value
    assert loc.number(2.5) == format_decimal(2.5, locale=loc.babel_locale)


def test_messages_are_translated_in_every_language() -> None:
    catalogs = Catalogs()
    assert catalogs.localizer("zh_Hans").tr("Take a ticket") != "Take a ticket"
    assert catalogs.localizer("zh_Hant").tr("Take a ticket") != catalogs.localizer("zh_Hans").tr(
        "Take a ticket"
    )
    assert catalogs.localizer("en").minutes(1) == "1 minute"
    assert catalogs.localizer("en").minutes(12) == "12 minutes"


def _source_messages() -> set[str]:
    found: set[str] = set()
    keywords = {"tr": None, "N_": None, "ntr": (1, 2)}
    for package in ("kiosk", "ui", "printing"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, keywords=keywords
        ):
            found.update([message] if isinstance(message, str) else [m for m in message if m])
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_in_the_code_is_translated(locale: str) -> None:
    po = translations_dir() / locale / "LC_MESSAGES" / "kiosk.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    translated: set[str] = set()
    for m in catalog:
        text = m.string if isinstance(m.string, str) else (m.string or [""])[0]
        if m.id and text and not m.fuzzy:
            translated.update([m.id] if isinstance(m.id, str) else m.id)
    missing = {m for m in _source_messages() if m not in translated}
    assert not missing, f"{po}: run scripts/i18n.sh update and translate: {sorted(missing)[:10]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_msgfmt_accepts_the_catalog(locale: str) -> None:
    po = translations_dir() / locale / "LC_MESSAGES" / "kiosk.po"
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_times_are_24_hour_in_every_language(locale: str) -> None:
    """One rule for every language: public screens in Hong Kong and the mainland use
    the 24-hour clock (Babel's zh_Hant_HK default is 12-hour with 上午/下午)."""
    loc = Catalogs().localizer(locale)
    afternoon = datetime(2026, 11, 30, 14, 5, 9, tzinfo=UTC)
    assert loc.time(afternoon, UTC).endswith("14:05")
    assert loc.datetime(afternoon, UTC).endswith("14:05:09")
    morning = datetime(2026, 11, 30, 2, 5, tzinfo=UTC)
    assert loc.time(morning, UTC).endswith("02:05")
    for marker in ("上午", "下午", "AM", "PM", "am", "pm"):
        assert marker not in loc.time(afternoon, UTC) + loc.datetime(afternoon, UTC)
