"""A report's range: business days, their UTC bounds and the daylight-saving cuts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.reports.window import ReportError, Segment, Window


def test_a_daylight_saving_change_cuts_the_range() -> None:
    london = Window(date(2026, 10, 24), date(2026, 10, 26), ZoneInfo("Europe/London"), 4)
    assert london.segments() == [
        Segment(date(2026, 10, 24), date(2026, 10, 24), 3600),  # BST
        Segment(date(2026, 10, 25), date(2026, 10, 26), 0),  # GMT from 25 October
    ]
    start, end = london.bounds()
    assert start == datetime(2026, 10, 24, 3, tzinfo=UTC)  # 04:00 BST
    assert end == datetime(2026, 10, 27, 4, tzinfo=UTC)  # 04:00 GMT


def test_hong_kong_has_one_offset() -> None:
    hk = Window(date(2026, 1, 1), date(2026, 12, 31), ZoneInfo("Asia/Hong_Kong"), 4)
    assert hk.segments() == [Segment(date(2026, 1, 1), date(2026, 12, 31), 8 * 3600)]
    assert len(hk.days()) == 365


def test_a_range_that_makes_no_sense() -> None:
    zone = ZoneInfo("Asia/Hong_Kong")
    with pytest.raises(ReportError, match="before its start"):
        Window(date(2026, 12, 2), date(2026, 12, 1), zone, 4)
    with pytest.raises(ReportError, match="three years"):
        Window(date(2020, 1, 1), date(2026, 1, 1), zone, 4)
