"""Sample tickets built inline for the printing tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from kiosk.catalogue.model import LocalizedText
from kiosk.ticket import TicketData


def text(en: str, zh_hans: str, zh_hant: str) -> LocalizedText:
    return {"en": en, "zh_Hans": zh_hans, "zh_Hant": zh_hant}


SERVICE = text("Open an account", "开立账户", "開立戶口")
PASSPORT = text("Passport (original)", "护照（原件）", "護照（正本）")
ADDRESS = text("Proof of address", "住址证明", "住址證明")
HINT = text("Next time you can book online.", "下次可以网上预约。", "下次可以網上預約。")


def make_ticket(locale: str = "en", **changes: Any) -> TicketData:
    values: dict[str, Any] = {
        "ticket_id": 7,
        "code": "A023",
        "reference": "20250301-A023-9f8e7d6c",
        "locale": locale,
        "branch_name": "Riverside Branch",
        "service_slug": "open_account",
        "service_name": SERVICE,
        "issued_at": datetime(2025, 3, 1, 1, 30, tzinfo=UTC),
        "business_day": date(2025, 3, 1),
        "people_ahead": 4,
        "estimated_wait_minutes": 18,
        "materials_to_prepare": (PASSPORT, ADDRESS),
        "follow_up_hint": HINT,
    }
    values.update(changes)
    return TicketData(**values)


def big_ticket(locale: str = "zh_Hans", items: int = 60) -> TicketData:
    """A ticket of well over 100 KB (many Chinese materials): fills any socket buffer."""
    many = tuple(
        text(f"Document {n}", f"第{n}份文件，请带原件和复印件", f"第{n}份文件，請帶正本和副本")
        for n in range(items)
    )
    return make_ticket(locale, materials_to_prepare=many)
