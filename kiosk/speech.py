"""What the kiosk says aloud: a screen read as lines, in the customer's language.

A screen is read as a list of :class:`Line`: first what it is about (title,
question, the service and its steps), then what the customer can do (the
answers in order, the checklist with what is ticked and what is missing, the
buttons). The texts are the same translated texts the screen shows (the same
catalogue entries and messages); this module decides the order and how a
control is said ("Passport, required, not ticked"). The tactile keypad moves
through the same lines, one at a time, and selects the control a line names.

No widgets here: a line names its control by ``objectName`` (``answer.<id>``,
``material.<id>``) or the part of the screen it reads (``part:title``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.catalogue.model import GENERAL_ENQUIRY, Option, Question, Service
from kiosk.i18n import ENDONYMS, N_, Localizer
from kiosk.ticket import TicketData


@dataclass(frozen=True)
class Line:
    """One thing said: a text, and what on the screen it is about."""

    text: str
    target: str = ""
    """The control's objectName (``answer.open_account``), or ``part:<name>`` for a text."""
    locale: str = ""
    """The language to say it in, when not the customer's (a language's own name)."""
    control: bool = False
    """The keypad's select key activates ``target``."""


def part(name: str) -> str:
    """The target of a line that reads a part of the screen (not a control)."""
    return f"part:{name}"


def spoken_code(code: str) -> str:
    """ "A023" → "A 0 2 3": every character read, as staff say it."""
    return " ".join(code)


# -- how a control is said -------------------------------------------------------------------
def button(loc: Localizer, text: str, target: str, hint: str = "", enabled: bool = True) -> Line:
    """ "Start over, button" (with its hint after it; "not available" when disabled)."""
    said = loc.tr("{label}, button").format(label=text)
    if not enabled:
        said = loc.tr("{label}, not available").format(label=text)
    return Line(_join(loc, said, hint), target, control=True)


def checkbox(
    loc: Localizer, text: str, target: str, ticked: bool, tag: str = "", hint: str = ""
) -> Line:
    """ "Passport, required, not ticked" (with the item's note after it)."""
    state = loc.tr("ticked") if ticked else loc.tr("not ticked")
    said = _comma(loc).join(part for part in (text, tag, state) if part)
    return Line(_join(loc, said, hint), target, control=True)


def language_choices(loc: Localizer, offered: Iterable[str], current: str) -> list[Line]:
    """Each language's button, said in that language ("简体中文" in Mandarin)."""
    lines = []
    for code in offered:
        name = ENDONYMS.get(code, code)
        said = loc.tr("{label}, selected").format(label=name) if code == current else name
        lines.append(
            Line(said, f"lang.{code}", locale=code if code != current else "", control=True)
        )
    return lines


def _join(loc: Localizer, *texts: str) -> str:
    """Sentences one after the other, each ending with a stop."""
    out = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if text[-1] not in ".。!！?？:：…":
            text += "。" if _chinese(loc) else "."
        out.append(text)
    return _space(loc).join(out)


def _chinese(loc: Localizer) -> bool:
    return loc.locale.startswith("zh")


def _space(loc: Localizer) -> str:
    """Between sentences: Chinese runs them together."""
    return "" if _chinese(loc) else " "


def _comma(loc: Localizer) -> str:
    return "，" if _chinese(loc) else ", "


# -- the screens' contents ----------------------------------------------------------------------
def question_lines(
    loc: Localizer,
    progress: str,
    question: Question,
    hints: Callable[[Option], str] | None = None,
) -> list[Line]:
    """The question, then every answer in the order shown (the one to a person last)."""
    listed = [o for o in question.options if o.service != GENERAL_ENQUIRY]
    person = [o for o in question.options if o.service == GENERAL_ENQUIRY][-1:]
    lines = [Line(_join(loc, progress, loc.text(question.text)), part("question"))]
    for option in [*listed, *person]:
        hint = hints(option) if hints is not None else loc.text(option.hint)
        lines.append(button(loc, loc.text(option.label), f"answer.{option.id}", hint))
    return lines


