"""What the counter's side panels share: a titled column (``titled_column``), a
scrolling list of one button per service (``ServiceList``), and a panel to choose one
of several options with a short line of text (``ChoicePanel``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalogue.model import Catalogue, Service
from kiosk.i18n import Localizer
from ui.common.widgets import (
    HintButton,
    KioskButton,
    clear_layout,
    identify,
    label,
    make_button,
    scroll_area,
)


def titled_column(panel: QWidget, title_name: str) -> tuple[QVBoxLayout, QLabel]:
    """The panel's column, with its title (``title_name``) on top."""
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    title = label("subtitle")
    identify(title, title_name)
    layout.addWidget(title)
    return layout, title


class ServiceList:
    """A scrolling list of one button per service (``<prefix><slug>``), added to ``layout``."""

    def __init__(self, panel: QWidget, layout: QVBoxLayout, prefix: str) -> None:
        self._panel, self._prefix = panel, prefix
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(8)
        layout.addWidget(scroll_area(holder), 1)
        self.buttons: dict[str, HintButton] = {}

    def fill(
        self,
        catalogue: Catalogue | None,
        shown: Callable[[Service], bool],
        pressed: Callable[[str], object],
        loc: Localizer,
        hint: Callable[[Service], str] = lambda _: "",
    ) -> dict[str, HintButton]:
        """The active services for which ``shown`` holds, each with its ``hint``;
        ``pressed`` gets the slug."""
        clear_layout(self.list)
        self.buttons = {}
        for service in catalogue.active_services if catalogue else []:
            if not shown(service):
                continue
            button = HintButton(f"{self._prefix}{service.slug}", parent=self._panel)
            button.setText(loc.text(service.name))
            button.set_hint(hint(service))
            button.clicked.connect(lambda _=False, s=service.slug: pressed(s))
            self.list.addWidget(button)
            button.show()
            self.buttons[service.slug] = button
        self.list.addStretch(1)
        return self.buttons


class ChoicePanel(QWidget):
    """A title, checkable choices two a row (``choice_names``: key → objectName) and a
    short line of text, scrolling together on a short screen, then Cancel and a confirm
    button that is on once a choice is made. Subclasses emit what was chosen."""

    def __init__(
        self,
        title_name: str,
        choice_names: Iterable[tuple[str, str]],
        line_name: str,
        line_max: int,
        cancel_name: str,
        confirm_name: str,
    ) -> None:
        super().__init__()
        layout, self.title = titled_column(self, title_name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: dict[str, KioskButton] = {}
        body = QWidget()  # scrolls on a short screen; the buttons below stay in sight
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, (key, name) in enumerate(choice_names):
            button = make_button(name, self, role="check")
            button.setCheckable(True)
            self.group.addButton(button)
            grid.addWidget(button, index // 2, index % 2)
            self.choices[key] = button
        column.addLayout(grid)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.line_label = label()
        identify(self.line_label, f"{line_name}_label")
        self.line = QLineEdit()
        identify(self.line, line_name)
        self.line.setMaxLength(line_max)
        self.line_label.setBuddy(self.line)
        column.addWidget(self.line_label)
        column.addWidget(self.line)
        column.addStretch(1)
        layout.addWidget(scroll_area(body), 1)
        row = QHBoxLayout()
        self.cancel = make_button(cancel_name, self)
        self.confirm = make_button(confirm_name, self, role="primary")
        self.confirm.clicked.connect(self._confirm)
        row.addWidget(self.cancel)
        row.addWidget(self.confirm)
        layout.addLayout(row)
        self._update()

    def chosen(self) -> str | None:
        return next((k for k, b in self.choices.items() if b.isChecked()), None)

    def clear_choice(self) -> None:
        """No choice and an empty line."""
        self.group.setExclusive(False)
        for button in self.choices.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.line.clear()
        self._update()

    def _confirm(self) -> None:
        choice = self.chosen()
        if choice is not None:
            self.confirmed(choice, self.line.text())

    def confirmed(self, choice: str, line: str) -> None:
        raise NotImplementedError

    def _update(self) -> None:
        self.confirm.setEnabled(self.chosen() is not None)

    def set_line_label(self, text: str) -> None:
        self.line_label.setText(text)
        self.line.setAccessibleName(text)
