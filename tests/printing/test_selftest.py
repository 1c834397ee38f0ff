"""``kiosk print-test``: one line, exit code 0 or 1, no traceback, a few seconds at most."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.i18n import LOCALES, Catalogs
from kiosk.settings import Settings, settings_from_mapping
from printing.samples import sample_ticket
from printing.selftest import run_print_test
from tests.helpers.printer import FakePrinter
from tests.printing.escpos_bytes import qr_payloads, text_lines


def make_settings(data_dir: Path, url: str = "preview") -> Settings:
    return settings_from_mapping(
        {"kiosk": {"data_dir": str(data_dir)}, "printer": {"url": url, "timeout_seconds": 0.5}}
    )


def test_refused_port_exits_1_with_one_line(
    refused_port: int, tmp_path: Path, catalogs: Catalogs, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    url = f"tcp://127.0.0.1:{refused_port}"
    started = time.monotonic()
    code = run_print_test(url, make_settings(tmp_path), catalogs, out)
    assert time.monotonic() - started < 2
    assert code == 1
    assert out.getvalue() == f"The ticket printer at {url} cannot be reached.\n"
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_printed_on_a_tcp_printer(
    fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer("read")
    out = io.StringIO()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 0
    assert out.getvalue() == f"Test page printed on {server.url}.\n"
    assert len(server.wait_for_jobs()[0]) > 10_000


def test_silent_printer_exits_1(
    fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer("no_accept")
    server.fill_backlog()
    out = io.StringIO()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 1
    assert out.getvalue() == f"The ticket printer at {server.url} is not answering.\n"


def test_configured_preview_printer(tmp_path: Path, catalogs: Catalogs) -> None:
    out = io.StringIO()
    assert run_print_test(None, make_settings(tmp_path), catalogs, out) == 0
    png = tmp_path / "printer-preview" / "TEST.png"
    assert png.exists()
    assert out.getvalue().splitlines() == [f"Test page saved as {png} (preview printer)."]


def test_malformed_url_exits_1(tmp_path: Path, catalogs: Catalogs) -> None:
    out = io.StringIO()
    assert run_print_test("tcp://:x", make_settings(tmp_path), catalogs, out) == 1
    [line] = out.getvalue().splitlines()
    assert line.startswith("The test page was not printed on tcp://:x:")


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("paper_out", "The ticket printer is out of paper."),
        ("cover_open", "The ticket printer's cover is open."),
        ("offline", "The ticket printer is offline."),
    ],
)
def test_printer_that_cannot_print_exits_1_and_prints_nothing(
    state: str,
    message: str,
    fake_printer: Callable[..., FakePrinter],
    tmp_path: Path,
    catalogs: Catalogs,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = fake_printer(state=state)
    out = io.StringIO()
    started = time.monotonic()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 1
    assert time.monotonic() - started < 3
    assert out.getvalue() == f"The test page was not printed on {server.url}: {message}\n"
    assert server.jobs == []
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_paper_near_end_prints_and_warns(
    fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer(state="near_end")
    out = io.StringIO()
    settings = make_settings(tmp_path)
    assert run_print_test(server.url, settings, catalogs, out) == 0
    assert out.getvalue() == (
        f"Test page printed on {server.url}. The ticket printer is running out of paper.\n"
    )
    [page] = server.wait_for_jobs()
    lines = text_lines(page)
    assert f"Printer: {server.url}" in lines
    assert f"Profile: {settings.printer.profile}" in lines
    assert "Status: The ticket printer is running out of paper." in " ".join(lines)  # wrapped
    payloads = qr_payloads(page)
    assert payloads == [sample_ticket(code).reference.encode() for code in LOCALES]


@pytest.mark.parametrize("state", ["silent", "garbage"])
def test_printer_without_status_prints_and_says_so(
    state: str, fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer(state=state)
    out = io.StringIO()
    started = time.monotonic()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 0
    assert time.monotonic() - started < 3
    assert out.getvalue() == (
        f"Test page printed on {server.url}. The ticket printer does not report its status.\n"
    )
    assert len(server.wait_for_jobs()) == 1


def test_printer_that_takes_nothing_exits_1(
    fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer("never_read", rcvbuf=1024)
    out = io.StringIO()
    started = time.monotonic()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 1
    assert time.monotonic() - started < 3
    assert out.getvalue() == f"The ticket printer at {server.url} is not answering.\n"


def test_paper_out_right_after_the_page_exits_1(
    fake_printer: Callable[..., FakePrinter], tmp_path: Path, catalogs: Catalogs
) -> None:
    server = fake_printer(then="paper_out", read_limit=100)
    out = io.StringIO()
    assert run_print_test(server.url, make_settings(tmp_path), catalogs, out) == 1
    assert out.getvalue() == (
        f"Test page printed on {server.url}. The ticket printer is out of paper.\n"
    )
