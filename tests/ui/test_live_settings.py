"""Settings a manager saves in the admin panel reach a running kiosk without a restart."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.branch_settings import BranchSettingsStore
from kiosk.staff import StaffDirectory
from ui.customer.timings import Timings

from .driver import Kiosk

FAST = Timings(catalogue_check_ms=100)


def test_branch_name_printer_and_ticket_sections_apply_at_once(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=FAST)
    backend = kiosk.backend
    assert kiosk.window.settings is not None
    manager = StaffDirectory(backend.db).create_first_manager("409217")
    BranchSettingsStore(backend.db, kiosk.window.settings).update(
        manager, branch_name="Harbour Branch", day_reset_hour=6, hidden_ticket_sections=("qr",)
    )
    welcome = kiosk.window.welcome
    kiosk.qtbot.waitUntil(lambda: welcome.branch.text() == "Harbour Branch", timeout=3000)
    assert kiosk.window.windowTitle() == "Harbour Branch"
    assert backend.printer is not None and backend.printer.sections.qr is False
    assert kiosk.window.settings is not None
    assert kiosk.window.settings.business.day_reset_hour == 6


def test_idle_timings_follow_the_manager(make_kiosk: Callable[..., Kiosk]) -> None:
    from dataclasses import replace

    from kiosk.settings import DisplaySection

    follow = replace(Timings.from_settings(DisplaySection()), catalogue_check_ms=100)
    kiosk = make_kiosk(timings=follow)
    backend = kiosk.backend
    assert kiosk.window.settings is not None and kiosk.window.idle is not None
    assert kiosk.window.idle.idle_timer.interval() == 60_000
    manager = StaffDirectory(backend.db).create_first_manager("409217")
    BranchSettingsStore(backend.db, kiosk.window.settings).update(manager, idle_seconds=120)
    idle = kiosk.window.idle
    kiosk.qtbot.waitUntil(lambda: idle.idle_timer.interval() == 120_000, timeout=3000)


def test_the_languages_offered_follow_the_manager(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=FAST)
    backend = kiosk.backend
    assert kiosk.window.settings is not None
    assert kiosk.has("lang.zh_Hans")
    manager = StaffDirectory(backend.db).create_first_manager("409217")
    BranchSettingsStore(backend.db, kiosk.window.settings).update(
        manager, languages=("zh_Hant", "en"), default_language="zh_Hant"
    )
    kiosk.qtbot.waitUntil(lambda: not kiosk.has("lang.zh_Hans"), timeout=3000)
    assert kiosk.has("lang.zh_Hant") and kiosk.has("lang.en")
    assert kiosk.window.language.default_locale == "zh_Hant"
    kiosk.start("en")  # the questionnaire's language bar follows too
    assert not kiosk.has("lang.zh_Hans") and kiosk.has("lang.zh_Hant")
