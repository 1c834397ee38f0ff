"""One mapping from an exception to what staff read, in their language."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.access import PermissionDenied
from kiosk.db.database import DatabaseUnavailable
from kiosk.desk import DeskError
from kiosk.i18n import Catalogs
from kiosk.staff import PinRejected
from ui.common.errors import DATABASE_UNREACHABLE, SOMETHING_WENT_WRONG, error_lines, problems


@pytest.mark.parametrize("locale", ["en", "zh_Hans", "zh_Hant"])
def test_the_domains_errors_read_as_translated_lines(catalogs: Catalogs, locale: str) -> None:
    loc = catalogs.localizer(locale)
    cases: list[tuple[BaseException, list[str]]] = [
        (PinRejected(["Use at least 6 digits."]), [loc.tr("Use at least 6 digits.")]),
        (PermissionDenied("Only a manager can do this."), [loc.tr("Only a manager can do this.")]),
        (
            DeskError("Nobody is waiting for this counter."),
            [loc.tr("Nobody is waiting for this counter.")],
        ),
        (DatabaseUnavailable("gone"), [loc.tr(DATABASE_UNREACHABLE)]),
    ]
    for error, lines in cases:
        assert error_lines(error, loc, context="test") == lines
    [line] = error_lines(PermissionError(13, "Permission denied"), loc, context="test")
    assert "Permission denied" in line
    if locale != "en":
        assert line != "The file could not be used: Permission denied"  # translated


def test_an_unexpected_error_is_logged_and_said_plainly(
    catalogs: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    loc = catalogs.localizer("zh_Hant")
    assert problems(KeyError("slug")) is None
    with caplog.at_level(logging.ERROR):
        lines = error_lines(KeyError("slug"), loc, context="saving the catalogue")
    assert lines == [loc.tr(SOMETHING_WENT_WRONG)]
    assert "saving the catalogue failed" in caplog.text
    assert caplog.records[-1].exc_info is not None


def test_a_start_up_stop_is_said_in_the_persons_language(
    catalogs: Catalogs, tmp_path: Path
) -> None:
    from kiosk.settings import settings_from_mapping
    from ui.common.branch_database import open_branch_database
    from ui.common.errors import StartupError

    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})
    open_branch_database(settings)[0].dispose()
    settings.kiosk.audit_key_path.write_text("not a key\n", encoding="ascii")
    with pytest.raises(StartupError) as stopped:
        open_branch_database(settings)
    zh = stopped.value.text(catalogs.localizer("zh_Hant")).splitlines()
    assert zh == [
        f"無法使用審計紀錄密鑰（{settings.kiosk.audit_key_path}）：",
        "無法讀取審計密鑰檔案。",
    ]
    assert "The audit key file cannot be read." in str(stopped.value)  # the log's English


def test_a_missing_contacts_key_stops_the_start_with_what_to_do(
    catalogs: Catalogs, tmp_path: Path
) -> None:
    from kiosk.clock import utc_now
    from kiosk.contacts import ContactBook
    from kiosk.reception import Reception, VisitInput
    from kiosk.settings import settings_from_mapping
    from ui.common.branch_database import open_branch_database
    from ui.common.errors import StartupError

    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path / "data")}})
    db = open_branch_database(settings)[0]
    assert db.contact_key is not None
    ticket = Reception(db, settings).take_ticket(VisitInput("en", utc_now(), (), "lost_card"))
    ContactBook(db, settings, db.contact_key).opt_in(
        ticket_id=ticket.ticket_id,
        typed="91234567",
        purposes=["survey"],
        locale="en",
        notice_version="v",
    )
    db.dispose()
    key = settings.sms.key_path(settings.kiosk.data_dir)
    key.unlink()
    with pytest.raises(StartupError) as stopped:
        open_branch_database(settings)
    assert not key.exists()  # never a silent new key
    zh = stopped.value.text(catalogs.localizer("zh_Hans")).splitlines()
    assert zh[0] == f"客户电话号码的密钥无法使用（{key}）："
    assert zh[1].startswith("联系人密钥文件不见了。")
