"""The dashboard's figures counted straight from the tickets over a whole range, slice
by slice as the KPI definitions count them, to hold the day rollup's figures against."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from kiosk.db.database import Database
from kiosk.db.models import ServiceRow
from kiosk.reports.kiosk_figures import (
    KioskFigures,
    abandoned_by_screen,
    failure_paths,
    kiosk_figures,
    missing_materials,
)
from kiosk.reports.queue_figures import (
    QueueFigures,
    arrivals_by_weekday_hour,
    queue_figures,
    with_empty_keys,
)
from kiosk.reports.satisfaction import satisfaction
from kiosk.reports.service import Dashboard
from kiosk.reports.window import Slice, Window

FIELDS = (
    "total",
    "by_service",
    "by_day",
    "heat_map",
    "kiosk",
    "missing",
    "failure_paths",
    "abandoned",
    "csat",
    "complaints",
)


def counted(db: Database, window: Window, today: date, now: datetime) -> dict[str, Any]:
    with db.reading() as session:
        services = [s for (s,) in session.execute(select(col(ServiceRow.slug))).all()]
        satisfied, complained = satisfaction(session, window, now)
        return {
            "total": queue_figures(session, window, Slice.TOTAL, today).get(None, QueueFigures()),
            "by_service": with_empty_keys(
                queue_figures(session, window, Slice.SERVICE, today), services
            ),
            "by_day": with_empty_keys(
                queue_figures(session, window, Slice.DAY, today), window.days()
            ),
            "heat_map": arrivals_by_weekday_hour(session, window),
            "kiosk": kiosk_figures(session, window, Slice.TOTAL).get(None, KioskFigures()),
            "missing": missing_materials(session, window),
            "failure_paths": failure_paths(session, window),
            "abandoned": abandoned_by_screen(session, window),
            "csat": satisfied,
            "complaints": complained,
        }


def assert_shown_as_counted(dashboard: Dashboard, figures: dict[str, Any]) -> None:
    for name in FIELDS:
        shown = getattr(dashboard, name)
        assert (dict(shown) if isinstance(shown, dict) else shown) == figures[name], name
