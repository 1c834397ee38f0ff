"""The operations commands: same rules and audit entries as the screens."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.db.migrate import HEAD
from kiosk.settings import load_settings
from kiosk.staff import StaffDirectory
from tests.kiosk.cli_driver import Cli, write_config

MANAGER_PIN = "409217"


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    config = write_config(tmp_path)
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
    assert code == 0 and HEAD in out
    code, out, _ = cli("retention", "purge")
    assert (code, out.strip().splitlines()) == (
        0,
        [
            "Deleted 0 visits older than 365 days.",
            "Deleted 0 phone numbers and their consent, kept 30 days after the visit.",
        ],
    )
    db = open_database(load_settings(cli.config))
    assert AuditLog(db, "kiosk-1").entries(action="retention.purge")


def test_bad_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[display]\nidle_seconds = 'soon'\n", encoding="utf-8")
    code, _, err = Cli(config)("db", "upgrade")
    assert code == 2 and "display.idle_seconds must be a whole number, got 'soon' (line 2)" in err


@pytest.fixture
def new_branch(tmp_path: Path) -> Cli:
    config = write_config(tmp_path)
    return Cli(config)


def test_the_first_manager_is_set_up_on_the_machine(new_branch: Cli) -> None:
    first = ("staff", "add", "--first-manager", "--name", "Mei Chan", "--number", "1001")
    code, _, err = new_branch(*first, stdin="582046\n582047\n")
    assert (code, err.strip()) == (1, "The two PINs differ.")
    code, _, err = new_branch(*first, stdin="111111\n111111\n")
    assert code == 1 and "A PIN cannot be one digit repeated." in err

    code, out, err = new_branch(*first, stdin="582046\n582046\n")
    assert (code, err) == (0, "")
    assert out.strip() == "Mei Chan is the first manager, with staff number 1001."
    code, out, _ = new_branch("audit", "--as", "1001", stdin="582046\n")
    assert code == 0
    assert "(staff.create_first_manager)\tstaff:1001\tvia=command line" in out

    # once there is a manager, nobody makes another this way
    code, _, err = new_branch(*first[:4], "Someone Else", stdin="193746\n193746\n")
    assert (code, err.strip()) == (1, "A manager already exists.")


def test_adding_staff_needs_a_sign_in_unless_it_is_the_first_manager(cli: Cli) -> None:
    code, _, err = cli("staff", "add", "--name", "Tom Lee", "--number", "2001")
    assert code == 1
    assert "--as" in err


def test_a_second_settings_file_is_not_a_second_pad(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        f'[kiosk]\nid = "another-kiosk"\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8"
    )
    for _ in range(3):
        assert cli("staff", "list", "--as", "1", stdin="000001\n")[0] == 1
    for _ in range(2):  # the guesses add up, whichever --config names which kiosk id
        code, _, err = Cli(other)("staff", "list", "--as", "1", stdin="000001\n")
    assert code == 1 and err.startswith("Locked. Try again after ")
    assert len(err.split("after ")[1].strip(" .\n").split(":")) == 3  # to the second


def test_a_locked_out_manager_is_unlocked_on_the_machine(cli: Cli) -> None:
    for _ in range(5):
        cli("staff", "list", "--as", "1", stdin="000001\n")
    code, _, err = cli("staff", "list", "--as", "1", stdin=f"{MANAGER_PIN}\n")
    assert code == 1 and "Locked" in err

    code, out, err = cli("staff", "unlock", "1")
    assert (code, err) == (0, "")
    assert out.strip() == "Staff number 1 and the PIN pads are unlocked."
    code, out, _ = cli("audit", "--as", "1", "--action", "staff.unlock", stdin=f"{MANAGER_PIN}\n")
    assert code == 0
    assert "(staff.unlock)\tstaff:1\tvia=command line user=" in out
    assert cli("staff", "unlock", "999")[2].strip() == "There is no such staff member."
