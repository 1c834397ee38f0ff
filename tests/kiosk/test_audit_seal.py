"""A tamper-evident audit trail: forged chains, deleted tails, INSERT OR REPLACE and a
missing key are each caught (kiosk.audit_seal)."""

from __future__ import annotations

import hashlib
import io
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from cli.main import main
from kiosk.access import SYSTEM
from kiosk.audit import AuditLog
from kiosk.audit_seal import KEYED, AuditSealError
from kiosk.bootstrap import open_database
from kiosk.db.database import Database
from kiosk.settings import Settings, settings_from_mapping
from kiosk.staff import StaffDirectory

PIN = "409217"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})


@pytest.fixture
def db(settings: Settings) -> Database:
    db = open_database(settings)
    audit = AuditLog(db, "kiosk-1")
    for n in range(6):
        audit.record(SYSTEM, "test.entry", f"n:{n}")
    return db


def _rows(db: Database) -> list[tuple[int, str]]:
    with db.session() as session:
        return [tuple(r) for r in session.execute(text("SELECT id, chain FROM audit_event"))]


def test_a_new_trail_is_sealed_with_a_private_key(settings: Settings, db: Database) -> None:
    key = settings.kiosk.audit_key_path
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert all(chain.startswith(KEYED) for _, chain in _rows(db))
    check = AuditLog(db, "kiosk-1").check()
    assert check.intact and check.sealed and check.unkeyed == 0
    assert len(key.with_name("audit.head").read_text().splitlines()) == 6


def test_an_edit_with_every_later_chain_recomputed_is_caught(db: Database) -> None:
    rows = _rows(db)
    with db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        session.execute(
            text("UPDATE audit_event SET target = 'n:99' WHERE id = :i"), {"i": rows[2][0]}
        )
        # the forger recomputes every chain from the edit on, without the key
        previous = rows[1][1]
        for row in session.execute(
            text(
                "SELECT id, at, kiosk_id, actor_id, actor_name, action, target, detail "
                "FROM audit_event WHERE id >= :i ORDER BY id"
            ),
            {"i": rows[2][0]},
        ).all():
            content = json.dumps(
                [
                    str(row.at).replace(" ", "T"),
                    row.kiosk_id,
                    row.actor_id,
                    row.actor_name,
                    row.action,
                    row.target,
                    json.loads(row.detail),
                ],
                sort_keys=True,
                ensure_ascii=False,
                default=str,
            )
            forged = KEYED + hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()
            session.execute(
                text("UPDATE audit_event SET chain = :c WHERE id = :i"), {"c": forged, "i": row.id}
            )
            previous = forged
    check = AuditLog(db, "kiosk-1").check()
    assert not check.intact
    assert check.broken[0] == rows[2][0]


def test_a_deleted_tail_is_caught(db: Database) -> None:
    with db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_delete"))
        session.execute(text("DELETE FROM audit_event WHERE id > 4"))
    check = AuditLog(db, "kiosk-1").check()
    assert check.broken == [] and check.lost_after == 4 and not check.intact


def test_insert_or_replace_is_refused(db: Database) -> None:
    first_id, _ = _rows(db)[0]
    with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
        session.execute(
            text(
                "INSERT OR REPLACE INTO audit_event (id, at, kiosk_id, actor_id, actor_name, "
                "action, target, detail, chain) VALUES (:i, '2026-01-01', 'x', NULL, 'x', 'x', "
                "'x', '{}', 'x')"
            ),
            {"i": first_id},
        )
    assert AuditLog(db, "kiosk-1").check().intact


def test_a_missing_or_public_key_is_a_clear_error_never_a_new_key(
    settings: Settings, db: Database
) -> None:
    key = settings.kiosk.audit_key_path
    db.dispose()
    key.chmod(0o644)
    with pytest.raises(AuditSealError, match="chmod 600"):
        open_database(settings)
    key.unlink()
    with pytest.raises(AuditSealError, match="audit key file is missing"):
        open_database(settings)
    assert not key.exists()


def test_an_old_unkeyed_trail_is_accepted_as_the_start_only(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    db = Database(settings.database_url)  # as before the seal: no key at hand
    from kiosk.db.migrate import upgrade

    upgrade(db)
    AuditLog(db, "kiosk-1").record(SYSTEM, "test.old")
    db.dispose()
    sealed = open_database(settings)  # upgraded: the key is made, new entries keyed
    AuditLog(sealed, "kiosk-1").record(SYSTEM, "test.new")
    check = AuditLog(sealed, "kiosk-1").check()
    assert check.intact and check.unkeyed == 1


def test_kiosk_audit_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    db = open_database(settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}}))
    StaffDirectory(db).create_first_manager(PIN)
    verify = ["audit", "verify", "--as", "1", "--config", str(config)]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))
    assert main(verify) == 0
    assert "Intact" in capsys.readouterr().out
    with db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        session.execute(text("UPDATE audit_event SET target = 'staff:9'"))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))
    assert main(verify) == 1
    assert "Changed outside the app!" in capsys.readouterr().err


def test_the_command_line_names_a_missing_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})
    db = open_database(settings)
    AuditLog(db, "kiosk-1").record(SYSTEM, "test.entry")
    db.dispose()
    settings.kiosk.audit_key_path.unlink()
    assert main(["audit", "verify", "--as", "1", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{settings.kiosk.audit_key_path}: The audit key file is missing.")
