from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import Settings, SettingsError, load_settings


def test_defaults_are_usable(tmp_path: Path) -> None:
    settings = Settings()
    assert settings.printer.url == "preview"
    assert settings.display.idle_countdown_seconds >= 20
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("kiosk.sqlite3")


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[kiosk]\nbranch_name = "Harbour Branch"\n[printer]\nurl = "tcp://10.0.0.5:9100"\n'
        "[business]\nday_reset_hour = 2\n",
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.kiosk.branch_name == "Harbour Branch"
    assert settings.printer.url == "tcp://10.0.0.5:9100"
    assert settings.business.day_reset_hour == 2


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[display]\nidle_seconds = 'soon'\n", "display.idle_seconds must be a whole number"),
        ("[display]\nidle_countdown_seconds = 5\n", "idle_countdown_seconds must be at least 20"),
        ("[printer]\nurl = 'lpt1'\n", "printer.url: expected preview, tcp://"),
        (
            "[business]\ntimezone = 'Mars/Olympus'\n",
            "business.timezone: expected an IANA time zone",
        ),
        ("[kiosk]\ncolour = 'red'\n", "kiosk.colour: unknown setting"),
        ("[display]\nlanguages = ['fr']\n", "display.languages.0 must be one of 'en', 'zh_Hans'"),
    ],
)
def test_wrong_value_names_file_key_and_expectation(
    tmp_path: Path, toml: str, expected: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)


def test_a_wrong_type_says_what_is_expected_with_the_line_in_every_language(
    tmp_path: Path,
) -> None:
    from kiosk.i18n import Catalogs

    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "k1"\n\n[display]\nidle_seconds = "soon"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == (
        f"{path}: display.idle_seconds must be a whole number, got 'soon' (line 5)"
    )
    assert "Input should be" not in str(caught.value)
    hans = caught.value.lines(Catalogs().localizer("zh_Hans").tr)
    assert hans == [f"{path}：display.idle_seconds 必须是整数，而不是 'soon'（第 5 行）"]
    hant = caught.value.lines(Catalogs().localizer("zh_Hant").tr)
    assert hant == [f"{path}：display.idle_seconds 必須是整數，而不是 'soon'（第 5 行）"]


def test_broken_toml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(path)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings(tmp_path / "nope.toml")


def test_the_readme_example_is_a_valid_settings_file(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[kiosk]" in b]
    path = tmp_path / "kiosk.toml"
    path.write_text(example, encoding="utf-8")
    settings = load_settings(path)
    assert settings.printer.footer["zh_Hant"].startswith("營業時間")
