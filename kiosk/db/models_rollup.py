"""The reports' day rollup: each closed business day's dashboard figures, worked out
once and kept (:mod:`kiosk.reports.rollup`), and the change counts that tell when a
kept day is out of date.

Triggers (:mod:`kiosk.db.rollup_triggers`) count every change to the rows a day's
figures are read from (tickets, their queue events, visits, where a visit was left,
ratings, survey answers, follow-on links, bring-lists and their returns) under the UTC
date of the ticket's issue or the visit's start (a list's: the visit that printed it).
A kept day records the sum of the counts of the UTC dates its business day
spans, read before its figures; it is current while that sum has not moved.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class ReportChange(SQLModel, table=True):
    """Changes so far to the report's source rows of one UTC date (only ever grows)."""

    __tablename__ = "report_change"

    day: date = Field(primary_key=True)
    changes: int = 0


class ReportDay(SQLModel, table=True):
    """One closed business day's figures (a :class:`kiosk.reports.rollup.DayFigures`
    as JSON) and what they were worked out from."""

    __tablename__ = "report_day"

    day: date = Field(primary_key=True)
    utc_first: date
    utc_last: date
    """The UTC dates the business day spans (whose change counts it depends on)."""
    changes: int
    """The sum of those dates' change counts when the figures were read."""
    format: int
    figures: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fine: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    """Waits and service times to 10 s (a range up to a quarter reads these)."""
    coarse: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    """The same to the minute (a longer range)."""
    computed_at: datetime
