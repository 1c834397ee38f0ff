"""Each backup notes the audit trail's head beside it and on its machine, so a tail cut
after it is reported whoever wrote it; a restore starts the heads again from the
backup, so the restored, shorter trail is not reported as cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from cli.main import main
from kiosk.access import SYSTEM
from kiosk.audit import AuditLog
from kiosk.backup import rotate
from kiosk.backup_heads import note_path, read_note, trail_head
from kiosk.bootstrap import open_database
from kiosk.db.database import Database
from kiosk.settings import Settings, load_settings, settings_from_mapping

from ..postgres import postgres_url

__all__ = ["postgres_url"]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return path


def _open(config: Path) -> tuple[Settings, Database]:
    settings = load_settings(config)
    return settings, open_database(settings)


def _backup(config: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["db", "backup", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    return Path(out.split("Backup written to ")[1].splitlines()[0].rstrip("."))


def _newest(db: Database) -> tuple[int, str]:
    with db.session() as session:
        row = session.execute(
            text("SELECT id, chain FROM audit_event ORDER BY id DESC LIMIT 1")
        ).one()
    return int(row[0]), str(row[1])


def test_a_tail_written_by_other_machines_and_cut_after_the_backup_is_reported(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, db = _open(config)
    audit = AuditLog(db, "kiosk-2")
    for n in range(5):
        audit.record(SYSTEM, "test.entry", f"n:{n}")
    settings.kiosk.audit_key_path.with_name("audit.head").unlink()  # written elsewhere
    backup = _backup(config, capsys)
    assert read_note(backup) == _newest(db)
    with db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_delete"))
        session.execute(text("DELETE FROM audit_event WHERE id > 2"))
    check = audit.check()
    assert not check.intact and check.lost_after == 2
    db.dispose()


def test_rotation_takes_the_note_with_its_backup(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, db = _open(config)
    AuditLog(db, "kiosk-1").record(SYSTEM, "test.entry")
    backup = _backup(config, capsys)
    old = backup.with_name("kiosk-20200101-000000.sqlite3")
    old.write_bytes(backup.read_bytes())
    note_path(old).write_bytes(note_path(backup).read_bytes())
    assert rotate(backup.parent, 1, 1) == [old]
    assert not note_path(old).exists() and note_path(backup).exists()
    db.dispose()


def test_a_restored_trail_is_intact_and_the_old_heads_are_kept_aside(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, db = _open(config)
    audit = AuditLog(db, "kiosk-1")
    audit.record(SYSTEM, "test.entry", "before")
    backup = _backup(config, capsys)
    for n in range(3):
        audit.record(SYSTEM, "test.entry", f"after:{n}")
    db.dispose()
    assert main(["db", "restore", "--config", str(config), str(backup)]) == 0
    out = capsys.readouterr().out
    assert "this machine's record of its heads was set aside as" in out
    aside = next(settings.kiosk.audit_key_path.parent.glob("audit.head.before-restore-*"))
    assert len(aside.read_text().splitlines()) >= 4  # every head noted before, kept
    settings, db = _open(config)
    check = AuditLog(db, "kiosk-1").check()
    assert check.intact, check
    assert [e.target for e in AuditLog(db, "kiosk-1").entries()] == ["before"]
    db.dispose()


@pytest.mark.postgres
def test_the_head_of_a_postgresql_trail_is_read_before_its_dump(
    postgres_url: str, tmp_path: Path
) -> None:
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": postgres_url}}
    )
    from kiosk.db.migrate import upgrade

    fresh = Database(postgres_url)
    upgrade(fresh)
    fresh.dispose()
    db = open_database(settings)
    assert trail_head(postgres_url) is None  # a new trail: nothing to note
    AuditLog(db, "kiosk-1").record(SYSTEM, "test.entry")
    assert trail_head(postgres_url) == _newest(db)
    db.dispose()
