"""The operations commands: same rules and audit entries as the screens."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.commands import dispatch, register
from kiosk.settings import load_settings
from kiosk.staff import StaffDirectory

MANAGER_PIN = "409217"


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="kiosk")
    commands = root.add_subparsers(dest="command")
    catalogue = commands.add_parser("catalogue").add_subparsers(dest="catalogue_command")
    register(commands, catalogue)
    return root


class Cli:
    def __init__(self, config: Path) -> None:
        self.config = config

    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        args = parser().parse_args([*argv, "--config", str(self.config)])
        out, err = io.StringIO(), io.StringIO()
        code = dispatch(args, io.StringIO(stdin), out, err)
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    db = open_database(load_settings(config))
    StaffDirectory(db).create_first_manager(MANAGER_PIN, name="Mei Chan")
    db.dispose()
    return Cli(config)


def test_manager_adds_and_lists_staff(cli: Cli) -> None:
    code, out, err = cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom Lee",
        stdin=f"{MANAGER_PIN}\n582046\n582046\n",
    )
    assert (code, err) == (0, "")
    assert "Added Tom Lee (2001)." in out
    code, out, _ = cli("staff", "list", "--as", "1", stdin=f"{MANAGER_PIN}\n")
    assert code == 0
    assert "2001\tTom Lee\tStaff\tactive" in out


def test_staff_cannot_run_manager_commands(cli: Cli) -> None:
    cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom",
        stdin=f"{MANAGER_PIN}\n582046\n582046\n",
    )
    code, _, err = cli("staff", "list", "--as", "2001", stdin="582046\n")
    assert (code, err.strip()) == (1, "Only a manager can do this.")
    code, _, err = cli("catalogue", "export", "--as", "2001", stdin="582046\n")
    assert (code, err.strip()) == (1, "Only a manager can do this.")
    code, _, err = cli("audit", "--as", "2001", stdin="582046\n")
    assert (code, err.strip()) == (1, "Only a manager can do this.")


def test_wrong_pin_and_weak_new_pin(cli: Cli) -> None:
    code, _, err = cli("staff", "list", "--as", "1", stdin="000001\n")
    assert (code, err.strip()) == (1, "Wrong staff number or PIN.")
    code, _, err = cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom",
        stdin=f"{MANAGER_PIN}\n111111\n111111\n",
    )
    assert (code, err.strip()) == (1, "A PIN cannot be one digit repeated.")
    code, _, err = cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom",
        stdin=f"{MANAGER_PIN}\n582046\n582047\n",
    )
    assert (code, err.strip()) == (1, "The two PINs differ.")


def test_reset_pin_and_deactivate(cli: Cli) -> None:
    cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom",
        stdin=f"{MANAGER_PIN}\n582046\n582046\n",
    )
    code, out, _ = cli(
        "staff", "reset-pin", "--as", "1", "2001", stdin=f"{MANAGER_PIN}\n670213\n670213\n"
    )
    assert (code, out.strip()) == (0, "PIN changed for Tom.")
    assert cli("staff", "deactivate", "--as", "1", "2001", stdin=f"{MANAGER_PIN}\n")[0] == 0
    code, _, err = cli("staff", "deactivate", "--as", "1", "1", stdin=f"{MANAGER_PIN}\n")
    assert (code, err.strip()) == (1, "The last manager cannot be deactivated.")
    code, _, err = cli("staff", "deactivate", "--as", "1", "42", stdin=f"{MANAGER_PIN}\n")
    assert (code, err.strip()) == (1, "There is no such staff member.")


def test_catalogue_export_and_import(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "catalogue.yaml"
    code, out, _ = cli(
        "catalogue", "export", "--as", "1", "--out", str(target), stdin=f"{MANAGER_PIN}\n"
    )
    assert code == 0 and target.exists()
    code, out, _ = cli("catalogue", "import", "--as", "1", str(target), stdin=f"{MANAGER_PIN}\n")
    assert (code, out.strip()) == (0, "Catalogue imported (version 1).")
    target.write_text(
        target.read_text(encoding="utf-8").replace("prefix: D", "prefix: A"), encoding="utf-8"
    )
    code, _, err = cli("catalogue", "import", "--as", "1", str(target), stdin=f"{MANAGER_PIN}\n")
    assert code == 1 and "is used by more than one service" in err


def test_audit_lists_what_happened(cli: Cli) -> None:
    cli(
        "staff",
        "add",
        "--as",
        "1",
        "--number",
        "2001",
        "--name",
        "Tom",
        stdin=f"{MANAGER_PIN}\n582046\n582046\n",
    )
    code, out, _ = cli(
        "audit",
        "--as",
        "1",
        "--since",
        "2020-01-01",
        "--action",
        "staff.",
        stdin=f"{MANAGER_PIN}\n",
    )
    assert code == 0
    lines = out.strip().splitlines()
    assert [line.split("\t")[2] for line in lines] == [
        "First manager created (staff.create_first_manager)",
        "Staff member added (staff.add)",
    ]
    assert "Mei Chan" in lines[1]


def test_db_upgrade_and_retention(cli: Cli) -> None:
    code, out, _ = cli("db", "upgrade")
    assert code == 0 and "0001" in out
    code, out, _ = cli("retention", "purge")
    assert (code, out.strip()) == (0, "Deleted 0 visits older than 365 days.")
    db = open_database(load_settings(cli.config))
    assert AuditLog(db, "kiosk-1").entries(action="retention.purge")


def test_bad_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[display]\nidle_seconds = 'soon'\n", encoding="utf-8")
    code, _, err = Cli(config)("db", "upgrade")
    assert code == 2 and "display.idle_seconds must be a whole number, got 'soon' (line 2)" in err
