"""Queue figures of the hand-made Monday (see scenario.py for the day and the sums)."""

from __future__ import annotations

import pytest

from kiosk.reports.queue_figures import (
    QueueFigures,
    arrivals_by_weekday_hour,
    queue_figures,
    with_empty_keys,
)
from kiosk.reports.window import Slice, Window
from tests.kiosk.reports.scenario import MONDAY, TUESDAY, Branch


def figures(branch: Branch, slice_: Slice, first=MONDAY, last=TUESDAY):  # type: ignore[no-untyped-def]
    window = Window.of(branch.settings, first, last)
    today = branch.reception.today()
    with branch.db.session() as session:
        return queue_figures(session, window, slice_, today)


def test_the_whole_range(branch: Branch) -> None:
    total = figures(branch, Slice.TOTAL)[None]
    # T1…T6 arrived; T4's two transfers make no new arrival
    assert total.arrivals == 6
    assert total.called == 5  # all but T3
    assert total.served == 3  # T1, T4, T5
    assert total.no_shows == 1 and total.no_show_percent == pytest.approx(20.0)  # T2 of 5 called
    assert total.walk_aways == 1  # T3: waiting when Monday closed
    assert total.transfers == 2  # T4, twice
    assert total.unfinished == 1  # T6: its counter closed mid-ticket
    # served within target: T1 12 ≤ 30 min, T5 5 ≤ 15; T4 waited 20 min to its *first*
    # call against general_enquiry's 15
    assert total.within_sla == 2
    assert total.service_level_percent == pytest.approx(200 / 3)
    # waits 300 (T5), 300 (T6), 720 (T1), 1200 (T4), 1500 (T2) s: nearest-rank quantiles
    assert total.wait.count == 5
    assert total.wait.median == 720 and total.wait.p90 == 1500
    # service times: T4 5 min (its last part), T1 12 min, T5 22 min over midnight
    assert total.service_time.count == 3
    assert total.service_time.median == 720 and total.service_time.p90 == 1320


def test_by_day_keeps_a_day_with_no_traffic(branch: Branch) -> None:
    window = Window.of(branch.settings, MONDAY, TUESDAY)
    days = with_empty_keys(figures(branch, Slice.DAY), window.days())
    assert list(days) == [MONDAY, TUESDAY]
    assert days[MONDAY].arrivals == 6  # T5 (over midnight) and T6 (02:00) count on Monday
    assert days[TUESDAY] == QueueFigures()
    assert days[TUESDAY].wait.median is None and days[TUESDAY].service_level_percent is None


def test_an_empty_range(branch: Branch) -> None:
    assert figures(branch, Slice.TOTAL, TUESDAY, TUESDAY) == {}


def test_by_hour_of_arrival_in_local_time(branch: Branch) -> None:
    hours = figures(branch, Slice.HOUR)
    assert {h: f.arrivals for h, f in hours.items()} == {10: 4, 23: 1, 2: 1}
    assert hours[23].service_time.median == 1320  # finished after midnight, counted at 23


def test_by_weekday_of_the_business_day(branch: Branch) -> None:
    weekdays = figures(branch, Slice.WEEKDAY)
    assert list(weekdays) == [0]  # T6 arrived on Tuesday's clock but in Monday's day
    assert weekdays[0].arrivals == 6


def test_by_service_the_ticket_ended_in(branch: Branch) -> None:
    services = figures(branch, Slice.SERVICE)
    assert {s: f.arrivals for s, f in services.items()} == {
        "open_account": 1,
        "lost_card": 3,
        "general_enquiry": 2,  # T4 after its transfers, T5
    }
    assert services["general_enquiry"].transfers == 2
    assert services["general_enquiry"].within_sla == 1  # T5; T4 over target
    assert services["lost_card"].walk_aways == 1
    assert services["lost_card"].no_shows == 1


def test_by_counter_and_staff_of_the_last_call(branch: Branch) -> None:
    counters = figures(branch, Slice.COUNTER)
    assert {c: f.arrivals for c, f in counters.items()} == {"1": 3, "2": 1, "3": 1, None: 1}
    assert counters["1"].served == 2 and counters["1"].no_shows == 1
    assert counters["3"].unfinished == 1 and counters["3"].served == 0
    staff = figures(branch, Slice.STAFF)
    assert {s: f.served for s, f in staff.items()} == {11: 2, 12: 1, 13: 0, None: 0}


def test_arrivals_by_weekday_and_hour(branch: Branch) -> None:
    window = Window.of(branch.settings, MONDAY, TUESDAY)
    with branch.db.session() as session:
        heat = arrivals_by_weekday_hour(session, window)
    assert heat == {(0, 10): 4, (0, 23): 1, (0, 2): 1}
