"""File dialogs for import and export, opened without blocking the event loop.

Qt's own (non-native) dialog, read-only: it cannot rename, delete or create
files or folders, so it is no file manager for whoever stands at the kiosk. The
dialog is a child of the admin panel, so the idle logout sees touches in it and
closes it on sign-out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.common.widgets import identify

DIALOG_NAME = "admin.file_dialog"


def open_file_dialog(
    parent: QWidget,
    title: str,
    name_filter: str,
    on_chosen: Callable[[list[Path]], None],
    *,
    directory: Path,
    save_as: str | None = None,
) -> QFileDialog:
    """Ask for files to open (``save_as`` None) or a file to save; answers via ``on_chosen``."""
    for old in parent.findChildren(QFileDialog, DIALOG_NAME):
        old.reject()
    dialog = QFileDialog(parent, title, str(directory), name_filter)
    identify(dialog, DIALOG_NAME)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.ReadOnly, True)
    if save_as is None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(Path(save_as).suffix.lstrip("."))
        dialog.selectFile(save_as)
    dialog.filesSelected.connect(lambda files: on_chosen([Path(f) for f in files]))
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.resize(1000, 800)
    dialog.open()
    return dialog
