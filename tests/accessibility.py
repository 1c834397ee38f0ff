"""The accessibility rules every interactive control keeps, checked the same way for
the kiosk, the admin panel and the console."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget

from ui.common.theme import MIN_TOUCH_PX


def _prefixes(name_prefix: str | tuple[str, ...]) -> tuple[str, ...]:
    return (name_prefix,) if isinstance(name_prefix, str) else name_prefix


def widget_problems(
    widget: QWidget, root: QWidget, name_prefix: str | tuple[str, ...] = ""
) -> list[str]:
    """objectName == accessible identifier; a button's accessible name (also what a
    screen reader hears) == its text; other controls have an accessible name; a
    visible control is at least MIN_TOUCH_PX in both directions."""
    problems = []
    name = widget.objectName()
    where = f"{type(widget).__name__} '{name}'"
    if not name or not name.startswith(name_prefix):
        problems.append(
            f"{where}: no {' or '.join(p + '*' for p in _prefixes(name_prefix))} objectName"
            if name_prefix
            else f"{where}: no objectName"
        )
    if widget.accessibleIdentifier() != name:
        problems.append(f"{where}: accessible identifier {widget.accessibleIdentifier()!r}")
    if isinstance(widget, QAbstractButton):
        text = widget.text()
        if not text:
            problems.append(f"{where}: no text")
        if widget.accessibleName() != text:
            problems.append(f"{where}: accessible name {widget.accessibleName()!r} != {text!r}")
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and interface.text(QAccessible.Text.Name) != text:
            problems.append(
                f"{where}: screen readers hear {interface.text(QAccessible.Text.Name)!r}"
            )
    elif not widget.accessibleName():
        problems.append(f"{where}: no accessible name")
    if widget.isVisibleTo(root) and min(widget.width(), widget.height()) < MIN_TOUCH_PX:
        problems.append(f"{where}: {widget.width()}×{widget.height()} px is too small to touch")
    return problems
