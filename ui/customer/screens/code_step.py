"""Typing a code on a customer screen: the prompt, the code as typed, its message and
the button that looks it up, beside the keypad in landscape and above it in portrait,
with the camera's picture beside the code where a camera is set up. The rating
screen (a ticket's code) and the list return (a bring-list's code) both use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.widgets import identify, label, make_button
from ui.customer.screens.code_keypad import CodeKeypad

if TYPE_CHECKING:
    from ui.customer.screens.feedback_scan import CodeScan


@dataclass(frozen=True)
class CodeStep:
    prompt: QLabel
    display: QLabel
    message: QLabel
    find_button: QPushButton
    keypad: CodeKeypad


def build_code_step(
    split: QBoxLayout,
    parent: QWidget,
    name: str,
    display_role: str,
    scan: CodeScan | None,
    *,
    find: Callable[[], None],
    typed: Callable[[str], None],
    back: Callable[[], None],
    clear: Callable[[], None],
) -> CodeStep:
    """Fill ``split`` (a screen's two-way split); controls are named ``{name}.code``,
    ``{name}.message`` and ``{name}.find``."""
    split.setSpacing(32)
    layout = QVBoxLayout()
    layout.setSpacing(20)
    split.addLayout(layout, 1)
    prompt = label("subtitle")
    layout.addWidget(prompt)
    number = QVBoxLayout()
    number.setSpacing(20)
    display = label(display_role, wrap=False)
    identify(display, f"{name}.code")
    display.setAlignment(Qt.AlignmentFlag.AlignCenter)
    number.addWidget(display)
    message = label("warning")
    identify(message, f"{name}.message")
    message.hide()
    number.addWidget(message)
    find_button = make_button(f"{name}.find", parent, role="primary")
    find_button.clicked.connect(find)
    number.addWidget(find_button)
    if scan is None:
        layout.addLayout(number)
    else:  # the camera's picture beside the code: the keypad stays where it was
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(number, 1)
        row.addWidget(scan.panel, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(scan.hint)
    layout.addStretch(1)
    keypad = CodeKeypad(parent)
    keypad.key_pressed.connect(typed)
    keypad.back_pressed.connect(back)
    keypad.clear_pressed.connect(clear)
    split.addWidget(keypad, 1)
    return CodeStep(prompt, display, message, find_button, keypad)
