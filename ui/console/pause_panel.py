"""Pause a service (with a reason and an alternative for customers) or resume it.

Customers read the reason and the alternative in their own language, so each
is a preset translated into every language, or (typed by staff) the same text
in every language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import LOCALES, N_, Catalogs, Localizer
from ui.common.touch import guard_value
from ui.common.widgets import identify, label, make_button

REASONS = (
    N_("Temporarily unavailable"),
    N_("System maintenance"),
    N_("Closed for the rest of today"),
)
ALTERNATIVES = (
    "",
    N_("Please ask at the enquiry counter."),
    N_("Please use online banking or the mobile app."),
    N_("Please come back tomorrow."),
)


class PausePanel(QWidget):
    pause_requested = Signal(str, object, object)
    """Service slug, reason and alternative (``{locale: text}`` or None; no reason: resume)."""
    cancelled = Signal()

    def __init__(self, catalogs: Catalogs) -> None:
        super().__init__()
        self._catalogs = catalogs
        self._catalogue: Catalogue | None = None
        self._loc: Localizer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = label("subtitle")
        identify(self.title, "console.pause_title")
        layout.addWidget(self.title)
        self.service = QComboBox()
        self.reason = QComboBox()
        self.alternative = QComboBox()
        self.labels: dict[str, QLabel] = {}
        for name, combo in (
            ("service", self.service),
            ("reason", self.reason),
            ("alternative", self.alternative),
        ):
            identify(combo, f"console.pause_{name}")
            guard_value(combo)
            caption = label()
            identify(caption, f"console.pause_{name}_label")
            caption.setBuddy(combo)
            self.labels[name] = caption
            layout.addWidget(caption)
            layout.addWidget(combo)
        for combo, name in ((self.reason, "reason"), (self.alternative, "alternative")):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            edit = combo.lineEdit()
            assert edit is not None  # an editable combo box has one
            identify(edit, f"console.pause_{name}_text")
            edit.setMaxLength(120)
            edit.textChanged.connect(lambda _t: self._update())
        self.state = label("muted")
        identify(self.state, "console.pause_state")
        layout.insertWidget(3, self.state)
        self.service.currentIndexChanged.connect(lambda _i: self._update())
        layout.addStretch(1)
        row = QHBoxLayout()
        self.cancel = make_button("console.pause_cancel", self)
        self.confirm = make_button("console.pause_confirm", self, role="primary")
        self.cancel.clicked.connect(self.cancelled)
        self.confirm.clicked.connect(self._confirm)
        row.addWidget(self.cancel)
        row.addWidget(self.confirm)
        layout.addLayout(row)

    # -- data ------------------------------------------------------------------------------
    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue
        self._fill_services()
        self._update()

    def selected_slug(self) -> str | None:
        slug = self.service.currentData(Qt.ItemDataRole.UserRole)
        return slug if isinstance(slug, str) else None

    def select_service(self, slug: str) -> None:
        index = self.service.findData(slug, Qt.ItemDataRole.UserRole)
        if index >= 0:
            self.service.setCurrentIndex(index)

    def _paused(self) -> bool:
        slug = self.selected_slug()
        if self._catalogue is None or slug is None:
            return False
        return self._catalogue.service(slug).pause is not None

    def _texts(self, combo: QComboBox) -> dict[str, str] | None:
        """Every language's text: the preset's translations, or what staff typed."""
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
        msgid = combo.itemData(index, Qt.ItemDataRole.UserRole) if index >= 0 else None
        if isinstance(msgid, str) and msgid:
            return {code: self._catalogs.localizer(code).tr(msgid) for code in LOCALES}
        return dict.fromkeys(LOCALES, text)

    def _confirm(self) -> None:
        slug = self.selected_slug()
        if slug is None:
            return
        if self._paused():
            self.pause_requested.emit(slug, None, None)
        elif (reason := self._texts(self.reason)) is not None:
            self.pause_requested.emit(slug, reason, self._texts(self.alternative))

    # -- texts -----------------------------------------------------------------------------
    def _fill_services(self) -> None:
        loc = self._loc
        if loc is None:
            return
        chosen = self.selected_slug()
        self.service.blockSignals(True)
        self.service.clear()
        for service in self._catalogue.active_services if self._catalogue else []:
            self.service.addItem(loc.text(service.name), service.slug)
        self.service.blockSignals(False)
        if chosen is not None:
            self.select_service(chosen)

    @staticmethod
    def _fill_presets(combo: QComboBox, presets: tuple[str, ...], loc: Localizer) -> None:
        typed = combo.currentText() if combo.findText(combo.currentText()) < 0 else ""
        combo.clear()
        for msgid in presets:
            combo.addItem(loc.tr(msgid) if msgid else "", msgid)
        combo.setCurrentIndex(0)
        if typed:
            combo.setEditText(typed)

    def _update(self) -> None:
        loc = self._loc
        if loc is None:
            return
        slug = self.selected_slug()
        paused = self._paused()
        if slug is None or self._catalogue is None:
            self.state.setText("")
        elif paused:
            pause = self._catalogue.service(slug).pause
            reason = loc.text(pause.reason) if pause else ""
            self.state.setText(loc.tr("Paused: {reason}").format(reason=reason))
        else:
            self.state.setText(loc.tr("Taking tickets"))
        self.state.setAccessibleName(self.state.text())
        for combo in (self.reason, self.alternative):
            combo.setEnabled(not paused)
        self.confirm.setText(
            loc.tr("Resume this service") if paused else loc.tr("Pause this service")
        )
        self.confirm.setEnabled(
            slug is not None and (paused or bool(self.reason.currentText().strip()))
        )

    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Pause or resume a service"))
        captions = {
            "service": loc.tr("Service"),
            "reason": loc.tr("Reason customers see"),
            "alternative": loc.tr("What customers can do instead (optional)"),
        }
        for name, text in captions.items():
            self.labels[name].setText(text)
        for combo, name in (
            (self.service, "service"),
            (self.reason, "reason"),
            (self.alternative, "alternative"),
        ):
            combo.setAccessibleName(captions[name])
            edit = combo.lineEdit()
            if edit is not None:
                edit.setAccessibleName(captions[name])
        self._fill_services()
        self._fill_presets(self.reason, REASONS, loc)
        self._fill_presets(self.alternative, ALTERNATIVES, loc)
        self.cancel.setText(loc.tr("Cancel"))
        self._update()
