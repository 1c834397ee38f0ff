"""The catalogue editor (managers): services and questionnaire, save, import, export.

Save validates first with the domain's own rules (pydantic models, then the
cross-reference rules) and lists each problem in plain words above the form and
next to its field; nothing is stored until the catalogue is sound. A save goes
through :meth:`CatalogueAdmin.replace`, which audits it (old → new) and bumps
the catalogue version that every kiosk of the branch watches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.access import StaffMember
from kiosk.catalogue.loader import CatalogueError
from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.validate import catalogue_warnings
from kiosk.catalogue_admin import CatalogueChanged, CatalogueRejected
from ui.admin.catalogue_draft import draft_from, validate
from ui.admin.common import AdminPage, button, message_label, show_message
from ui.admin.context import AdminContext
from ui.admin.files import open_file_dialog
from ui.admin.problem_words import Problem, rule_problems
from ui.admin.questionnaire_view import QuestionnaireView
from ui.admin.services_view import ServicesView
from ui.common.widgets import label, scroll_area, set_current


def _empty_draft() -> dict[str, Any]:
    return {"services": [], "questionnaire": {"start": "", "questions": []}}


class CataloguePage(AdminPage):
    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.draft: dict[str, Any] = _empty_draft()
        self.loaded = False
        self.version = -1
        self.opened: Catalogue | None = None  # as read, for the pauses the edit leaves alone
        self.problems: list[Problem] = []
        self._status = ""
        layout = self.page_column()
        tabs = QHBoxLayout()
        self.show_services_button = button("admin.catalogue.show_services", role="segment")
        self.show_questionnaire_button = button(
            "admin.catalogue.show_questionnaire", role="segment"
        )
        self.show_services_button.clicked.connect(lambda: self.show_view(0))
        self.show_questionnaire_button.clicked.connect(lambda: self.show_view(1))
        for widget in (self.show_services_button, self.show_questionnaire_button):
            tabs.addWidget(widget)
        layout.addLayout(tabs)
        actions = QHBoxLayout()
        self.save_button = button("admin.catalogue.save", role="primary")
        self.discard_button = button("admin.catalogue.discard")
        self.import_button = button("admin.catalogue.import")
        self.export_button = button("admin.catalogue.export")
        for widget in (
            self.save_button,
            self.discard_button,
            self.import_button,
            self.export_button,
        ):
            actions.addWidget(widget)
        layout.addLayout(actions)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.reload)
        self.import_button.clicked.connect(self.ask_import)
        self.export_button.clicked.connect(self.ask_export)
        self.status = message_label("success")
        layout.addWidget(self.status)
        self.problem_box = QFrame()
        self.problem_box.setProperty("role", "warning")
        box = QVBoxLayout(self.problem_box)
        self.problem_title = label("subtitle")
        self.problem_list = label()
        box.addWidget(self.problem_title)
        box.addWidget(self.problem_list)
        self.problem_box.hide()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 12, 0)
        body_layout.addWidget(self.problem_box)
        self.view = 0
        self.services = ServicesView(lambda: self.draft["services"])
        self.questionnaire = QuestionnaireView(lambda: self.draft)
        self.questionnaire.hide()
        body_layout.addWidget(self.services)
        body_layout.addWidget(self.questionnaire)
        body_layout.addStretch(1)
        layout.addWidget(scroll_area(body), 1)
        self.retranslate()

    def title(self) -> str:
        return self.loc.tr("Catalogue")

    # -- loading ---------------------------------------------------------------------------
    def enter(self) -> None:
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        """Read the stored catalogue (also: discard unsaved changes)."""
        store = self.ctx.catalogue
        self.ctx.run(lambda _m: (store.version(), store.current()), self._loaded, self._failed)

    def _loaded(self, loaded: tuple[int, Catalogue]) -> None:
        self.version, catalogue = loaded
        self.opened = catalogue
        self.draft = draft_from(catalogue)
        self.loaded = True
        self._show_problems([])
        self.services.reload(max(0, self.services.current))
        self.questionnaire.reload(max(0, self.questionnaire.current))

    def show_view(self, index: int) -> None:
        self.store()
        if index == 1:
            self.questionnaire.reload(max(0, self.questionnaire.current))
        else:
            self.services.reload(max(0, self.services.current))
        self.view = index
        self.services.setVisible(index == 0)
        self.questionnaire.setVisible(index == 1)
        set_current(self.show_services_button, index == 0)
        set_current(self.show_questionnaire_button, index == 1)

    def store(self) -> None:
        """Put what is in the forms into the draft."""
        self.services.store()
        self.questionnaire.store()

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        self.store()
        self._set_status("")
        catalogue, problems = validate(self.draft, self.loc)
        if catalogue is None:
            self._show_problems(problems)
            return
        self._show_problems([])
        store, opened, base = self.ctx.catalogue, self.version, self.opened

        def replace(member: StaffMember) -> int:
            # saved meanwhile on another kiosk: the domain refuses to overwrite it
            return store.replace(member, catalogue, expected_version=opened, opened_from=base)

        # allowed, but said: e.g. two questions with the same words
        warnings = rule_problems(catalogue_warnings(catalogue), self.draft, self.loc)
        saved = self.loc.tr("The catalogue was saved. Every kiosk of the branch uses it now.")
        self.ctx.run(
            replace,
            lambda _version: self._stored("\n".join([saved, *(w.text for w in warnings)])),
            self._refused,
        )

    def _stored(self, message: str) -> None:
        self._set_status(message)
        self.reload()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, CatalogueChanged):
            line = self.loc.tr(
                "The catalogue was changed on another kiosk since you opened it, so your"
                " changes were not saved. Note them, press “Discard changes” and make them again."
            )
            self._show_problems([Problem((), line, "")])
        elif isinstance(error, CatalogueRejected):
            self._show_problems(rule_problems(error.problems, self.draft, self.loc))
        elif isinstance(error, CatalogueError):
            self._show_problems([Problem((), line, "") for line in error.problems])
        else:
            self._show_problems([Problem((), line, "") for line in self.ctx.error_lines(error)])

    def _failed(self, error: BaseException) -> None:
        self._show_problems([Problem((), line, "") for line in self.ctx.error_lines(error)])

    # -- import and export -----------------------------------------------------------------
    def _directory(self) -> Path:
        return self.ctx.settings.kiosk.data_dir

    def ask_import(self) -> None:
        open_file_dialog(
            self,
            self.loc.tr("Import catalogue (YAML)"),
            self.loc.tr("Catalogue files (*.yaml *.yml)"),
            self.import_files,
            directory=self._directory(),
        )

    def import_files(self, paths: list[Path]) -> None:
        self._set_status("")
        self.ctx.run(
            lambda m: self.ctx.catalogue.import_files(m, paths),
            lambda _version: self._stored(self.loc.tr("The catalogue was imported and saved.")),
            self._refused,
        )

    def ask_export(self) -> None:
        open_file_dialog(
            self,
            self.loc.tr("Export catalogue (YAML)"),
            self.loc.tr("Catalogue files (*.yaml *.yml)"),
            lambda paths: self.export_to(paths[0]),
            directory=self._directory(),
            save_as="catalogue.yaml",
        )

    def export_to(self, path: Path) -> None:
        catalogue = self.ctx.catalogue

        def export(member: Any) -> Path:
            path.write_text(catalogue.export_yaml(member), encoding="utf-8")
            return path

        self.ctx.run(
            export,
            lambda written: self._set_status(
                self.loc.tr("Exported to {path}").format(path=str(written))
            ),
            self._refused,
        )

    # -- messages --------------------------------------------------------------------------
    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        if problems:
            self.problem_title.setText(self.loc.tr("Not saved. Please fix these first:"))
            self.problem_list.setText("\n".join(f"• {p.text}" for p in problems))
        self.problem_box.setVisible(bool(problems))
        self.services.show_problems(problems)
        self.questionnaire.show_problems(problems)

    def _set_status(self, text: str) -> None:
        self._status = text
        show_message(self.status, text, "success")

    @property
    def status_text(self) -> str:
        return self._status

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        self.show_services_button.setText(loc.tr("Services"))
        self.show_questionnaire_button.setText(loc.tr("Questionnaire"))
        self.save_button.setText(loc.tr("Save"))
        self.discard_button.setText(loc.tr("Discard changes"))
        self.import_button.setText(loc.tr("Import YAML"))
        self.export_button.setText(loc.tr("Export YAML"))
        set_current(self.show_services_button, self.view == 0)
        set_current(self.show_questionnaire_button, self.view == 1)
        self.services.retranslate(loc)
        self.questionnaire.retranslate(loc)
        if self.problems:
            self._show_problems(self.problems)

    def wipe(self) -> None:
        self.draft = _empty_draft()
        self.loaded = False
        self.version = -1
        self.opened = None
        self._show_problems([])
        self._set_status("")
        self.services.reload()
        self.questionnaire.reload()
        self.show_view(0)
