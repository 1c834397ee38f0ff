"""Demo traffic's bring-lists: a return code for every list a demo batch printed, and
for about half of them the later visit that came back with it (a hook of
:data:`kiosk.demo_data.HOOKS`), so that the report's "came back" has figures.

A list comes back with the first visit of a later day in the batch for the same
service that took a ticket and had nothing missing; which lists come back follows
from the visit's id, so a seed gives the same figures.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert

from kiosk.db.models_bring_list import BringList
from kiosk.demo_queue import DayRows

RETURNED_SHARE = 0.55
#: Demo codes are ten digits (the kiosk prints six): they never meet a real list's.
_CODE_BASE = 10**9


def _aware(moment: Any) -> datetime:
    found = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    assert isinstance(found, datetime)  # a string in the SQLite shape the filler gives
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)


def add_bring_lists(connection: Connection, days: Sequence[DayRows]) -> None:
    lists = []
    comers: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
    for day in days:
        for visit in day.visits:
            if visit["outcome"] == "ticket" and not visit["materials_missing"]:
                comers.setdefault(visit["service_slug"], []).append((day.day, visit))
    taken: set[int] = set()
    for day in days:
        for visit in day.visits:
            if visit["outcome"] != "list_printed":
                continue
            row: dict[str, Any] = {
                "visit_id": visit["id"],
                "code": str(_CODE_BASE + int(visit["id"])),
                "printed_at": _aware(visit["finished_at"]),
                "returned_visit_id": None,
                "returned_at": None,
            }
            if random.Random(int(visit["id"]) * 104729).random() < RETURNED_SHARE:
                later = next(
                    (
                        v
                        for d, v in comers.get(visit["service_slug"], [])
                        if d > day.day and int(v["id"]) not in taken
                    ),
                    None,
                )
                if later is not None:
                    taken.add(int(later["id"]))
                    row["returned_visit_id"] = later["id"]
                    row["returned_at"] = _aware(later["started_at"])
            lists.append(row)
    if lists:
        connection.execute(insert(BringList.__table__), lists)  # type: ignore[attr-defined]
