"""Start-up: staged loading, and stopping with a clear message on bad settings or catalogue."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n import Catalogs
from ui.customer.app import EXIT_STARTUP_FAILED, KioskApp
from ui.customer.look import Look, peek
from ui.customer.router import Screen

from .conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]


def kiosk_app(qtbot: QtBot, look: Look, exits: list[int], **kwargs: object) -> KioskApp:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = KioskApp(app, look, exit_app=exits.append, **kwargs)  # type: ignore[arg-type]  # keyword options
    qtbot.addWidget(kiosk.window)
    return kiosk


def test_the_welcome_screen_comes_first_then_the_backend(qtbot: QtBot, tmp_path: Path) -> None:
    exits: list[int] = []
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, Look.from_settings(settings), exits, settings=settings)
    assert not kiosk.window.welcome.start_button.isEnabled()
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    assert kiosk.window.welcome.start_button.isEnabled()
    assert kiosk.window.router.has(Screen.TICKET)
    kiosk.shutdown()
    assert exits == []


def test_a_new_branch_prints_its_setup_code_where_the_kiosk_started(
    qtbot: QtBot, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    exits: list[int] = []
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, Look.from_settings(settings), exits, settings=settings)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    backend = kiosk.window.backend
    assert backend is not None and backend.setup_code is not None
    printed = capfd.readouterr().err
    assert f"enter the one-time setup code {backend.setup_code.shown}" in printed
    assert "kiosk staff add --first-manager" in printed
    kiosk.shutdown()


def test_a_malformed_catalogue_stops_start_up(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "services.yaml"
    text = (Path(__file__).with_name("catalogue.yaml")).read_text(encoding="utf-8")
    broken.write_text(text.replace("prefix: L", "prefix: lower"), encoding="utf-8")
    exits: list[int] = []
    settings = make_settings(tmp_path / "data")
    kiosk = kiosk_app(qtbot, Look(), exits, settings=settings, catalogue_files=[broken])
    with qtbot.waitSignal(kiosk.app_did_fail, timeout=10_000) as failure:
        kiosk.start()

    message = failure.args[0]
    assert f"{broken}:" in message and "services[1].prefix" in message
    assert message in capsys.readouterr().err
    assert kiosk.error_dialog is not None and kiosk.error_dialog.isVisible()
    assert "services[1].prefix" in kiosk.error_dialog.text()
    kiosk.error_dialog.accept()
    assert exits == [EXIT_STARTUP_FAILED]
    assert not kiosk.window.welcome.start_button.isEnabled()
    kiosk.shutdown()


def test_a_bad_settings_file_stops_start_up_naming_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path}"\nbranch_name = "Harbour"\n[display]\nidle_seconds = 5\n',
        encoding="utf-8",
    )
    look = peek(config)
    assert look.branch_name == "Harbour"  # the first picture already shows it
    exits: list[int] = []
    kiosk = kiosk_app(qtbot, look, exits, config=config)
    with qtbot.waitSignal(kiosk.app_did_fail, timeout=10_000) as failure:
        kiosk.start()
    assert failure.args[0] == (
        f"{config}: display.idle_seconds must be at least 15, got 5 (line 5)"
    )
    kiosk.error_dialog.accept()  # type: ignore[union-attr]  # shown on failure
    assert exits == [EXIT_STARTUP_FAILED]
    kiosk.shutdown()


def test_a_bad_setting_is_said_in_the_kiosk_language_without_a_half_started_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path}"\n[display]\ndefault_language = "zh_Hant"\n'
        'idle_seconds = "soon"\n',
        encoding="utf-8",
    )
    exits: list[int] = []
    kiosk = kiosk_app(qtbot, peek(config), exits, config=config)
    with qtbot.waitSignal(kiosk.app_did_fail, timeout=10_000):
        kiosk.start()
    dialog = kiosk.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == f"{config}：display.idle_seconds 必須是整數，而不是 'soon'（第 5 行）"
    assert not kiosk.window.isVisible()  # no "Getting ready…" window behind it
    dialog.accept()
    assert exits == [EXIT_STARTUP_FAILED]
    kiosk.shutdown()


PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from ui.customer.app import run_for_benchmark

    HEAVY = ("sqlmodel", "sqlalchemy", "escpos", "pydantic", "babel")
    seen = {}

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                seen["heavy"] = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
                QTimer.singleShot(0, QApplication.quit)
            return False

    probe = Probe()
    status = run_for_benchmark(sys.argv[1], lambda welcome: welcome.installEventFilter(probe))
    print(json.dumps(seen))
    sys.exit(status)
    """
)


def probe_kiosk(probe: str, tmp_path: Path) -> object:
    """Run a kiosk in a fresh process with ``probe`` and return what it printed last
    (JSON): a module loaded by an earlier test cannot hide one the kiosk loads."""
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path: Path) -> None:
    assert probe_kiosk(PROBE, tmp_path) == {"heavy": []}


