"""``kiosk counter …`` through the console script: a manager signs in with number and
PIN (standard input), every change is audited, refusals say why."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from cli.main import main
from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.clock import utc_now
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import load_settings
from kiosk.staff import StaffDirectory

MANAGER_PIN = "409217"


class Kiosk:
    """Runs ``kiosk ARGS --config FILE`` with the given standard input."""

    def __init__(
        self, config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.config, self._monkeypatch, self._capsys = config, monkeypatch, capsys

    def __call__(self, *argv: str, stdin: str = f"{MANAGER_PIN}\n") -> tuple[int, str, str]:
        self._monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main([*argv, "--config", str(self.config)])
        captured = self._capsys.readouterr()
        return code, captured.out, captured.err


@pytest.fixture
def kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Kiosk:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    db = open_database(load_settings(config))  # the demo database: counters 1, 2 and 3
    directory = StaffDirectory(db)
    manager = directory.create_first_manager(MANAGER_PIN, name="Mei Chan")
    directory.add(manager, number="2001", name="Tom Lee", role="staff", pin="582046")
    db.dispose()
    return Kiosk(config, monkeypatch, capsys)


def _audit(kiosk: Kiosk) -> list[tuple[str, str]]:
    db = open_database(load_settings(kiosk.config))
    try:
        entries = AuditLog(db, "kiosk-1").entries(action="counter.")
        return [(e.action, e.target) for e in reversed(entries)]
    finally:
        db.dispose()


def test_a_manager_adds_edits_lists_and_removes_a_counter(kiosk: Kiosk) -> None:
    code, out, err = kiosk("counter", "list", "--as", "1")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("1\tCounter 1\tdeposit_withdrawal,")
    assert len(out.splitlines()) == 3

    code, out, err = kiosk(
        "counter", "add", "--as", "1", "4", "--services", "lost_card,card_services"
    )
    assert (code, err, out) == (0, "", "Added Counter 4.\n")
    code, out, err = kiosk(
        "counter",
        "edit",
        "--as",
        "1",
        "4",
        "--name-zh-hant",
        "快速櫃位",
        "--closed",
    )
    assert (code, err) == (0, "")
    code, out, _ = kiosk("counter", "list", "--as", "1")
    assert "4\tCounter 4\tlost_card,card_services\tclosed" in out.splitlines()

    code, out, err = kiosk("counter", "remove", "--as", "1", "4")
    assert (code, err) == (0, "")
    assert "Counter 4 was removed." in out
    assert _audit(kiosk) == [
        ("counter.add", "counter:4"),
        ("counter.edit", "counter:4"),
        ("counter.remove", "counter:4"),
    ]


def test_messages_follow_the_language(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    code, out, _ = kiosk("counter", "list", "--as", "1")
    assert code == 0 and "1\t1號櫃位\t" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("add", "5", "--services", "lost_card,mortgage"),
            "There is no service called “mortgage”.",
        ),
        (("add", "1", "--services", "lost_card"), "There is already a counter “1”."),
        (("add", "5", "--services", ","), "Choose at least one service for this counter."),
        (("edit", "9", "--closed"), "There is no counter “9”."),
        (("remove", "9"), "There is no counter “9”."),
    ],
)
def test_bad_input_is_refused_with_the_reason(
    kiosk: Kiosk, argv: tuple[str, ...], message: str
) -> None:
    code, _out, err = kiosk("counter", argv[0], "--as", "1", *argv[1:])
    assert (code, err.strip()) == (1, message)
    assert _audit(kiosk) == []


def test_staff_and_wrong_pins_cannot_change_counters(kiosk: Kiosk) -> None:
    code, _out, err = kiosk("counter", "remove", "--as", "2001", "3", stdin="582046\n")
    assert (code, err.strip()) == (1, "Only a manager can do this.")
    code, _out, err = kiosk("counter", "remove", "--as", "1", "3", stdin="000000\n")
    assert (code, err.strip()) == (1, "Wrong staff number or PIN.")
    code, out, _ = kiosk("counter", "list", "--as", "1")
    assert len(out.splitlines()) == 3


def test_a_counter_serving_a_customer_is_not_removed(kiosk: Kiosk) -> None:
    settings = load_settings(kiosk.config)
    db = open_database(settings)
    try:
        reception = Reception(db, settings)
        desk = Desk(db, settings, reception.catalogue())
        desk.open_counter("2", staff_id=None)
        reception.take_ticket(VisitInput("en", utc_now(), (), "lost_card"))
        called = desk.call_next("2")
        assert called is not None
        desk.close_counter("2")
    finally:
        db.dispose()
    code, _out, err = kiosk("counter", "remove", "--as", "1", "2")
    assert code == 1
    assert err.strip() == (
        f"Counter “2” is serving ticket {called.code}: finish or transfer it "
        "before removing the counter."
    )
    assert _audit(kiosk) == []
