"""What managers chose in the admin panel is what a kiosk starts with."""

from __future__ import annotations

from pathlib import Path

from kiosk.branch_settings import BranchSettingsStore
from kiosk.i18n import Catalogs
from kiosk.staff import StaffDirectory
from ui.customer.backend import open_backend

from .conftest import CATALOGUE, make_settings


def test_branch_settings_are_laid_over_the_machine_settings(
    tmp_path: Path, catalogs: Catalogs
) -> None:
    settings = make_settings(tmp_path)
    first = open_backend(settings, catalogs, [CATALOGUE])
    assert first.setup_code is not None  # no manager yet: a one-time code for the screen
    manager = StaffDirectory(first.db).create_first_manager("409217")
    BranchSettingsStore(first.db, settings).update(
        manager,
        branch_name="Harbour Branch",
        idle_seconds=90,
        day_reset_hour=5,
        hidden_ticket_sections=("qr", "footer"),
    )
    first.close()
    backend = open_backend(settings, catalogs, [CATALOGUE])
    try:
        assert backend.setup_code is None  # a manager exists: nothing to set up at the screen
        assert backend.settings is not None
        assert backend.settings.kiosk.branch_name == "Harbour Branch"
        assert backend.settings.display.idle_seconds == 90
        assert backend.settings.business.day_reset_hour == 5
        assert backend.printer is not None
        sections = backend.printer.sections
        assert (sections.qr, sections.footer, sections.code) == (False, False, True)
    finally:
        backend.close()
