"""Figures as the manager reads them, in their locale (Babel): counts, minutes with one
decimal, percentages, dates; "–" where there is nothing to judge. The dashboard and
the review pack both format through here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kiosk.i18n import N_, Localizer

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue

#: A service meets its target when at least this share is called within its SLA.
SERVICE_LEVEL_GOAL = 85.0
NOTHING = "–"
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def count(loc: Localizer, value: int | float | None) -> str:
    return NOTHING if value is None else loc.number(value)


def minutes(loc: Localizer, seconds: float | None) -> str:
    """Seconds shown as minutes with one decimal (``12.5``)."""

    return NOTHING if seconds is None else decimal(loc, seconds / 60.0)


def decimal(loc: Localizer, value: float | None) -> str:
    """A figure with one decimal (``4.2``)."""
    from babel.numbers import format_decimal

    if value is None:
        return NOTHING
    return format_decimal(value, format="#,##0.0", locale=loc.babel_locale)


def percent(loc: Localizer, value: float | None) -> str:
    """A percentage 0–100 in the locale's way (``66.7%``)."""
    from babel.numbers import format_percent

    if value is None:
        return NOTHING
    return format_percent(value / 100.0, format="#,##0.0%", locale=loc.babel_locale)


def day(loc: Localizer, value: date) -> str:
    return loc.date(value)


def short_day(loc: Localizer, value: object) -> str:
    """A day without its year, for a chart's axis (``25 Nov``, ``11月25日``)."""
    from babel.dates import format_skeleton

    if not isinstance(value, date):
        return str(value)
    return format_skeleton("MMMd", value, locale=loc.babel_locale)


def weekday(loc: Localizer, index: int) -> str:
    return loc.tr(WEEKDAYS[index])


def meets_goal(service_level: float | None) -> bool | None:
    return None if service_level is None else service_level >= SERVICE_LEVEL_GOAL


def service_name(loc: Localizer, catalogue: Catalogue | None, slug: str | None) -> str:
    if not slug:
        return NOTHING
    try:
        return loc.text(catalogue.service(slug).name) if catalogue else slug
    except KeyError:
        return slug


def material_name(loc: Localizer, catalogue: Catalogue | None, slug: str, material: str) -> str:
    try:
        return loc.text(catalogue.service(slug).material(material).text) if catalogue else material
    except KeyError:
        return material


def answer_path(loc: Localizer, catalogue: Catalogue | None, answers: tuple[str, ...]) -> str:
    """The answers as the customer saw them: "Accounts › Not sure"."""
    labels = {}
    if catalogue is not None:
        labels = {o.id: o.label for q in catalogue.questionnaire.questions for o in q.options}
    return " › ".join(loc.text(labels[a]) if a in labels else a for a in answers)
