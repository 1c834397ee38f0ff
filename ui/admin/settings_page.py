"""Branch settings (managers): every :class:`BranchSettings` field, a test print, save.

The boxes accept any number; the domain says what is allowed and its refusal
(:class:`SettingsRejected`, field by field) is shown next to each field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.branch_settings import BranchSettings, SettingsRejected, TicketSection
from kiosk.i18n import ENDONYMS, LOCALES, N_
from ui.admin.common import (
    ADDRESS,
    AdminCheckBox,
    AdminPage,
    Field,
    button,
    check_box,
    combo_box,
    line_edit,
    message_label,
    spin_box,
)
from ui.admin.context import AdminContext
from ui.common.widgets import label, scroll_area

if TYPE_CHECKING:
    from printing.job import PrintOutcome

SECTIONS: tuple[str, ...] = get_args(TicketSection)
SECTION_LABELS = {
    "logo": N_("Logo"),
    "branch_name": N_("Branch name"),
    "code": N_("Ticket number"),
    "service_name": N_("Service name"),
    "issued_at": N_("Date and time"),
    "queue": N_("People ahead and estimated wait"),
    "materials": N_("Items still to bring"),
    "follow_up": N_("What happens next"),
    "qr": N_("QR code"),
    "footer": N_("Closing line"),
}
NUMBERS = {
    "idle_seconds": N_("Seconds without a touch before “Are you still there?”"),
    "idle_countdown_seconds": N_("Seconds that question counts down"),
    "ticket_return_seconds": N_("Seconds the ticket stays on screen"),
    "admin_idle_seconds": N_("Seconds without a touch before admin mode signs out"),
    "day_reset_hour": N_("Hour the ticket numbers start again (0–23)"),
    "retention_days": N_("Days visit records are kept"),
    "complaint_acknowledge_business_days": N_("Business days to acknowledge a complaint"),
    "complaint_resolve_days": N_("Days to resolve a complaint"),
}


class SettingsPage(AdminPage):
    settings_did_change = Signal(object)
    """Carries the saved :class:`BranchSettings`."""

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.loaded: BranchSettings | None = None
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.heading = label("title")
        outer.addWidget(self.heading)
        actions = QHBoxLayout()
        self.save_button = button("admin.settings.save", role="primary")
        self.discard_button = button("admin.settings.discard")
        self.test_print_button = button("admin.settings.test_print")
        for widget in (self.save_button, self.discard_button, self.test_print_button):
            actions.addWidget(widget)
        outer.addLayout(actions)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.reload)
        self.test_print_button.clicked.connect(self.test_print)
        self.status = message_label("success")
        outer.addWidget(self.status)
        body = QWidget()
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 12, 0)
        form.setSpacing(12)
        self.branch_name = line_edit("admin.settings.branch_name", max_length=120)
        self.printer_url = line_edit("admin.settings.printer_url", hints=ADDRESS)
        self.default_language = combo_box("admin.settings.default_language")
        for code in LOCALES:
            self.default_language.addItem(ENDONYMS[code], code)
        self.languages: dict[str, AdminCheckBox] = {
            c: check_box(f"admin.settings.languages.{c}") for c in LOCALES
        }
        self.sections = {s: check_box(f"admin.settings.sections.{s}") for s in SECTIONS}
        self.numbers = {key: spin_box(f"admin.settings.{key}") for key in NUMBERS}
        self.fields: dict[str, Field] = {
            "branch_name": Field(self.branch_name),
            "languages": self._boxes(self.languages, 3),
            "default_language": Field(self.default_language, wide=False),
            **{key: Field(widget, wide=False) for key, widget in self.numbers.items()},
            "printer_url": Field(self.printer_url),
            "hidden_ticket_sections": self._boxes(self.sections, 2),
        }
        for field in self.fields.values():
            form.addWidget(field)
        form.addStretch(1)
        outer.addWidget(scroll_area(body), 1)
        self.retranslate()

    @staticmethod
    def _boxes(boxes: dict[str, AdminCheckBox], columns: int) -> Field:
        field = Field()
        grid = QGridLayout()
        for index, box in enumerate(boxes.values()):
            grid.addWidget(box, index // columns, index % columns)
        field.row.addLayout(grid)
        return field

    def title(self) -> str:
        return self.loc.tr("Settings")

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        if self.loaded is None:
            self.reload()

    def reload(self) -> None:
        """Read the stored settings (also: discard unsaved changes)."""
        self.ctx.run(lambda _m: self.ctx.branch.current(), self._show, self._failed)

    def _show(self, current: BranchSettings) -> None:
        self.loaded = current
        self.branch_name.setText(current.branch_name)
        self.printer_url.setText(current.printer_url)
        for code, box in self.languages.items():
            box.setChecked(code in current.languages)
        self.default_language.setCurrentIndex(
            max(0, self.default_language.findData(current.default_language))
        )
        for key, number in self.numbers.items():
            number.setValue(int(getattr(current, key)))
        for name, box in self.sections.items():
            box.setChecked(name not in current.hidden_ticket_sections)
        self._clear_messages()

    def values(self) -> dict[str, Any]:
        return {
            "branch_name": self.branch_name.text().strip(),
            "languages": tuple(c for c, box in self.languages.items() if box.isChecked()),
            "default_language": self.default_language.currentData(),
            **{key: number.value() for key, number in self.numbers.items()},
            "hidden_ticket_sections": tuple(
                s for s, box in self.sections.items() if not box.isChecked()
            ),
            "printer_url": self.printer_url.text().strip(),
        }

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        self._clear_messages()
        changes = self.values()
        self.ctx.run(lambda m: self.ctx.branch.update(m, **changes), self._saved, self._refused)

    def _saved(self, saved: BranchSettings) -> None:
        self._show(saved)
        self.set_status(self.loc.tr("The settings were saved."), "success")
        self.settings_did_change.emit(saved)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, SettingsRejected):
            self._failed(error)
            return
        for name, msgid in error.problems:
            field = self.fields.get(name)
            if field is not None:
                field.set_message(self.loc.tr(msgid))
        self.set_status(self.loc.tr("Not saved. Please check the fields marked below."), "warning")

    # -- test print ------------------------------------------------------------------------
    def test_print(self) -> None:
        from pydantic import ValidationError

        from kiosk.settings import PrinterSection
        from printing.job import TicketPrinter, TicketSections

        self._clear_messages()
        if not self.ctx.is_manager:  # printing has no domain check of its own
            self.set_status(self.loc.tr("Only a manager can do this."), "warning")
            return
        machine = self.ctx.settings
        try:
            section = PrinterSection.model_validate(
                {**machine.printer.model_dump(), "url": self.printer_url.text().strip()}
            )
        except ValidationError:
            self.fields["printer_url"].set_message(self.loc.tr("This value cannot be used."))
            return
        shown = {name: box.isChecked() for name, box in self.sections.items()}
        printer = TicketPrinter(
            section,
            machine.kiosk.data_dir,
            self.ctx.catalogs,
            self.ctx.zone,
            TicketSections(**shown),
        )
        branch, locale = self.branch_name.text().strip(), self.loc.locale
        self.test_print_button.setEnabled(False)
        self.set_status(self.loc.tr("Printing a test page…"), "success")
        self.ctx.run(
            lambda _m: printer.print_test_page(branch, locale), self._printed, self._print_failed
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        from printing.job import problem_message

        self.test_print_button.setEnabled(True)
        if outcome.printed:
            text = self.loc.tr("The test page was printed.")
            if outcome.preview_png is not None:
                text += "\n" + self.loc.tr("Preview: {path}").format(path=str(outcome.preview_png))
            self.set_status(text, "success")
        else:
            problem = outcome.problem
            text = problem_message(problem, self.loc) if problem else self.loc.tr("Not printed.")
            self.set_status(self.loc.tr("The test page was not printed.") + "\n" + text, "warning")

    def _print_failed(self, error: BaseException) -> None:
        self.test_print_button.setEnabled(True)
        self._failed(error)

    # -- messages and texts ----------------------------------------------------------------
    def _clear_messages(self) -> None:
        self.set_status("", "success")
        for field in self.fields.values():
            field.set_message("")

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.save_button.setText(loc.tr("Save"))
        self.discard_button.setText(loc.tr("Discard changes"))
        self.test_print_button.setText(loc.tr("Test print"))
        titles = {
            "branch_name": loc.tr("Branch name"),
            "languages": loc.tr("Languages offered"),
            "default_language": loc.tr("Language each customer starts in"),
            "printer_url": loc.tr(
                "Printer (preview, tcp://host:port, usb://…, serial://…, file://…, cups://…)"
            ),
            "hidden_ticket_sections": loc.tr("Printed on the ticket"),
            **{key: loc.tr(msgid) for key, msgid in NUMBERS.items()},
        }
        for key, text in titles.items():
            self.fields[key].set_title(text)
        for code, box in self.languages.items():
            box.setText(ENDONYMS[code])
        for name, box in self.sections.items():
            box.setText(loc.tr(SECTION_LABELS[name]))

    def wipe(self) -> None:
        self.loaded = None
        self.branch_name.clear()
        self.printer_url.clear()
        for box in (*self.languages.values(), *self.sections.values()):
            box.setChecked(False)
        for number in self.numbers.values():
            number.setValue(0)
        self.default_language.setCurrentIndex(0)
        self.test_print_button.setEnabled(True)
        self._clear_messages()
