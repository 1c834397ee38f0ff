"""One catalogue text in every language, side by side: English, 简体中文, 繁體中文.

A language left empty is flagged at once (warning colours and a "missing" line)
so a manager sees untranslated text before saving. An optional text (a note, a
hint) may be left empty in every language; then it is simply absent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from kiosk.i18n import ENDONYMS, LOCALES
from ui.admin.common import LongTextEdit, line_edit, message_label, show_message, text_box
from ui.common.theme import repolish
from ui.common.widgets import label

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


_NO_HINTS = Qt.InputMethodHint.ImhNone


def empty_text() -> dict[str, str]:
    return dict.fromkeys(LOCALES, "")


class LocalizedEdit(QWidget):
    def __init__(
        self,
        name: str,
        *,
        optional: bool = False,
        heading: bool = True,
        max_length: int = 400,
        long: bool = False,
    ) -> None:
        """``long``: a sentence or more (a step, a note): edited over several wrapped
        lines; a short text (a name, a label) in one line."""
        super().__init__()
        self.optional = optional
        self.max_length = max_length
        self._title = ""
        self._loc: Localizer | None = None
        self._problems: dict[str, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.heading = label("field")
        grid.addWidget(self.heading, 0, 0, 1, len(LOCALES))
        self.heading.setVisible(heading)
        self.edits: dict[str, QLineEdit | LongTextEdit] = {}
        self.captions: dict[str, QWidget] = {}
        for column, code in enumerate(LOCALES):
            caption = label("hint")
            caption.setText(ENDONYMS[code])
            edit: QLineEdit | LongTextEdit
            edit = text_box(f"{name}.{code}") if long else line_edit(f"{name}.{code}", max_length)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhMultiLine if long else _NO_HINTS)
            edit.textChanged.connect(self._flag)
            grid.addWidget(caption, 1, column)
            grid.addWidget(edit, 2, column)
            grid.setColumnStretch(column, 1)
            self.edits[code] = edit
            self.captions[code] = caption
        self.message = message_label()
        grid.addWidget(self.message, 3, 0, 1, len(LOCALES))

    # -- value -----------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        texts = value if isinstance(value, dict) else {}
        for code, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setText(str(texts.get(code, "") or ""))
            if isinstance(edit, QLineEdit):
                edit.setCursorPosition(0)  # show the start of a long text, not its end
            edit.blockSignals(False)
        self._problems = {}
        self._flag()

    def value(self) -> dict[str, str] | None:
        """Every language's text; ``None`` for an optional text left wholly empty."""
        texts = {code: edit.text().strip() for code, edit in self.edits.items()}
        if self.optional and not any(texts.values()):
            return None
        return texts

    def missing(self) -> list[str]:
        """Locales left empty (none for an optional text that is wholly empty)."""
        texts = {code: edit.text().strip() for code, edit in self.edits.items()}
        if self.optional and not any(texts.values()):
            return []
        return [code for code, text in texts.items() if not text]

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        self._flag()

    # -- problems --------------------------------------------------------------------------
    def show_problem(self, path: tuple[Any, ...], message: str) -> bool:
        """Place a problem whose path is ``(locale,)`` or ``()`` (the whole text)."""
        key = str(path[0]) if path else ""
        if key and key not in self.edits:
            return False
        self._problems[key] = message
        self._flag()
        return True

    def clear_problems(self) -> None:
        self._problems = {}
        self._flag()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, loc: Localizer, title: str) -> None:
        self._loc, self._title = loc, title
        self.heading.setText(title)
        for code, edit in self.edits.items():
            edit.setAccessibleName(f"{title} — {ENDONYMS[code]}")
        self._flag()

    def _flag(self) -> None:
        missing = set(self.missing()) if self.isEnabled() else set()
        too_long = {c for c, e in self.edits.items() if len(e.text()) > self.max_length}
        for code, edit in self.edits.items():
            wrong = code in missing or code in self._problems or code in too_long
            flagged = "true" if wrong else "false"
            if edit.property("missing") != flagged:
                edit.setProperty("missing", flagged)
                repolish(edit)
        loc = self._loc
        if loc is None:
            return
        lines = []
        if missing:
            names = ", ".join(ENDONYMS[c] for c in LOCALES if c in missing)
            lines.append(loc.tr("Missing translation: {languages}").format(languages=names))
        lines += [
            f"{ENDONYMS[code]}: "
            + loc.tr("Too long: at most {n} characters.").format(n=loc.number(self.max_length))
            for code in LOCALES
            if code in too_long
        ]
        lines += [
            f"{ENDONYMS[key]}: {text}" if key else text
            for key, text in self._problems.items()
            if key not in missing  # already said: "missing translation"
        ]
        show_message(self.message, "\n".join(dict.fromkeys(lines)))
