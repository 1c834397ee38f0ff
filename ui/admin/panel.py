"""The admin panel: a left-hand navigation, the pages, sign-out and the idle logout.

Open it from the staff home with the signed-in member::

    panel = AdminPanel(db=db, settings=settings, language=language, member=member,
                       worker=worker, clock=clock, theme=theme)
    panel.admin_did_close.connect(...)      # back to the staff home, still signed in
    panel.admin_did_sign_out.connect(...)   # signed out (button, idle, or lost rights)

Staff see only the visit records; managers also see staff, counters, catalogue, settings
and the audit trail. Hiding is not the guard: every manager action is refused by
the domain too. After sign-out the panel is wiped and inert; build a new one for
the next sign-in.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.access import ROLE_LABELS
from kiosk.clock import Clock, utc_now
from kiosk.i18n import ENDONYMS, LOCALES, N_
from ui.admin.assessment_page import AssessmentPage
from ui.admin.audit_page import AuditPage
from ui.admin.calls_page import CallsPage
from ui.admin.catalogue_page import CataloguePage
from ui.admin.common import AdminPage, button
from ui.admin.complaints_page import ComplaintsPage
from ui.admin.context import AdminContext
from ui.admin.counters_page import CountersPage
from ui.admin.dashboard_page import DashboardPage
from ui.admin.idle import AdminIdleGuard
from ui.admin.messages_page import MessagesPage
from ui.admin.settings_page import SettingsPage
from ui.admin.staff_page import StaffPage
from ui.admin.style import admin_stylesheet
from ui.admin.visits_page import VisitsPage
from ui.common.keyboard import KeyboardDock, offer_languages
from ui.common.theme import STANDARD
from ui.common.widgets import KioskButton, label, scroll_area, set_current
from ui.common.worker import Worker

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.branch_settings import BranchSettings
    from kiosk.complaints import NotifyResolution
    from kiosk.db.database import Database
    from kiosk.i18n import Catalogs, Localizer
    from kiosk.settings import Settings
    from ui.common.language import Language
    from ui.common.theme import Theme

DEFAULT_IDLE_SECONDS = 60
NAV = (
    ("visits", N_("Visits")),
    ("dashboard", N_("Dashboard")),
    ("assessment", N_("Assessment")),
    ("calls", N_("Phone survey")),
    ("messages", N_("Texts")),
    ("staff", N_("Staff")),
    ("counters", N_("Counters")),
    ("catalogue", N_("Catalogue")),
    ("settings", N_("Settings")),
    ("audit", N_("Audit trail")),
    ("complaints", N_("Complaints")),
)
NAV_WIDTH = 290


_log = logging.getLogger(__name__)


class AdminPanel(QWidget):
    admin_did_close = Signal()
    """The member left admin mode and is still signed in (back to the staff home)."""
    admin_did_sign_out = Signal()
    """The member was signed out: by the button, the idle timeout, or losing their rights."""

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        language: Language,
        member: StaffMember,
        worker: Worker | None = None,
        clock: Clock = utc_now,
        catalogs: Catalogs | None = None,
        theme: Theme | None = None,
        idle_ms: int | None = None,
        notify_resolution: NotifyResolution | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("admin.panel")
        self.worker = worker or Worker()
        self.ctx = AdminContext(
            db=db,
            settings=settings,
            language=language,
            member=member,
            worker=self.worker,
            clock=clock,
            catalogs=catalogs,
        )
        self.ctx.notify_resolution = notify_resolution
        self.language = language
        self._theme = theme
        self._idle_injected = idle_ms is not None
        self.signed_out = False
        self.idle = AdminIdleGuard(self, idle_ms or DEFAULT_IDLE_SECONDS * 1000)
        self.idle.idle_did_expire.connect(lambda: self.sign_out("idle"))

        self.body = QWidget()
        self.body.setObjectName("adminBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)
        self.keyboard_dock = KeyboardDock(self)  # the on-screen keyboard opens below
        outer.addWidget(self.keyboard_dock)
        offer_languages(language.locale)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_nav())
        self.stack = QStackedWidget()
        self.stack.setContentsMargins(16, 8, 8, 8)
        row.addWidget(self.stack, 1)
        staff_page = StaffPage(self.ctx)
        settings_page = SettingsPage(self.ctx)
        self.pages: dict[str, AdminPage] = {
            "visits": VisitsPage(self.ctx),
            "dashboard": DashboardPage(self.ctx),
            "assessment": AssessmentPage(self.ctx),
            "calls": CallsPage(self.ctx),
            "messages": MessagesPage(self.ctx),
            "staff": staff_page,
            "counters": CountersPage(self.ctx),
            "catalogue": CataloguePage(self.ctx),
            "settings": settings_page,
            "audit": AuditPage(self.ctx),
            "complaints": ComplaintsPage(self.ctx),
        }
        self._holders: dict[str, QWidget] = {}
        for name, page in self.pages.items():
            scrolled = ("staff", "counters", "visits", "audit", "dashboard", "assessment")
            holder = (
                scroll_area(page)
                if name in (*scrolled, "complaints", "calls", "messages")
                else page
            )
            self._holders[name] = holder
            self.stack.addWidget(holder)
            self.nav_buttons[name].setVisible(self.ctx.is_manager or not page.manager_only)
        staff_page.own_access_did_change.connect(lambda: self.sign_out("own_access_changed"))
        settings_page.settings_did_change.connect(self._settings_changed)
        self.current = ""
        language.language_did_change.connect(self._language_changed)
        if theme is not None:
            theme.theme_did_change.connect(self._restyle)
        self._restyle()
        self.retranslate()
        self.show_page("visits")
        self.idle.start()
        if not self._idle_injected:
            self.ctx.run(
                lambda _m: self.ctx.branch.current(),
                self._settings_changed,
                lambda error: _log.warning("the admin idle time was not read: %s", error),
            )

    def _build_nav(self) -> QFrame:
        nav = QFrame()
        nav.setObjectName("adminNav")
        nav.setFixedWidth(NAV_WIDTH)
        column = QVBoxLayout(nav)
        column.setContentsMargins(14, 14, 14, 14)
        column.setSpacing(8)
        self.heading = label("subtitle")
        self.signed_in = label("muted")
        column.addWidget(self.heading)
        column.addWidget(self.signed_in)
        self.nav_buttons: dict[str, KioskButton] = {}
        pages = QWidget()
        pages.setObjectName("adminNavPages")
        page_column = QVBoxLayout(pages)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.setSpacing(8)
        for name, _msgid in NAV:
            nav_button = button(f"admin.nav.{name}", role="nav")
            nav_button.clicked.connect(lambda _=False, n=name: self.show_page(n))
            page_column.addWidget(nav_button)
            self.nav_buttons[name] = nav_button
        page_column.addStretch(1)
        # the pages scroll on a short screen; language, close and sign-out stay in sight
        column.addWidget(scroll_area(pages), 1)
        languages = QHBoxLayout()
        languages.setSpacing(6)
        self.language_buttons: dict[str, KioskButton] = {}
        for code in self.language.offered:
            lang_button = button(f"admin.lang.{code}", role="lang")
            lang_button.setText(ENDONYMS.get(code, code))
            lang_button.setStyleSheet("padding: 2px 4px; font-size: 18px;")
            lang_button.clicked.connect(lambda _=False, c=code: self.language.set_locale(c))
            languages.addWidget(lang_button)
            self.language_buttons[code] = lang_button
        column.addLayout(languages)
        self.close_button = button("admin.close")
        self.close_button.clicked.connect(self.close_panel)
        self.sign_out_button = button("admin.sign_out", role="primary")
        self.sign_out_button.clicked.connect(lambda: self.sign_out("button"))
        column.addWidget(self.close_button)
        column.addWidget(self.sign_out_button)
        return nav

    @property
    def loc(self) -> Localizer:
        return self.language.loc

    # -- pages -----------------------------------------------------------------------------
    def show_page(self, name: str) -> bool:
        """Show a page; refused (False) after sign-out and for staff on a manager page."""
        page = self.pages.get(name)
        if page is None or self.signed_out or (page.manager_only and not self.ctx.is_manager):
            return False
        self.current = name
        self.stack.setCurrentWidget(self._holders[name])
        for key, nav_button in self.nav_buttons.items():
            set_current(nav_button, key == name)
        page.enter()
        return True

    def page(self, name: str) -> Any:
        return self.pages[name]

    # -- leaving ---------------------------------------------------------------------------
    def close_panel(self) -> None:
        """Back to the staff home: stop the idle timer, forget what was on screen."""
        self.idle.stop()
        self._wipe()
        self.admin_did_close.emit()

    def sign_out(self, reason: str = "button") -> None:
        """Sign out: wipe every page, drop pending answers, tell the window."""
        if self.signed_out:
            return
        member = self.ctx.member
        self.signed_out = True
        self.idle.stop()
        if member is not None:
            log, actor, target = self.ctx.audit, member.actor, f"staff:{member.number}"
            self.worker.run(
                lambda: log.record(actor, "auth.sign_out", target, {"reason": reason}),
                on_error=lambda error: _log.error(
                    "the sign-out of %s was not audited", target, exc_info=error
                ),
            )
        self.ctx.sign_out()
        self._wipe()
        for nav_button in self.nav_buttons.values():
            nav_button.setVisible(False)
        self.body.setEnabled(False)
        self.retranslate()
        self.admin_did_sign_out.emit()

    def _wipe(self) -> None:
        self.ctx.discard_jobs()
        for dialog in self.findChildren(QFileDialog):
            dialog.reject()
        for page in self.pages.values():
            page.wipe()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.signed_out and not self.idle.timer.isActive():
            self.idle.start()
            if self.current:
                self.pages[self.current].enter()

    # -- settings, language, look ----------------------------------------------------------
    def _settings_changed(self, branch: BranchSettings) -> None:
        if not self._idle_injected and not self.signed_out:
            self.idle.timer.setInterval(branch.admin_idle_seconds * 1000)
            self.idle.touched()

    def _language_changed(self, loc: Localizer) -> None:
        offer_languages(loc.locale)
        self.retranslate()

    def _restyle(self) -> None:
        palette = self._theme.palette if self._theme is not None else STANDARD
        self.body.setStyleSheet(admin_stylesheet(palette))

    def _signed_in_line(self, member: StaffMember) -> str:
        """Name and role, the role said once: a member named after the role (the
        first manager is "Manager" by default) shows just the role, in this language."""
        loc = self.loc
        label = ROLE_LABELS.get(member.role, member.role)
        role = loc.tr(label)
        spellings = {member.role, label, role}
        spellings |= {self.language.catalogs.localizer(code).tr(label) for code in LOCALES}
        if member.name.strip().casefold() in {s.casefold() for s in spellings}:
            return loc.tr("Signed in: {name}").format(name=role)
        return loc.tr("Signed in: {name} · {role}").format(name=member.name, role=role)

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(loc.tr("Admin mode"))
        member = self.ctx.member
        if member is not None:
            self.signed_in.setText(self._signed_in_line(member))
        else:
            self.signed_in.setText(loc.tr("Signed out"))
        for name, msgid in NAV:
            self.nav_buttons[name].setText(loc.tr(msgid))
        for code, lang_button in self.language_buttons.items():
            set_current(lang_button, code == self.language.locale)
        self.close_button.setText(loc.tr("Close admin mode"))
        self.sign_out_button.setText(loc.tr("Sign out"))
        for page in self.pages.values():
            page.retranslate()
