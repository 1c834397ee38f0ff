"""``[feedback] camera``: none by default, ``default`` or part of a camera's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import Settings, SettingsError, load_settings


def test_no_camera_by_default() -> None:
    assert Settings().feedback.camera_device == ""


def test_a_camera_is_read_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[feedback]\ncamera = " USB Camera "\n', encoding="utf-8")
    assert load_settings(path).feedback.camera_device == "USB Camera"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("camera = 1", "feedback.camera must be text in quotes, got 1 (line 2)"),
        ('cameras = "default"', "feedback.cameras: unknown setting (line 2)"),
    ],
)
def test_a_wrong_camera_setting_names_its_line(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[feedback]\n{text}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == f"{path}: {said}"
