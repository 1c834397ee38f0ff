"""A sample ticket per language, and the printer test page; for previews and benchmarks too.

The texts here are sample catalogue data (one text in every language, like the
service catalogue), not UI messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from kiosk.catalogue.model import LocalizedText
from kiosk.i18n import LOCALES, Localizer
from kiosk.settings import PrinterSection
from kiosk.ticket import TicketData
from printing.layout import Block, FeedBlock, RuleBlock, TextBlock, TextSize
from printing.outcome import problem_message
from printing.status import PrinterState


def localized(en: str, zh_hans: str, zh_hant: str) -> LocalizedText:
    """A :data:`LocalizedText`."""
    return {"en": en, "zh_Hans": zh_hans, "zh_Hant": zh_hant}


SAMPLE_SERVICE: LocalizedText = localized("Account services", "账户服务", "帳戶服務")
SAMPLE_MATERIALS: tuple[LocalizedText, ...] = (
    localized(
        "Identity card or passport (original)", "身份证或护照（原件）", "身份證或護照（正本）"
    ),
    localized(
        "Proof of address issued within the last 3 months",
        "最近三个月内发出的住址证明",
        "最近三個月內發出的住址證明",
    ),
)
SAMPLE_HINT: LocalizedText = localized(
    "Online banking can do this next time.",
    "下次可以使用网上银行办理。",
    "下次可以使用網上銀行辦理。",
)
_PREFIX = {"en": "A", "zh_Hans": "B", "zh_Hant": "C"}


def sample_ticket(
    locale: str,
    branch_name: str = "Riverside Branch",
    issued_at: datetime | None = None,
    materials: int = 2,
) -> TicketData:
    """A realistic ticket in ``locale`` (``materials`` items to prepare, cycled)."""
    when = issued_at or datetime.now(UTC)
    code = f"{_PREFIX.get(locale, 'A')}023"
    items = tuple(SAMPLE_MATERIALS[i % len(SAMPLE_MATERIALS)] for i in range(materials))
    return TicketData(
        ticket_id=0,
        code=code,
        reference=f"{when:%Y%m%d}-{code}-5a3c9e01",
        locale=locale,
        branch_name=branch_name,
        service_slug="account_services",
        service_name=SAMPLE_SERVICE,
        issued_at=when,
        business_day=when.date(),
        people_ahead=3,
        estimated_wait_minutes=12,
        materials_to_prepare=items,
        follow_up_hint=SAMPLE_HINT,
    )


def test_page_blocks(
    printer: PrinterSection,
    layout: Callable[[TicketData], list[Block]],
    loc: Localizer,
    zone: tzinfo,
    branch_name: str = "",
    state: PrinterState | None = None,
) -> list[Block]:
    """The test page in ``loc``'s language: printer URL, profile, paper width, status,
    the time, then a sample ticket in each language (each with its QR code)."""
    now = datetime.now(UTC)
    lang = loc.locale
    blocks: list[Block] = [
        TextBlock(loc.tr("Printer test page"), TextSize.LARGE, bold=True, lang=lang),
        TextBlock(loc.tr("Printer: {url}").format(url=printer.url), lang=lang),
        TextBlock(loc.tr("Profile: {profile}").format(profile=printer.profile), lang=lang),
        TextBlock(loc.tr("Paper width: {dots} dots").format(dots=printer.paper_dots), lang=lang),
    ]
    if state is not None:
        status = loc.tr("Status: {status}").format(status=problem_message(state, loc))
        blocks.append(TextBlock(status, lang=lang))
    blocks.append(TextBlock(loc.datetime(now, zone), lang=lang))
    for code in LOCALES:
        sample = sample_ticket(code, branch_name or "Riverside Branch", now)
        blocks += [RuleBlock(), FeedBlock(), *layout(sample), FeedBlock(2)]
    return blocks