def service_lines(loc: Localizer, service: Service, queue: str = "") -> list[Line]:
    """The service's name, what it is, the wait, and how it works, step by step."""
    lines = [
        Line(loc.text(service.name), part("title")),
        Line(_join(loc, loc.text(service.description)), part("description")),
    ]
    if queue:
        lines.append(Line(_join(loc, queue.replace(" · ", _comma(loc))), part("queue")))
    lines.append(Line(loc.tr("How it works"), part("steps")))
    for index, step in enumerate(service.steps):
        lines.append(
            Line(_join(loc, f"{loc.number(index + 1)}. {loc.text(step)}"), part(f"step.{index}"))
        )
    return lines


def checklist_lines(loc: Localizer, service: Service, have: Iterable[str]) -> list[Line]:
    """ "What to bring", each item with its state, then what is still missing."""
    if not service.materials:
        return []
    ticked = set(have)
    lines = [
        Line(
            _join(loc, loc.tr("What to bring"), loc.tr("Touch each item you have with you.")),
            part("materials"),
        )
    ]
    for material in service.materials:
        tag = loc.tr("Required") if material.required else loc.tr("Optional")
        lines.append(
            checkbox(
                loc,
                loc.text(material.text),
                f"material.{material.id}",
                material.id in ticked,
                tag,
                loc.text(material.note),
            )
        )
    missing = missing_line(loc, service, ticked)
    if missing is not None:
        lines.append(missing)
    return lines


def missing_line(loc: Localizer, service: Service, have: Iterable[str]) -> Line | None:
    """ "You have not ticked these required items: Passport — …" (None: nothing missing)."""
    ticked = set(have)
    missing = [m for m in service.materials if m.required and m.id not in ticked]
    if not missing:
        return None
    items = []
    for material in missing:
        advice = loc.text(material.if_missing)
        name = loc.text(material.text)
        colon = "：" if _chinese(loc) else ": "
        items.append(_join(loc, f"{name}{colon}{advice}" if advice else name))
    return Line(
        _space(loc).join([loc.tr("You have not ticked these required items:"), *items]),
        part("missing"),
    )


def ticket_lines(
    loc: Localizer, ticket: TicketData, queue: Sequence[str] = (), status: str = ""
) -> list[Line]:
    """ "Your number: A 0 0 1", the service, who is ahead, what to have ready."""
    lines = []
    if status:
        lines.append(Line(_join(loc, status), part("status")))
    lines.append(Line(number_sentence(loc, ticket.code), part("code")))
    lines.append(Line(_join(loc, loc.text(ticket.service_name)), part("service")))
    if queue:
        lines.append(Line(_join(loc, *queue), part("queue")))
    items = [_join(loc, loc.text(m)) for m in ticket.materials_to_prepare]
    if items:
        ready = _space(loc).join([loc.tr("Please have these ready:"), *items])
        lines.append(Line(ready, part("prepare")))
    lines.append(
        Line(loc.tr("Please take a seat. Your number will be called at the counter."), part("next"))
    )
    return lines


def number_sentence(loc: Localizer, code: str) -> str:
    """ "Your number: A 0 0 1." (the number twice would be said by "say it again")."""
    return _join(loc, loc.tr("Your number: {code}").format(code=spoken_code(code)))


# -- help and the keypad's own words ----------------------------------------------------------
HELP = N_(
    "Press up or down to move from item to item; each one is read to you. Press the centre "
    "key to choose the item you hear. Press back to go back, help to hear this again, and "
    "the volume key to make it louder."
)
KEYPAD_ON = N_("Keypad mode is on.")


def help_text(loc: Localizer, screen_help: str = "") -> str:
    """The keypad's help, after what this screen asks of the customer."""
    return _join(loc, screen_help, loc.tr(HELP))


def volume_text(loc: Localizer, step: int, steps: int) -> str:
    return loc.tr("Volume {n} of {total}").format(n=loc.number(step), total=loc.number(steps))
