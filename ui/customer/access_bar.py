"""The accessibility bar on every customer screen: text size, the seated layout, and
room for more controls (the "read aloud" control ``a11y.speak`` goes first).

- ``a11y.text_size`` ("Aa"): each touch steps the text up (normal, ×1.25, ×1.5) and
  back to normal; its text says the size in force.
- ``a11y.seated``: the seated (low-reach) layout on or off.

Every bar on every screen shows the same choices: they live in one
:class:`~ui.customer.access.AccessChoices`, and each bar follows its signals.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common.flow_layout import FlowLayout
from ui.common.language import Language
from ui.common.text_size import TEXT_STEPS
from ui.common.widgets import KioskButton, identify, make_button
from ui.customer.access import AccessChoices


class AccessBar(QWidget):
    def __init__(
        self, language: Language, choices: AccessChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        identify(self, "a11y.bar")
        self._language = language
        self._choices = choices
        self.row = FlowLayout(self)  # wraps on a narrow column or with large text
        self.text_size = self._button("a11y.text_size")
        self.text_size.clicked.connect(choices.next_text_step)
        self.seated = self._button("a11y.seated")
        self.seated.setCheckable(True)  # shown filled when on; screen readers say "checked"
        self.seated.toggled.connect(choices.set_seated)
        choices.text_step_did_change.connect(lambda _step: self.retranslate())
        choices.seated_did_change.connect(lambda _on: self.retranslate())
        language.language_did_change.connect(lambda _loc: self.retranslate())
        self.retranslate()

    def _button(self, name: str) -> KioskButton:
        button = make_button(name, self, role="small")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.row.addWidget(button)
        return button

    def add_control(self, control: QWidget, index: int = 0) -> None:
        """Another accessibility control in the bar (``a11y.speak`` goes first)."""
        self.row.insertWidget(index, control)

    def retranslate(self) -> None:
        loc = self._language.loc
        percent = round(TEXT_STEPS[self._choices.text_step] * 100)
        self.text_size.setText(loc.tr("Aa {percent}%").format(percent=loc.number(percent)))
        self.text_size.setAccessibleDescription(loc.tr("Text size: touch to change"))
        on = self._choices.seated
        if self.seated.isChecked() != on:
            self.seated.setChecked(on)
        self.seated.setText(loc.tr("Seated"))
        self.seated.setAccessibleDescription(
            loc.tr("Puts everything to touch within reach from a wheelchair")
        )
