"""Counter consoles and lobby displays follow a manager's settings like kiosks do.

They used to keep the machine's own file for good: a branch that moved its daily
reset to 06:00 had kiosks numbering one business day and consoles calling another.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.branch_settings import BranchSettingsStore
from ui.common.queue_backend import open_queue_backend
from ui.console.window import ConsoleWindow
from ui.display.window import DisplayWindow

from .conftest import Branch


def save(branch: Branch, **changes: object) -> None:
    BranchSettingsStore(branch.kiosk.db, branch.settings).update(branch.manager, **changes)


def test_a_console_takes_the_branch_settings_at_start_and_while_it_runs(
    qtbot: QtBot, branch: Branch, make_console: Callable[..., ConsoleWindow]
) -> None:
    save(branch, branch_name="Harbour Branch", day_reset_hour=6)
    console = make_console(settings_check_ms=50)
    qtbot.waitUntil(lambda: "Harbour Branch" in console.title.text(), timeout=3000)
    assert console.settings_in_force.current.business.day_reset_hour == 6
    assert console.backend.settings.business.day_reset_hour == 6

    save(branch, branch_name="Quayside Branch", day_reset_hour=3)
    qtbot.waitUntil(lambda: "Quayside Branch" in console.title.text(), timeout=3000)
    backend = console.backend
    assert backend.settings.business.day_reset_hour == 3
    assert backend.reception._settings.business.day_reset_hour == 3
    assert backend.desk()._settings.business.day_reset_hour == 3


def test_a_display_takes_the_branch_settings_at_start_and_while_it_runs(
    qtbot: QtBot, branch: Branch, make_display: Callable[..., DisplayWindow]
) -> None:
    save(branch, branch_name="Harbour Branch", day_reset_hour=6)
    display = make_display()
    display.branch_watch.poller.set_interval(50)
    qtbot.waitUntil(lambda: display.branch.text() == "Harbour Branch", timeout=3000)

    save(branch, branch_name="Quayside Branch", day_reset_hour=3)
    qtbot.waitUntil(lambda: display.branch.text() == "Quayside Branch", timeout=3000)
    assert display.windowTitle() == "Quayside Branch"
    assert display.backend.board._settings.business.day_reset_hour == 3


def test_console_and_display_processes_start_with_the_branch_settings(
    branch: Branch, tmp_path: Path
) -> None:
    """``kiosk console`` and ``kiosk display`` open their backend as kiosks do: the
    machine's file with the branch's choices laid over it."""
    save(branch, branch_name="Harbour Branch", day_reset_hour=6)
    config = tmp_path / "branch.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{branch.settings.kiosk.data_dir}"\n')
    backend = open_queue_backend(config)
    try:
        assert backend.settings.kiosk.branch_name == "Harbour Branch"
        assert backend.settings.business.day_reset_hour == 6
    finally:
        backend.close()
