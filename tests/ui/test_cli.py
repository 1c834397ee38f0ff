"""The ``kiosk`` console script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cli.main import _with_default_command, main
from ui.customer.screenshots import take_screenshots

from .conftest import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]


def test_run_is_the_default_command() -> None:
    assert _with_default_command([]) == ["run"]
    assert _with_default_command(["--fullscreen"]) == ["run", "--fullscreen"]
    assert _with_default_command(["print-test"]) == ["print-test"]


def test_catalogue_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "check", str(CATALOGUE)]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 services, 2 questions")

    broken = tmp_path / "broken.yaml"
    broken.write_text(
        CATALOGUE.read_text(encoding="utf-8").replace(', zh_Hant: "報失銀行卡"}', "}", 1),
        encoding="utf-8",
    )
    assert main(["catalogue", "check", str(broken)]) == 1
    assert "services[1].name.zh_Hant: missing" in capsys.readouterr().err


def run_kiosk(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    probe = (
        "import sys; from cli.main import main; status = main(sys.argv[1:]); "
        "print('qt-widgets-loaded' if 'PySide6.QtWidgets' in sys.modules else 'no-qt-widgets'); "
        "sys.exit(status)"
    )
    return subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
    )


def test_print_test_prints_without_a_window(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path}"\n', encoding="utf-8")
    result = run_kiosk("print-test", "--config", str(config), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Test page saved as" in result.stdout
    assert result.stdout.strip().endswith("no-qt-widgets")


def test_print_test_says_when_the_printer_cannot_be_reached(
    tmp_path: Path, closed_port: int
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path}"\n', encoding="utf-8")
    url = f"tcp://127.0.0.1:{closed_port}"
    result = run_kiosk("print-test", "--printer", url, "--config", str(config), home=tmp_path)
    assert result.returncode == 1
    assert f"The ticket printer at {url} cannot be reached." in result.stdout


def test_a_bad_settings_file_stops_print_test(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[printer]\nurl = "lpt1"\n', encoding="utf-8")
    result = run_kiosk("print-test", "--config", str(config), home=tmp_path)
    assert result.returncode == 2
    assert f"{config}: printer.url: expected" in result.stderr


def test_screenshots_of_every_screen(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.customer.screenshots import SCREENS, SHOTS

    assert take_screenshots(tmp_path, ("zh_Hant",)) == 0
    shots = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.png"))
    assert set(SCREENS) == {"1080x1920", "1920x1080", "1366x768", "1280x1024"}
    assert shots == sorted(
        f"{size}/zh_Hant/{number:02d}-{name}.png"
        for size in SCREENS
        for number, name in enumerate(SHOTS, start=1)
    )
    for size, (width, height) in SCREENS.items():  # nothing makes the window outgrow the screen
        for shot in (tmp_path / size).rglob("*.png"):
            image = QImage(str(shot))
            assert (image.width(), image.height()) == (width, height), shot


def test_operations_commands_are_wired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from kiosk.bootstrap import open_database
    from kiosk.settings import load_settings
    from kiosk.staff import StaffDirectory

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    db = open_database(load_settings(config))
    StaffDirectory(db).create_first_manager("409217", name="Mei Chan")
    db.dispose()
    monkeypatch.setattr(sys, "stdin", io.StringIO("409217\n"))
    assert main(["staff", "list", "--as", "1", "--config", str(config)]) == 0
    assert "1\tMei Chan\tManager\tactive" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("000000\n"))
    assert main(["audit", "--as", "1", "--config", str(config)]) == 1
    assert "Wrong staff number or PIN." in capsys.readouterr().err
