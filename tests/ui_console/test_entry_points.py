"""``run_console`` and ``run_display``: settings → database → window, and clear failures.

A run that reaches ``app.exec()`` runs in a child process: quitting an
application's event loop leaves Qt's "quit now" flag set for the rest of the
process, which would stall every later test's event loop.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui.console.main import run_console
from ui.display.main import run_display

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    name, config = sys.argv[1], Path(sys.argv[2])
    seen = {}

    def look():
        for window in QApplication.topLevelWidgets():
            if window.objectName() == name and window.isVisible():
                seen.update(title=window.windowTitle(), width=window.width())
                seen.update(keyboard=os.environ.get("QT_IM_MODULE"))
                QApplication.quit()
                return
        QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)
    if name == "consoleWindow":
        from ui.console.main import run_console
        status = run_console(config, "3")
    else:
        from ui.display.main import run_display
        status = run_display(config, 0, fullscreen=False)
    print(json.dumps(seen))
    sys.exit(status)
    """
)


def write_config(folder: Path) -> Path:
    config = folder / "kiosk.toml"
    config.write_text(
        f'[kiosk]\ndata_dir = "{folder.as_posix()}"\nbranch_name = "Harbour Branch"\n',
        encoding="utf-8",
    )
    return config


def run_probe(window: str, folder: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, window, str(write_config(folder))],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(folder)},
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_run_console_opens_the_console(tmp_path: Path) -> None:
    seen = run_probe("consoleWindow", tmp_path)
    assert "Harbour Branch" in str(seen["title"])
    assert seen["keyboard"] == "qtvirtualkeyboard"  # its text fields have a keyboard too


def test_run_display_opens_the_board_on_the_chosen_screen(tmp_path: Path) -> None:
    assert run_probe("displayWindow", tmp_path)["title"] == "Harbour Branch"


def test_bad_settings_or_screen_stop_with_status_2(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[queue]\npriority_ratio = 'often'\n", encoding="utf-8")
    assert run_console(config, None) == 2
    assert "queue.priority_ratio" in capsys.readouterr().err
    assert run_display(write_config(tmp_path), 7, fullscreen=True) == 2
    assert "There is no screen 7" in capsys.readouterr().err


def test_the_kiosk_command_opens_console_and_display(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    config = tmp_path / "kiosk.toml"
    config.write_text("[lobby_display]\ncalls_shown = 0\n", encoding="utf-8")
    assert main(["display", "--config", str(config)]) == 2
    assert "lobby_display.calls_shown" in capsys.readouterr().err
    assert main(["console", "--config", str(config), "--counter", "1"]) == 2
    assert "lobby_display.calls_shown" in capsys.readouterr().err
