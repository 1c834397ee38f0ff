"""``kiosk archive`` and ``kiosk retention purge --without-archive`` from the command line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.archive_guard import ArchiveMissing
from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.reception import Reception, VisitInput
from kiosk.settings import load_settings
from tests.kiosk.cli_driver import Cli, write_config

OCTOBER_DAY = datetime(2025, 10, 15, 2, 0, tzinfo=UTC)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """A branch with two visits in October 2025, long past the retention period."""
    config = write_config(tmp_path)
    settings = load_settings(config)
    db = open_database(settings)
    reception = Reception(db, settings, lambda: OCTOBER_DAY)
    reception.take_ticket(VisitInput("en", OCTOBER_DAY, ("topic_cards", "card_lost"), "lost_card"))
    reception.record_visit(VisitInput("en", OCTOBER_DAY), "abandoned")
    db.dispose()
    return Cli(config)


def test_archive_verify_then_purge(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("retention", "purge")
    assert code == 1
    assert err.strip() == (
        "No verified archive of 2025-10: archive them first (kiosk archive --month "
        "YYYY-MM --out DIR), or purge with --without-archive."
    )
    code, out, err = cli("archive", "--month", "2025-10", "--out", str(tmp_path / "archives"))
    path = tmp_path / "archives" / "kiosk-archive-2025-10.tar.xz"
    assert (code, err) == (0, "")
    assert (
        out.strip()
        == f"Archive written to {path} (visits 2, tickets 1, queue_events 1, kiosk_ratings 0, survey_answers 0, complaint_cases 0)."
    )
    code, out, err = cli("archive", "verify", str(path))
    assert (code, out.strip(), err) == (
        0,
        "Intact: 2025-10 (visits 2, tickets 1, queue_events 1, kiosk_ratings 0, survey_answers 0, complaint_cases 0).",
        "",
    )
    code, out, _ = cli("retention", "purge")
    assert (code, out.strip().splitlines()[0]) == (0, "Deleted 2 visits older than 365 days.")


def test_last_month(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("archive", "--month", "last", "--out", str(tmp_path / "monthly"))
    assert (code, err) == (0, "")
    [written] = (tmp_path / "monthly").iterdir()
    assert written.name.startswith("kiosk-archive-") and str(written) in out


def test_purge_without_archive(cli: Cli) -> None:
    code, out, _ = cli("retention", "purge", "--without-archive")
    assert (code, out.strip().splitlines()[0]) == (0, "Deleted 2 visits older than 365 days.")
    db = open_database(load_settings(cli.config))
    actions = [entry.action for entry in AuditLog(db, "kiosk-1").entries(action="retention.")]
    assert "retention.purge_without_archive" in actions
    db.dispose()


def test_a_damaged_archive_fails_verify(cli: Cli, tmp_path: Path) -> None:
    cli("archive", "--month", "2025-10", "--out", str(tmp_path))
    path = tmp_path / "kiosk-archive-2025-10.tar.xz"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    code, _, err = cli("archive", "verify", str(path))
    assert (code, err.strip()) == (1, f"{path} is not a kiosk archive, or it is damaged.")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("archive", "--month", "2025-13", "--out", "x"),
            "“2025-13” is not a month: give it as YYYY-MM, e.g. 2026-11.",
        ),
        (("archive", "--month", "2025-10"), "Give --month YYYY-MM and --out DIR, or: verify FILE."),
        (("archive", "verify"), "Name the archive file: kiosk archive verify FILE"),
        (
            ("archive", "verify", "/nonexistent/a.tar.xz"),
            "There is no archive file at /nonexistent/a.tar.xz.",
        ),
    ],
)
def test_bad_input(cli: Cli, argv: tuple[str, ...], message: str) -> None:
    code, _, err = cli(*argv)
    assert (code, err.strip()) == (1, message)


def test_messages_follow_the_language(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = cli("archive", "--month", "2025-13", "--out", str(tmp_path))
    assert code == 1 and "2025-13" in err and "is not a month" not in err
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    code, _, err = cli("retention", "purge")
    assert code == 1 and "2025-10" in err and "No verified archive" not in err
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    code, _, err = cli("archive", "--month", "2025-10", "--out", str(blocker / "sub"))
    assert code == 1 and str(blocker / "sub") in err and "Cannot write" not in err


def test_archive_missing_names_the_months() -> None:
    from kiosk.archive_month import Month

    assert str(ArchiveMissing([Month(2025, 9), Month(2025, 10)])) == "2025-09, 2025-10"


def test_demo_data_refuses_real_traffic(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("demo-data", "--days", "2", "--per-day", "10")
    assert (code, err.strip()) == (
        1,
        "This database already has real traffic: demo visits would mix with it. "
        "Add --force to fill it anyway.",
    )
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    code, _, err = cli("demo-data", "--days", "0")
    assert code == 1 and "3650" in err and "Give between" not in err


def test_demo_data_fills_a_new_database(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    cli = Cli(config)
    code, out, err = cli("demo-data", "--days", "3", "--per-day", "20", "--until", "2026-11-28")
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0].startswith("2026-11-28: ") and lines[0].endswith(" visits so far")
    assert lines[-1].startswith("Demo traffic from 2026-11-26 to 2026-11-28: ")
