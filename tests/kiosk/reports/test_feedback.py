"""Satisfaction and complaint figures from plain rows (their tables come later)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.reports.feedback import ComplaintRow, SurveyRow, complaints, csat
from kiosk.reports.stats import Distribution, distribution, percent


def test_csat_mean_top_box_and_answer_rate() -> None:
    rows = [SurveyRow(1, 5), SurveyRow(2, 4), SurveyRow(3, 2), SurveyRow(4, None)]
    figures = csat(rows)
    assert (figures.asked, figures.answered) == (4, 3)
    assert figures.mean == pytest.approx(11 / 3)
    assert figures.top_percent == pytest.approx(200 / 3)
    assert figures.answer_percent == pytest.approx(75.0)
    empty = csat([])
    assert empty.mean is None and empty.top_percent is None and empty.answer_percent is None


def test_complaints_opened_resolved_overdue_and_time_to_resolve() -> None:
    t0 = datetime(2026, 11, 30, 2, tzinfo=UTC)
    hours = timedelta(hours=1)
    rows = [
        ComplaintRow(t0, t0 + 48 * hours, t0 + 2 * hours),  # resolved in 2 h
        ComplaintRow(t0, t0 + 24 * hours, t0 + 30 * hours),  # resolved late: overdue
        ComplaintRow(t0, t0 + 24 * hours),  # open, past due at now
        ComplaintRow(t0, t0 + 96 * hours),  # open, not yet due
    ]
    figures = complaints(rows, now=t0 + 72 * hours)
    assert (figures.opened, figures.resolved, figures.overdue) == (4, 2, 2)
    assert figures.median_hours_to_resolve == pytest.approx(16.0)
    assert complaints([], t0).median_hours_to_resolve is None


def test_nearest_rank_quantiles() -> None:
    d = distribution([60, 120, 180, 240])
    assert d.median == 120 and d.p90 == 240 and d.count == 4
    assert Distribution().median is None
    assert distribution([10], 10).merged(distribution([30], 10)).median == 10
    assert percent(1, 0) is None and percent(1, 4) == 25.0
