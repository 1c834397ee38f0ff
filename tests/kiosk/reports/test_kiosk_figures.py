"""The kiosk's own figures for the hand-made Monday (see scenario.py)."""

from __future__ import annotations

import pytest

from kiosk.reports.kiosk_figures import (
    FailurePath,
    abandoned_by_screen,
    failure_paths,
    kiosk_figures,
    missing_materials,
)
from kiosk.reports.window import Slice, Window
from tests.kiosk.reports.scenario import MONDAY, TUESDAY, Branch


def window(branch: Branch, first=MONDAY, last=TUESDAY) -> Window:  # type: ignore[no-untyped-def]
    return Window.of(branch.settings, first, last)


def test_visits_questionnaire_and_not_sure(branch: Branch) -> None:
    with branch.db.session() as session:
        total = kiosk_figures(session, window(branch), Slice.TOTAL)[None]
        days = kiosk_figures(session, window(branch), Slice.DAY)
        hours = kiosk_figures(session, window(branch), Slice.HOUR)
        weekdays = kiosk_figures(session, window(branch), Slice.WEEKDAY)
    assert total.visits == 9  # six tickets, the bring-list, two walk-aways
    assert total.questionnaire == 8  # all but T3, who chose from the list
    assert total.not_sure == 1  # T5
    assert total.not_sure_percent == pytest.approx(12.5)
    assert total.abandoned == 2 and total.slips == 1
    assert list(days) == [MONDAY]  # T6 at 02:00 Tuesday's clock is Monday's
    # a visit starts a minute before its ticket: T1 at 09:59, T6 at 01:59
    assert {h: f.visits for h, f in hours.items()} == {9: 1, 10: 3, 11: 3, 23: 1, 1: 1}
    assert list(weekdays) == [0]


def test_missing_materials_per_material(branch: Branch) -> None:
    with branch.db.session() as session:
        misses = missing_materials(session, window(branch))
    by_material = {(m.service, m.material): (m.missing, m.base) for m in misses}
    # open_account's checklist was completed by T1, T4 and V7 (V8 walked away)
    assert by_material == {("open_account", "proof_of_address"): (2, 3),
                           ("open_account", "photo"): (1, 3)}  # fmt: skip
    assert misses[0].material == "proof_of_address"
    assert misses[0].percent == pytest.approx(200 / 3)


def test_answer_paths_that_end_at_the_general_enquiry(branch: Branch) -> None:
    with branch.db.session() as session:
        paths = failure_paths(session, window(branch))
    assert paths == [FailurePath(("accounts", "not_sure_accounts"), 1)]


def test_walk_aways_by_screen(branch: Branch) -> None:
    with branch.db.session() as session:
        screens = abandoned_by_screen(session, window(branch))
    assert screens == {"guidance": 1, "questionnaire": 1}


def test_a_day_with_no_traffic(branch: Branch) -> None:
    quiet = window(branch, TUESDAY, TUESDAY)
    with branch.db.session() as session:
        assert kiosk_figures(session, quiet, Slice.TOTAL) == {}
        assert missing_materials(session, quiet) == []
        assert failure_paths(session, quiet) == []
        assert abandoned_by_screen(session, quiet) == {}


def test_by_service_and_by_counter_of_the_ticket(branch: Branch) -> None:
    with branch.db.session() as session:
        services = kiosk_figures(session, window(branch), Slice.SERVICE)
        counters = kiosk_figures(session, window(branch), Slice.COUNTER)
    assert {s: f.visits for s, f in services.items()} == {
        "open_account": 4,  # T1, T4, the bring-list, the walk-away on its guidance
        "lost_card": 3,
        "general_enquiry": 1,
        None: 1,  # left on the questionnaire before any service
    }
    assert services["open_account"].slips == 1 and services["open_account"].abandoned == 1
    # counter 1 called T2, T4 (last) and T5; no counter: T3 (never called) and the
    # three visits without a ticket
    assert {c: f.visits for c, f in counters.items()} == {"1": 3, "2": 1, "3": 1, None: 4}