OPENED_PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import ui.customer.app as app

    LATER = (
        "PIL", "qrcode", "escpos", "cryptography", "phonenumbers",
        "argon2",  # the first PIN
        "yaml",  # catalogue files and the texts' notice: the stored catalogue needs none
        "sqlalchemy.dialects.postgresql",  # on SQLite
    )
    opened = app.KioskApp._opened

    def probe(self, result):
        opened(self, result)
        def look():
            loaded = sorted(name for name in LATER if name in sys.modules)
            print(json.dumps({"loaded": loaded}), flush=True)
            QApplication.quit()
        QTimer.singleShot(500, look)

    app.KioskApp._opened = probe
    sys.exit(app.run_for_benchmark(sys.argv[1], lambda welcome: None))
    """
)


def test_what_only_a_customer_needs_is_not_loaded_when_the_kiosk_opens(tmp_path: Path) -> None:
    """Drawing tickets and QR codes, the printer library, the phone-number rules,
    OpenSSL's ciphers, the PIN hasher and the YAML reader wait for the first customer
    (or number, or PIN), and a kiosk on SQLite
    never loads the PostgreSQL dialect: an idle kiosk does not carry them. (The first
    start, which makes the database with Alembic, is not the one looked at.)"""
    probe_kiosk(OPENED_PROBE, tmp_path)
    assert probe_kiosk(OPENED_PROBE, tmp_path) == {"loaded": []}


def test_catalogs_are_shared_by_screens_and_printer(qtbot: QtBot, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, Look(), [], settings=settings)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    backend = kiosk.window.backend
    assert backend is not None and backend.printer is not None
    assert backend.printer.catalogs is kiosk.catalogs
    assert isinstance(kiosk.catalogs, Catalogs)
    kiosk.shutdown()


def test_kiosk_mode_from_the_start(qtbot: QtBot, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, Look.from_settings(settings), [], settings=settings, lockdown=True)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    window = kiosk.window
    assert window.lockdown.active and window.isFullScreen()
    assert not window.welcome.staff_button.isVisible()  # the long press on the name remains
    assert window.welcome.staff_corner.isVisible()
    assert window.close() is False
    kiosk.shutdown()
    assert not window.lockdown.active


def test_kiosk_mode_from_the_settings_file(qtbot: QtBot, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path}"\n[display]\nkiosk_mode = true\nstaff_button = true\n',
        encoding="utf-8",
    )
    look = peek(config)
    assert (look.kiosk_mode, look.staff_button) == (True, True)
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, look, [], settings=settings)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    window = kiosk.window
    assert window.lockdown.active and window.isFullScreen()
    assert window.welcome.staff_button.isVisible()  # the bank asked for the visible button
    kiosk.shutdown()


def test_the_on_screen_keyboard_is_asked_for_unless_turned_off() -> None:
    from ui.common.input_method import use_on_screen_keyboard

    environ: dict[str, str] = {}
    assert use_on_screen_keyboard(Look().on_screen_keyboard, environ)
    assert environ == {"QT_IM_MODULE": "qtvirtualkeyboard"}
    assert not use_on_screen_keyboard(Look(on_screen_keyboard=False).on_screen_keyboard, {})
    chosen = {"QT_IM_MODULE": "ibus"}
    assert not use_on_screen_keyboard(Look().on_screen_keyboard, chosen)
    assert chosen == {"QT_IM_MODULE": "ibus"}


def test_the_printer_is_readied_when_the_first_customer_arrives(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """python-escpos, the logo and the ticket fonts wait for the first customer."""
    settings = make_settings(tmp_path)
    kiosk = kiosk_app(qtbot, Look(), [], settings=settings)
    with qtbot.waitSignal(kiosk.app_did_start, timeout=10_000):
        kiosk.start()
    kiosk.worker.wait_for_done(5000)
    assert kiosk._warmed == set()
    kiosk.window.welcome.start_button.click()  # the first customer
    qtbot.waitUntil(lambda: kiosk._warmed == {"en"})
    kiosk.shutdown()


CJK_PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from ui.customer.app import run_for_benchmark

    def files():
        with open("/proc/self/maps") as maps:
            return sorted({line.split()[-1].rsplit("/", 1)[-1] for line in maps
                           if ".tt" in line or ".otf" in line})

    def watch(welcome):
        def check():
            if welcome.start_button.isEnabled():  # every screen is built
                print(json.dumps(files()))
                QApplication.quit()
        timer = QTimer(welcome)
        timer.timeout.connect(check)
        timer.start(50)

    sys.exit(run_for_benchmark(sys.argv[1], watch))
    """
)


def test_an_english_kiosk_does_not_load_the_chinese_font_collection(tmp_path: Path) -> None:
    """The language buttons and reserved labels take their few Chinese glyphs from the
    bundled subset; Noto Sans CJK (~5 MiB resident) waits for a Chinese customer."""
    result = subprocess.run(
        [sys.executable, "-c", CJK_PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    fonts = json.loads(result.stdout.strip().splitlines()[-1])
    assert "LobbyEndonyms-Bold.otf" in fonts
    assert not [name for name in fonts if "CJK" in name], fonts
