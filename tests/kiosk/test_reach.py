"""Where the screen's rows are above the floor, and the settings that say so."""

from __future__ import annotations

import pytest

from kiosk.reach import DEFAULT_REACH, HIGH_REACH_MM, ScreenReach
from kiosk.settings import SettingsError, settings_from_mapping


def test_the_default_mounting_puts_the_reach_line_a_fifth_down() -> None:
    reach = DEFAULT_REACH
    assert reach.high_reach_mm == HIGH_REACH_MM == 1220
    line = reach.reach_line_px(1920)
    assert reach.height_at(line, 1920) <= 1220 < reach.height_at(line - 1, 1920)
    assert reach.reach_line_px(1080) == 224
    assert reach.reach_line_px(768) == 159
    assert round(reach.tilt_degrees) == 14


def test_a_screen_mounted_low_is_within_reach_everywhere() -> None:
    low = ScreenReach(bottom_mm=700, top_mm=1150, height_mm=500)
    assert low.reach_line_px(1080) == 0
    assert low.within_reach(0, 1080) and low.within_reach(1080, 1080)


def test_rows_below_the_low_reach_are_out_of_reach() -> None:
    floor_level = ScreenReach(bottom_mm=200, top_mm=900, height_mm=700)
    assert not floor_level.within_reach(1080, 1080)  # 200 mm: under 380 mm
    assert floor_level.within_reach(0, 1080)


def test_the_settings_carry_the_mounting() -> None:
    settings = settings_from_mapping(
        {"reach": {"screen_bottom_mm": 800, "screen_top_mm": 1500, "screen_height_mm": 700}}
    )
    reach = settings.reach.geometry()
    assert (reach.bottom_mm, reach.top_mm, reach.height_mm) == (800, 1500, 700)
    assert settings_from_mapping({}).reach.geometry() == DEFAULT_REACH


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"screen_top_mm": 700}, "screen_top_mm higher than screen_bottom_mm"),
        ({"screen_height_mm": 300}, "no more than screen_height_mm"),
        ({"high_reach_mm": 2000}, "reach.high_reach_mm must be at most 1400"),
        ({"screen_bottom_mm": "low"}, "reach.screen_bottom_mm must be a whole number"),
    ],
)
def test_a_mounting_that_cannot_be_is_refused_with_the_reason(
    values: dict[str, object], says: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        settings_from_mapping({"reach": values})
    assert says in str(refused.value)
