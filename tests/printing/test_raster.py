"""Fonts by locale, wrapping by measured width, 1-bit drawing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageFont, ImageOps

from printing import raster

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_noto = pytest.mark.skipif(not NOTO.exists(), reason="fonts-noto-cjk not installed")


@pytest.fixture
def fresh_font_caches() -> Iterator[None]:
    raster.load_font.cache_clear()
    yield
    raster.load_font.cache_clear()


@needs_noto
@pytest.mark.parametrize(
    ("locale", "family"),
    [
        ("zh_Hans", "Noto Sans CJK SC"),
        ("zh_Hant", "Noto Sans CJK TC"),
        ("zh-TW", "Noto Sans CJK TC"),
    ],
)
def test_font_face_is_picked_by_locale(locale: str, family: str) -> None:
    font = raster.load_font(locale, 24).font
    assert isinstance(font, ImageFont.FreeTypeFont)
    assert font.getname() == (family, "Regular")


@needs_noto
def test_bold_uses_the_bold_face() -> None:
    loaded = raster.load_font("zh_Hant", 24, bold=True)
    assert isinstance(loaded.font, ImageFont.FreeTypeFont)
    assert loaded.font.getname() == ("Noto Sans CJK TC", "Bold")
    assert loaded.stroke == 0


def test_fonts_are_cached() -> None:
    assert raster.load_font("zh_Hans", 30) is raster.load_font("zh_Hans", 30)


def test_fc_match_is_the_fallback(monkeypatch: pytest.MonkeyPatch, fresh_font_caches: None) -> None:
    monkeypatch.setattr(raster, "_find_named_face", lambda family, style: None)
    source, _ = raster.font_source("zh_Hans")
    assert source is not None and Path(source.path).is_file()


def test_default_font_with_a_warning_when_nothing_is_found(
    monkeypatch: pytest.MonkeyPatch, fresh_font_caches: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(raster, "_find_named_face", lambda family, style: None)
    monkeypatch.setattr(raster, "_fc_match", lambda pattern: None)
    monkeypatch.setattr(raster, "WQY_PATHS", ())
    loaded = raster.load_font("zh_Hans", 24)
    assert "No CJK font" in caplog.text
    image = raster.render_text("Hello 你好", "zh_Hans", 24, 384)
    assert image.width == 384
    assert loaded.font is not None


def test_cjk_wraps_per_character_within_the_width() -> None:
    font = raster.load_font("zh_Hans", 24)
    text = "请携带您的身份证原件以及最近三个月内的住址证明谢谢"
    lines = raster.wrap_pixels(text, font, 200)
    assert len(lines) > 1
    assert "".join(lines) == text
    assert all(font.length(line) <= 200 for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    font = raster.load_font("zh_Hans", 24)
    text = "一二三四五六七八，九十一二三四五六。七八九十一二三四五、六七八"
    for width in range(120, 400, 7):
        for line in raster.wrap_pixels(text, font, width):
            assert line[0] not in "，。、"


def test_latin_wraps_at_spaces_and_breaks_long_words() -> None:
    font = raster.load_font("en", 24)
    lines = raster.wrap_pixels("Bring your passport and proof of address please", font, 180)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    assert " ".join(lines) == "Bring your passport and proof of address please"
    long = raster.wrap_pixels("x" * 80, font, 150)
    assert len(long) > 1 and all(font.length(line) <= 150 for line in long)


@pytest.mark.parametrize("width", [384, 512, 576])
def test_render_text_is_one_bit_and_paper_wide(width: int) -> None:
    image = raster.render_text("帳戶服務 Account", "zh_Hant", 44, width, bold=True)
    assert image.mode == "1"
    assert image.width == width
    assert image.getextrema() == (0, 255)  # black ink on white paper


def _ink_box(image: Image.Image) -> tuple[int, int, int, int]:
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    return box


def test_bullet_item_is_indented() -> None:
    plain = raster.render_text("护照", "zh_Hans", 24, 384, align="left")
    bullet = raster.render_text("护照", "zh_Hans", 24, 384, align="left", bullet=True)
    indent = round(raster.load_font("zh_Hans", 24).length(raster.BULLET))
    assert _ink_box(bullet)[0] < indent  # the bullet itself
    assert _ink_box(bullet)[2] == _ink_box(plain)[2] + indent  # the text, shifted
