"""The daily audit check: a trail edited or cut behind the app's back shows on the staff
home, in the reader's language, found off the UI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from sqlalchemy import text

from kiosk.access import PermissionDenied
from tests.helpers.clock import FakeClock
from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import MANAGER_PIN, Kiosk

ALERT = "staff.audit_alert"
FIRST_AT_ONCE = Timings(audit_first_check_ms=0)


def _signed_in(make_kiosk: Callable[..., Kiosk], timings: Timings = FIRST_AT_ONCE) -> Kiosk:
    kiosk = make_kiosk(timings=timings)
    manager = kiosk.manager()
    kiosk.sign_in(manager.number, MANAGER_PIN)
    return kiosk


def _checked(kiosk: Kiosk) -> None:
    """Ask for the check now and wait for its answer from the worker."""
    state = kiosk.window.state
    before = state.audit_check
    runtime = kiosk.window.runtime
    assert runtime is not None
    runtime.audit.check()
    kiosk.qtbot.waitUntil(lambda: state.audit_check is not before, timeout=5000)


def test_an_intact_trail_shows_nothing(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = _signed_in(make_kiosk)
    state = kiosk.window.state
    kiosk.qtbot.waitUntil(lambda: state.audit_check is not None, timeout=5000)  # the first check
    assert state.audit_check is not None and state.audit_check.intact
    assert not kiosk.has(ALERT)


def test_an_edited_entry_shows_on_the_staff_home_in_every_language(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = _signed_in(make_kiosk, Timings(audit_first_check_ms=3_600_000))
    with kiosk.backend.db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        session.execute(text("UPDATE audit_event SET target = 'staff:9' WHERE id = 1"))
    _checked(kiosk)
    assert kiosk.screen == Screen.STAFF_HOME
    assert kiosk.has(ALERT)
    assert kiosk.text(ALERT).splitlines() == [
        "The audit trail was changed outside the app: 1 entry does not match.",
        "Tell a manager now: “kiosk audit verify” lists what is wrong.",
    ]
    kiosk.language.set_locale("zh_Hant")
    loc = kiosk.language.loc
    assert kiosk.text(ALERT).splitlines()[-1] == loc.tr(
        "Tell a manager now: “kiosk audit verify” lists what is wrong."
    )
    assert kiosk.text(ALERT).splitlines()[-1] != (
        "Tell a manager now: “kiosk audit verify” lists what is wrong."
    )
    assert kiosk.find(ALERT).accessibleName() == kiosk.text(ALERT)


def test_a_deleted_tail_shows_too(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = _signed_in(make_kiosk, Timings(audit_first_check_ms=3_600_000))
    with kiosk.backend.db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_delete"))
        session.execute(
            text("DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
        )
    _checked(kiosk)
    assert kiosk.text(ALERT).splitlines()[0] == (
        "Entries were deleted from the end of the audit trail."
    )


def test_the_daily_check_writes_the_count_of_old_refusal_bursts(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    clock = FakeClock()
    kiosk = make_kiosk(timings=Timings(audit_first_check_ms=3_600_000), clock=clock)
    staff = kiosk.backend.staff
    clerk = staff.add(kiosk.manager(), number="7", name="Clara", role="staff", pin="246810")
    for _ in range(4):  # a clerk tries a manager's page, again and again
        with contextlib.suppress(PermissionDenied):
            staff.members(clerk)
    clock.advance(minutes=61)
    _checked(kiosk)
    entries = kiosk.backend.audit.entries(action="access.refused")
    assert [e.detail.get("count", 1) for e in reversed(entries)] == [1, 3]
