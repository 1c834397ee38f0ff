"""Whether a service can take a ticket now, and how to say why not to a customer.

A service is unavailable when it is inactive, paused (with a reason and maybe an
alternative, from the catalogue, in the customer's language), or full: today's
tickets under its daily cap are all taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue, Service
    from kiosk.i18n import Localizer
    from kiosk.reception import WaitEstimate

INACTIVE = "inactive"
PAUSED = "paused"
FULL = "full"
GENERAL_ENQUIRY = "general_enquiry"  # = kiosk.catalogue.model.GENERAL_ENQUIRY


def unavailable_reason(service: Service, estimate: WaitEstimate | None) -> str | None:
    """``inactive``, ``paused``, ``full`` or ``None`` (a ticket can be taken)."""
    if not service.active:
        return INACTIVE
    if service.pause is not None:
        return PAUSED
    if estimate is not None and estimate.tickets_left == 0:
        return FULL
    return None


def enquiry_offered(catalogue: Catalogue, service: Service) -> bool:
    """Whether to offer the general enquiry desk instead of ``service``."""
    if service.slug == GENERAL_ENQUIRY:
        return False
    try:
        enquiry = catalogue.service(GENERAL_ENQUIRY)
    except KeyError:
        return False
    return enquiry.active and enquiry.pause is None


def pause_lines(service: Service, loc: Localizer, short: bool = False) -> list[str]:
    """The pause's reason and alternative, in the customer's language."""
    pause = service.pause
    if pause is None:
        return []
    reason = loc.text(pause.reason)
    lines = [
        loc.tr("Paused: {reason}").format(reason=reason)
        if short
        else loc.tr("This service is paused: {reason}").format(reason=reason)
    ]
    if pause.alternative:
        lines.append(
            loc.tr("Instead: {alternative}").format(alternative=loc.text(pause.alternative))
        )
    return lines


def come_back_text(service: Service, loc: Localizer, offered: bool) -> str:
    if offered:
        return loc.tr(
            "Please come back on another business day, or ask at the general enquiry desk."
        )
    return loc.tr("Please come back on another business day, or ask a member of staff.")


def unavailable_text(
    reason: str, service: Service, loc: Localizer, offered: bool
) -> tuple[str, str]:
    """What the guidance screen says instead of offering a ticket: a heading and the why."""
    if reason == PAUSED and service.pause is not None:
        lines = [loc.text(service.pause.reason)]
        if service.pause.alternative:
            lines.append(
                loc.tr("Instead: {alternative}").format(
                    alternative=loc.text(service.pause.alternative)
                )
            )
        return loc.tr("This service is paused for now."), "\n".join(lines)
    if reason == FULL:
        return (
            loc.tr("Today's tickets for this service are finished."),
            come_back_text(service, loc, offered),
        )
    return loc.tr("This service is not available at the moment."), ""


def refused_text(reason: str, service: Service | None, loc: Localizer, offered: bool) -> str:
    """The ticket screen, when the service turned unavailable as the ticket was taken."""
    if reason == PAUSED and service is not None and service.pause is not None:
        lines = [loc.tr("Sorry, this service was paused a moment ago.")]
        return "\n".join([*lines, *pause_lines(service, loc)])
    if reason == FULL:
        return "\n".join(
            [
                loc.tr("Sorry, today's tickets for this service have just run out."),
                come_back_text(service, loc, offered) if service is not None else "",
            ]
        ).strip()
    return loc.tr("Sorry, this service is not available at the moment.")
