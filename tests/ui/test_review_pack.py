"""The review pack: ``kiosk report`` writes a PDF whose text holds the figures, in the
manager's language, with CSV and XLSX beside it; the export is audited."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from cli.main import main
from cli.report import previous_month
from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.catalogue.loader import parse_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.settings import load_settings
from tests.kiosk.reports.conftest import catalogue
from tests.kiosk.reports.scenario import build_monday


def pdf_text(path: Path) -> str:
    """The PDF's text; NFKC, as a CJK font maps some characters to their Kangxi radical
    look-alikes (⽔ for 水) in the text it embeds."""
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A kiosk whose database holds the hand-made Monday of the report tests."""
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path}"\nbranch_name = "Harbour Road"\n', encoding="utf-8"
    )
    settings = load_settings(path)
    db = open_database(settings)
    with db.session() as session:
        save_catalogue(session, parse_catalogue(catalogue()))
    build_monday(db, settings)
    db.dispose()
    return path


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", ["Harbour Road", "Arrivals 6", "service level 66.7%", "Proof of address",
                "Accounts › Not sure", "Service level"]),
        ("zh_Hant", ["到達 6", "服務水平 66.7%", "繁Proof of address", "未達標"]),
    ],
)  # fmt: skip
def test_the_command_writes_the_pack(
    qtbot: QtBot, config: Path, tmp_path: Path, locale: str, expected: list[str]
) -> None:
    out = tmp_path / "review.pdf"
    args = ["report", "--from", "2026-11-30", "--to", "2026-12-01", "--out", str(out),
            "--locale", locale, "--config", str(config), "--csv", str(tmp_path / "csv"),
            "--xlsx", str(tmp_path / "review.xlsx")]  # fmt: skip
    assert main(args) == 0
    text = pdf_text(out)
    for figure in expected:
        assert figure.replace(" ", "") in text.replace(" ", ""), figure
    assert (tmp_path / "csv" / "missing.csv").exists() and (tmp_path / "review.xlsx").exists()
    settings = load_settings(config)
    db = open_database(settings)
    entries = AuditLog(db, settings.kiosk.id).entries(action="report.")
    db.dispose()
    assert [(e.action, e.actor_name, e.detail["via"]) for e in entries] == [
        ("report.export_pdf", "system", "command line")
    ]


def test_bad_dates_are_said_plainly(
    qtbot: QtBot, config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "r.pdf")
    assert main(["report", "--from", "30/11", "--to", "2026-12-01", "--out", out]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    args = ["report", "--from", "2026-12-02", "--to", "2026-12-01", "--out", out,
            "--config", str(config)]  # fmt: skip
    assert main(args) == 2
    assert "before its start" in capsys.readouterr().err
    assert not Path(out).exists()


def test_last_month_for_a_timer() -> None:
    assert previous_month(date(2026, 12, 3)) == (date(2026, 11, 1), date(2026, 11, 30))
    assert previous_month(date(2027, 1, 1)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert previous_month(date(2028, 3, 31)) == (date(2028, 2, 1), date(2028, 2, 29))
