"""The screen in front, read as lines (:mod:`kiosk.speech`) with the widget each is about.

Texts come from the domain's lines where the domain has them (the question and
its answers, the service, its checklist and what is missing, the ticket) and
from the controls themselves for the rest (their text is what the screen shows),
in the screen's reading order. The idle overlay, when shown, is read instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk import speech
from kiosk.speech import Line
from ui.common.widgets import CheckItem, HintButton
from ui.customer.router import Screen

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.customer.speech.host import KioskHost

#: Controls never read nor landed on: the read-aloud control itself, and the staff's
#: ways in (a customer who chose them by keys would be left on the PIN pad, which
#: keeps its keys for staff).
SKIPPED = frozenset({"a11y.speak", "staff.corner", "staff.enter"})


@dataclass(frozen=True)
class Spot:
    """A line and the widget it is about (None: nothing to point at)."""

    line: Line
    widget: QWidget | None


class ScreenReader:
    def __init__(self, window: KioskHost) -> None:
        self._window = window

    @property
    def loc(self) -> Localizer:
        return self._window.language.loc

    def lines(self) -> list[Line]:
        return [spot.line for spot in self.spots()]

    def spots(self) -> list[Spot]:
        """What is on the screen now, in reading order."""
        window = self._window
        overlay = window.overlay
        if overlay is not None and overlay.isVisible():
            return self._generic(overlay)
        screen = window.router.current
        page = window.router.current_page()
        if page is None or screen is None:
            return []
        readers = {
            Screen.WELCOME: self._welcome,
            Screen.QUESTIONNAIRE: self._questionnaire,
            Screen.SERVICE_DETAIL: self._guidance,
            Screen.TICKET: self._ticket,
        }
        reader = readers.get(screen)
        return reader(page) if reader is not None else self._generic(page)

    # -- each screen -----------------------------------------------------------------------
    def _welcome(self, page: QWidget) -> list[Spot]:
        welcome = self._window.welcome
        loc = self.loc
        spots = self._texts([welcome.greeting, welcome.intro, welcome.notice])
        prompt = Line(welcome.language_prompt.text(), speech.part("languages"))
        spots.append(Spot(prompt, welcome.language_prompt))
        offered = [c for c in self._window.language.offered if c in welcome.language_buttons]
        for line in speech.language_choices(loc, offered, self._window.language.locale):
            spots.append(Spot(line, welcome.language_buttons[line.target.removeprefix("lang.")]))
        buttons = [
            welcome.start_button,
            welcome.all_services_button,
            welcome.list_return_button,
            welcome.contrast_button,
        ]
        return spots + self._buttons(buttons)

    def _questionnaire(self, page: QWidget) -> list[Spot]:
        from ui.customer.screens.questionnaire import QuestionnaireScreen

        assert isinstance(page, QuestionnaireScreen)
        question = page.journey.question
        buttons = page.answer_buttons
        lines = speech.question_lines(
            self.loc,
            page.progress.text(),
            question,
            hints=lambda option: buttons[option.id].hint() if option.id in buttons else "",
        )
        spots = [self._spot(line, page, {"part:question": page.question_label}) for line in lines]
        return spots + self._nav(page)

    def _guidance(self, page: QWidget) -> list[Spot]:
        from ui.customer.screens.service_detail import ServiceDetailScreen

        assert isinstance(page, ServiceDetailScreen)
        window = self._window
        slug = window.session.service_slug
        backend = window.backend
        if slug is None or backend is None:
            return self._generic(page)
        service = backend.reception.catalogue().service(slug)
        loc, guidance = self.loc, page.guidance
        parts: dict[str, QWidget] = {
            "part:title": page.title,
            "part:description": page.description,
            "part:queue": page.queue,
            "part:steps": page.steps_heading,
            "part:materials": page.materials_heading,
            "part:missing": guidance.missing_box,
        }
        parts.update({f"part:step.{i}": w for i, w in enumerate(page.step_labels)})
        lines = speech.service_lines(loc, service, page.queue.text())
        about = {"part:title", "part:description", "part:queue"}  # then priority, steps
        spots = [self._spot(line, page, parts) for line in lines if line.target in about]
        spots += self._buttons(page.priority.findChildren(QAbstractButton))
        spots += [self._spot(line, page, parts) for line in lines if line.target not in about]
        have = window.session.materials_have
        if guidance.missing_box.isVisible():
            spots += [
                self._spot(ln, page, parts) for ln in speech.checklist_lines(loc, service, have)
            ]
        else:  # the service cannot take tickets now: the checklist without "missing"
            lines = speech.checklist_lines(loc, service, have)
            spots += [self._spot(ln, page, parts) for ln in lines if ln.target != "part:missing"]
        spots += self._texts(
            [guidance.blocked_reason, guidance.unavailable_title, guidance.unavailable_text]
        )
        spots += self._texts([guidance.printer_notice])
        spots += self._buttons(
            [guidance.enquiry_button, guidance.take_button, guidance.print_list_button]
        )
        spots += self._texts([guidance.print_list_unavailable])
        return spots + self._nav(page)

    def _ticket(self, page: QWidget) -> list[Spot]:
        from printing.layout import people_ahead_text, wait_text
        from ui.customer.screens.ticket import TicketScreen

        assert isinstance(page, TicketScreen)
        view, ticket, loc = page.view, page.ticket, self.loc
        spots = self._texts([view.fallback])
        if ticket is None:
            spots = self._texts([view.status]) + spots
        else:
            queue = (
                people_ahead_text(ticket.people_ahead, loc),
                wait_text(ticket.estimated_wait_minutes, loc),
            )
            status = view.status.text() if view.status.isVisible() else ""
            parts: dict[str, QWidget] = {
                "part:status": view.status,
                "part:code": view.code,
                "part:service": view.service,
                "part:queue": view.queue,
                "part:prepare": view.prepare,
                "part:next": view.next_steps,
            }
            lines = speech.ticket_lines(loc, ticket, queue, status)
            spots = [self._spot(line, page, parts) for line in lines[:1]] + spots
            spots += [self._spot(line, page, parts) for line in lines[1:]]
            spots += self._texts([view.follow_up])
        controls = [
            b for b in page.findChildren(QAbstractButton) if b.objectName() != "ticket.done"
        ]
        return spots + self._buttons([*controls, page.done_button])

    # -- pieces ----------------------------------------------------------------------------
    def _nav(self, page: QWidget) -> list[Spot]:
        """Back and Start over, then the language buttons (each said in its language)."""
        back = getattr(page, "back_button", None)
        home = getattr(page, "home_button", None)
        spots = self._buttons([b for b in (back, home) if b is not None])
        language = self._window.language
        found: Mapping[str, QAbstractButton] = getattr(page, "language_buttons", {})
        offered = [c for c in language.offered if c in found and found[c].isVisible()]
        for line in speech.language_choices(self.loc, offered, language.locale):
            spots.append(Spot(line, found[line.target.removeprefix("lang.")]))
        return spots

    @staticmethod
    def _spot(line: Line, page: QWidget, parts: Mapping[str, QWidget]) -> Spot:
        widget = parts.get(line.target)
        if widget is None and line.control:
            widget = page.findChild(QWidget, line.target)
        return Spot(line, widget)

    def _texts(self, labels: Iterable[QLabel]) -> list[Spot]:
        """Labels that are shown, as plain lines."""
        spots = []
        for shown in labels:
            text = shown.text().strip()
            if text and shown.isVisible():
                spots.append(Spot(Line(text, _part_of(shown)), shown))
        return spots

    def _buttons(self, buttons: Iterable[QAbstractButton]) -> list[Spot]:
        """Buttons that are shown, as the keypad says them."""
        loc, spots = self.loc, []
        for control in buttons:
            name = control.objectName()
            if not control.isVisible() or name in SKIPPED or not control.text():
                continue
            if isinstance(control, CheckItem):
                line = speech.checkbox(loc, control.text(), name, control.isChecked())
            else:
                hint = control.hint() if isinstance(control, HintButton) else ""
                line = speech.button(loc, control.text(), name, hint, control.isEnabled())
            spots.append(Spot(line, control))
        return spots

    def _generic(self, page: QWidget) -> list[Spot]:
        """Any other screen: its shown texts and controls in the order they were made."""
        spots: list[Spot] = []
        for widget in page.findChildren(QWidget):
            if not widget.isVisible():
                continue
            if isinstance(widget, QAbstractButton):
                spots += self._buttons([widget])
            elif isinstance(widget, QLabel) and not _inside_button(widget):
                text = widget.accessibleName() or widget.text()
                if text.strip():
                    spots.append(Spot(Line(text.strip(), _part_of(widget)), widget))
        return spots


def _part_of(widget: QWidget) -> str:
    """A label's target: its objectName, else one unique to it while the screen lives."""
    return speech.part(widget.objectName() or f"label.{id(widget):x}")


def _inside_button(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractButton):
            return True
        parent = parent.parentWidget()
    return False
