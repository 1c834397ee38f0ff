"""Per-staff figures of the hand-made Monday, the branch medians, rights and notes."""

from __future__ import annotations

import pytest

from kiosk.access import PermissionDenied
from kiosk.audit import AuditLog
from kiosk.reports.service import Reports
from kiosk.reports.window import ReportError, Slice
from tests.kiosk.reports.scenario import ANN, MANAGER, MONDAY, TUESDAY, Branch


def reports(branch: Branch) -> Reports:
    return Reports(branch.db, branch.settings, branch.clock)


def test_each_staff_member_with_the_counts_behind_the_figures(branch: Branch) -> None:
    figures, medians = reports(branch).staff_overview(MANAGER, MONDAY, TUESDAY)
    assert sorted(figures) == [11, 12, 13]
    ann, bo, cy = figures[11], figures[12], figures[13]
    # Ann (counter 1, 10:00 to 00:20): T4 (after its transfers) and T5 served, T2 a no-show
    assert (ann.name, ann.served, ann.called, ann.no_shows, ann.recalls) == ("Ann Lee", 2, 3, 1, 2)
    assert ann.service_median_seconds == 300 and ann.service_base == 2  # T4 5 min, T5 22
    assert ann.signed_in_seconds == 14 * 3600 + 20 * 60
    # busy: T2 10:30–10:33, T4 11:00–11:06, T5 23:55–00:20 (34 min)
    assert ann.idle_seconds == ann.signed_in_seconds - 34 * 60
    # Bo (counter 2, 10:00–12:00): T1 12 min of service, busy 10:12–10:25
    assert (bo.served, bo.service_median_seconds, bo.signed_in_seconds) == (1, 720, 7200)
    assert bo.idle_seconds == 7200 - 13 * 60
    # Cy (counter 3, 01:50–02:10): closed mid-ticket, nothing finished, no busy time counted
    assert (cy.served, cy.called, cy.service_base, cy.idle_seconds) == (0, 1, 0, 1200)
    assert medians.staff_count == 3
    assert medians.served == 1 and medians.service_median_seconds == 510
    assert medians.no_shows == 0 and medians.recalls == 0
    assert medians.idle_seconds == 7200 - 13 * 60


def test_a_staff_member_sees_only_their_own_page(branch: Branch) -> None:
    own = reports(branch).staff_report(ANN, 11, MONDAY, TUESDAY)
    assert own.figures is not None and own.figures.served == 2
    with pytest.raises(PermissionDenied):
        reports(branch).staff_report(ANN, 12, MONDAY, TUESDAY)
    with pytest.raises(PermissionDenied):
        reports(branch).staff_overview(ANN, MONDAY, TUESDAY)
    with pytest.raises(PermissionDenied):
        reports(branch).dashboard(ANN, MONDAY, TUESDAY)
    other = reports(branch).staff_report(MANAGER, 12, MONDAY, TUESDAY)
    assert other.figures is not None and other.figures.served == 1


def test_assessment_notes_are_kept_and_audited(branch: Branch) -> None:
    service = reports(branch)
    with pytest.raises(ReportError):
        service.write_note(MANAGER, 12, MONDAY, TUESDAY, strengths="  ")
    with pytest.raises(PermissionDenied):
        service.write_note(ANN, 12, MONDAY, TUESDAY, strengths="Kind")
    note = service.write_note(
        MANAGER, 12, MONDAY, TUESDAY, strengths="Calm with a queue", advice="Explain fees"
    )
    assert note.author_name == "Mei Chan" and note.recognition == ""
    page = service.staff_report(MANAGER, 12, MONDAY, TUESDAY)
    assert [n.strengths for n in page.notes] == ["Calm with a queue"]
    entries = AuditLog(branch.db, "kiosk-1").entries(action="assessment.")
    assert [(e.action, e.target) for e in entries][:1] == [("assessment.note", "staff:12")]
    assert reports(branch).staff_report(ANN, 11, MONDAY, TUESDAY).notes == []


def test_a_range_must_make_sense(branch: Branch) -> None:
    with pytest.raises(ReportError):
        reports(branch).dashboard(MANAGER, TUESDAY, MONDAY)


def test_any_slice_for_managers_only(branch: Branch) -> None:
    hours = reports(branch).sliced(MANAGER, MONDAY, TUESDAY, Slice.HOUR)
    assert {h: f.arrivals for h, f in hours.items()} == {10: 4, 23: 1, 2: 1}
    with pytest.raises(PermissionDenied):
        reports(branch).sliced(ANN, MONDAY, TUESDAY, Slice.STAFF)
