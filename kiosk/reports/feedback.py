"""Satisfaction and complaint figures, computed from plain rows so that they join the
reports as soon as the feedback and complaint tables exist: the caller reads its rows
and passes them in (:class:`SurveyRow`, :class:`ComplaintRow`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kiosk.reports.stats import percent


@dataclass(frozen=True)
class SurveyRow:
    visit_id: int
    score: int | None
    """1–5; None: asked, not answered."""
    staff_id: int | None = None
    service: str | None = None


@dataclass(frozen=True)
class CsatFigures:
    asked: int
    answered: int
    mean: float | None
    top_percent: float | None
    """Scores 4–5 as a share of scores given."""

    @property
    def answer_percent(self) -> float | None:
        return percent(self.answered, self.asked)


def csat(rows: Iterable[SurveyRow]) -> CsatFigures:
    rows = list(rows)
    scores = [r.score for r in rows if r.score is not None]
    return csat_of(len(rows), len(scores), sum(scores), sum(1 for s in scores if s >= 4))


def csat_of(asked: int, answered: int, score_sum: int, top: int) -> CsatFigures:
    """The figures from their counts (as the database sums them): visits asked, scores
    given, the scores' sum and how many were 4–5."""
    return CsatFigures(
        asked=asked,
        answered=answered,
        mean=score_sum / answered if answered else None,
        top_percent=percent(top, answered),
    )


@dataclass(frozen=True)
class ComplaintRow:
    opened_at: datetime
    due_at: datetime | None
    resolved_at: datetime | None = None
    staff_id: int | None = None


@dataclass(frozen=True)
class ComplaintFigures:
    opened: int
    resolved: int
    overdue: int
    """Unresolved past their due time, or resolved after it."""
    median_hours_to_resolve: float | None


def complaints(rows: Iterable[ComplaintRow], now: datetime) -> ComplaintFigures:
    rows = list(rows)
    hours = sorted(
        (r.resolved_at - r.opened_at).total_seconds() / 3600 for r in rows if r.resolved_at
    )
    median = None
    if hours:
        middle = len(hours) // 2
        median = hours[middle] if len(hours) % 2 else (hours[middle - 1] + hours[middle]) / 2
    overdue = sum(1 for r in rows if r.due_at is not None and (r.resolved_at or now) > r.due_at)
    return ComplaintFigures(len(rows), sum(1 for r in rows if r.resolved_at), overdue, median)
