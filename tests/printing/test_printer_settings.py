"""The printer settings for the logo, the footer text and the Chinese mode."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from kiosk.branch_settings import BranchSettings, TicketSection
from kiosk.settings import PrinterSection, SettingsError, load_settings
from printing.layout import TicketSections


def _load(tmp_path: Path, printer_toml: str) -> PrinterSection:
    path = tmp_path / "kiosk.toml"
    path.write_text("[printer]\n" + printer_toml, encoding="utf-8")
    return load_settings(path).printer


def test_defaults() -> None:
    printer = PrinterSection()
    assert printer.logo is None  # the built-in logo
    assert printer.footer == {}
    assert printer.cjk_mode == "raster"


def test_the_new_fields_are_read_from_toml(tmp_path: Path) -> None:
    printer = _load(
        tmp_path,
        'logo = "/etc/lobby-kiosk/logo.svg"\ncjk_mode = "big5"\n'
        '[printer.footer]\nen = "Open 9:00-17:00"\nzh_Hant = "營業時間 9:00-17:00"\n',
    )
    assert printer.logo == Path("/etc/lobby-kiosk/logo.svg")
    assert printer.cjk_mode == "big5"
    assert printer.footer == {"en": "Open 9:00-17:00", "zh_Hant": "營業時間 9:00-17:00"}


def test_an_empty_logo_means_the_built_in_one(tmp_path: Path) -> None:
    assert _load(tmp_path, 'logo = ""\n').logo is None


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('cjk_mode = "utf-8"\n', "printer.cjk_mode must be one of 'raster', 'gb18030'"),
        ('cjk_mode = "GB18030"\n', "printer.cjk_mode must be one of"),
        ("[printer.footer]\nfr = 'Ouvert'\n", "printer.footer: expected languages en, zh_Hans"),
        ("footer = 'Open 9-5'\n", "printer.footer: expected"),
        ("[printer.footer]\nen = 3\n", "printer.footer.en must be text in quotes, got 3"),
        ("logo = 5\n", "printer.logo: expected"),
    ],
)
def test_bad_values_are_refused_with_the_key_named(
    tmp_path: Path, toml: str, expected: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        _load(tmp_path, toml)
    assert expected in str(caught.value)


def test_a_long_footer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"printer\.footer\.en must be at most 500 characters"):
        _load(tmp_path, f'[printer.footer]\nen = "{"x" * 501}"\n')


def test_managers_can_hide_the_logo() -> None:
    assert "logo" in get_args(TicketSection)
    assert set(get_args(TicketSection)) == set(TicketSections.__dataclass_fields__)
    branch = BranchSettings(
        branch_name="Harbour",
        languages=("en",),
        default_language="en",
        idle_seconds=60,
        idle_countdown_seconds=30,
        ticket_return_seconds=30,
        day_reset_hour=4,
        hidden_ticket_sections=("logo",),
        printer_url="preview",
    )
    sections = TicketSections(**dict.fromkeys(branch.hidden_ticket_sections, False))
    assert not sections.logo and sections.footer
