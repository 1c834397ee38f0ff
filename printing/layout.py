"""The ticket layout as data: a list of blocks, independent of any printer.

:func:`build_layout` turns a :class:`~kiosk.ticket.TicketData` into blocks in the
customer's language. The same blocks go to the printer
(:mod:`printing.render_escpos`) and to the on-screen preview
(:mod:`printing.preview`). Which parts appear is set by :class:`TicketSections`;
the logo and the custom footer text come from the printer settings (see
:class:`printing.job.TicketPrinter`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import tzinfo
from pathlib import Path

from kiosk.i18n import Localizer
from kiosk.ticket import TicketData


class TextSize(enum.StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    """Double width and height."""
    HUGE = "huge"
    """Four times: the ticket code."""
    GIANT = "giant"
    """Eight times (the most ``GS !`` gives): the ticket code in large print."""


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class TextBlock:
    text: str
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    align: Align = Align.CENTER
    bullet: bool = False
    """A list item: printed after a bullet, wrapped lines indented under the text."""
    lang: str = "en"
    """The text's locale: picks the CJK font face (SC or TC) when it is drawn as an image."""


@dataclass(frozen=True)
class LogoBlock:
    """The bank's logo: drawn 1-bit, fitted to the paper, centred (see :mod:`printing.logo`)."""

    source: Path
    """A PNG or SVG file (or any image Pillow reads)."""


@dataclass(frozen=True)
class QrBlock:
    payload: str


@dataclass(frozen=True)
class RuleBlock:
    """A full-width dashed separator line."""


@dataclass(frozen=True)
class FeedBlock:
    lines: int = 1


Block = TextBlock | LogoBlock | QrBlock | RuleBlock | FeedBlock


@dataclass(frozen=True)
class TicketSections:
    """Which parts of the ticket are printed. All on by default."""

    logo: bool = True
    """Printed when a logo is given to :func:`build_layout`."""
    branch_name: bool = True
    code: bool = True
    service_name: bool = True
    issued_at: bool = True
    queue: bool = True
    """People ahead and the estimated wait."""
    materials: bool = True
    follow_up: bool = True
    qr: bool = True
    footer: bool = True

    def hidden(self) -> tuple[str, ...]:
        """The sections turned off, by name (as managers store them)."""
        return tuple(f.name for f in fields(self) if not getattr(self, f.name))


def people_ahead_text(count: int, loc: Localizer) -> str:
    if count <= 0:
        return loc.tr("No one is ahead of you.")
    if count == 1:
        return loc.tr("1 person ahead of you")
    return loc.tr("{n} people ahead of you").format(n=loc.number(count))


def wait_text(minutes: int, loc: Localizer) -> str:
    if minutes <= 0:
        return loc.tr("You will be called shortly.")
    return loc.tr("Estimated wait: {wait}").format(wait=loc.minutes(minutes))


def build_layout(
    ticket: TicketData,
    loc: Localizer,
    zone: tzinfo,
    sections: TicketSections | None = None,
    logo: Path | None = None,
    footer: Mapping[str, str] | None = None,
) -> list[Block]:
    """The blocks of one ticket, top to bottom, in ``loc``'s language.

    ``logo`` goes at the top; ``footer`` (text by language, e.g. opening hours)
    before the privacy line, in the ticket's language or else in English.
    """
    s = sections or TicketSections()
    blocks: list[Block] = []
    if s.logo and logo is not None:
        blocks.append(LogoBlock(logo))
    if s.branch_name and ticket.branch_name:
        blocks += [TextBlock(ticket.branch_name, bold=True), RuleBlock()]
    if s.code:
        blocks += [
            TextBlock(loc.tr("Your number")),
            TextBlock(ticket.code, size=TextSize.HUGE, bold=True),
        ]
    if s.service_name:
        name = loc.text(ticket.service_name)
        if name:
            blocks.append(TextBlock(name, size=TextSize.LARGE, bold=True))
    if s.issued_at:
        blocks.append(TextBlock(loc.datetime(ticket.issued_at, zone)))
    if s.queue:
        blocks += [
            RuleBlock(),
            TextBlock(people_ahead_text(ticket.people_ahead, loc), bold=True),
            TextBlock(wait_text(ticket.estimated_wait_minutes, loc)),
        ]
    blocks += _materials(ticket, loc) if s.materials else []
    if s.follow_up and ticket.follow_up_hint:
        hint = loc.text(ticket.follow_up_hint)
        if hint:
            blocks += [FeedBlock(), TextBlock(hint)]
    if s.qr and ticket.reference:
        blocks += [FeedBlock(), QrBlock(ticket.reference)]
    if s.footer:
        blocks.append(RuleBlock())
        custom = footer_text(footer or {}, loc.locale)
        blocks += [TextBlock(custom)] if custom else []
        blocks.append(TextBlock(loc.tr("Please keep this ticket. We never print personal data.")))
    return [replace(b, lang=loc.locale) if isinstance(b, TextBlock) else b for b in blocks]


def large_print_layout(ticket: TicketData, loc: Localizer) -> list[Block]:
    """The slip a customer with low vision asks for: the number as large as the
    printer prints, the service and the people ahead, large."""
    blocks: list[Block] = [
        TextBlock(loc.tr("Your number"), size=TextSize.LARGE, bold=True),
        TextBlock(ticket.code, size=TextSize.GIANT, bold=True),
    ]
    name = loc.text(ticket.service_name)
    if name:
        blocks.append(TextBlock(name, size=TextSize.LARGE, bold=True))
    blocks.append(TextBlock(people_ahead_text(ticket.people_ahead, loc), size=TextSize.LARGE))
    return [replace(b, lang=loc.locale) if isinstance(b, TextBlock) else b for b in blocks]


def footer_text(footer: Mapping[str, str], locale: str) -> str:
    """The custom footer in ``locale``, else in English, else empty."""
    return (footer.get(locale) or "").strip() or (footer.get("en") or "").strip()


def _materials(ticket: TicketData, loc: Localizer) -> list[Block]:
    items = [text for text in (loc.text(m) for m in ticket.materials_to_prepare) if text]
    if not items:
        return []
    heading = TextBlock(loc.tr("Please have these ready:"), bold=True, align=Align.LEFT)
    bullets: Sequence[Block] = [TextBlock(i, align=Align.LEFT, bullet=True) for i in items]
    return [RuleBlock(), heading, *bullets]


def block_texts(blocks: Sequence[Block]) -> list[str]:
    """Every text of the blocks, in order (for tests, logs and accessibility)."""
    return [b.text for b in blocks if isinstance(b, TextBlock)]
