"""Draw an SVG file as a PNG on stdout, fitted into a box: run in its own process.

    python printing/svg_render.py LOGO.svg MAX_WIDTH MAX_HEIGHT > logo.png

Qt's SVG renderer aborts the whole process when the file has text and no
``QGuiApplication`` exists, and a GUI application cannot be made in a print
worker thread; so :mod:`printing.logo` runs this script as a child process (on
the offscreen platform) and only reads the PNG back. Standalone on purpose: it
imports nothing from the project. Exit code 2 and a line on stderr when the SVG
cannot be read.
"""

from __future__ import annotations

import os
import sys


def render(path: str, max_width: int, max_height: int) -> bytes:
    """The SVG drawn as large as fits ``max_width`` × ``max_height``, on transparent ground."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["svg_render"])
    renderer = QSvgRenderer(path)
    if not renderer.isValid():
        raise ValueError("not a readable SVG file")
    view = renderer.viewBoxF()
    width, height = view.width(), view.height()
    if width <= 0 or height <= 0:
        size = renderer.defaultSize()
        width, height = float(size.width()), float(size.height())
    if width <= 0 or height <= 0:
        raise ValueError("the SVG has no size")
    scale = min(max_width / width, max_height / height)
    out_w, out_h = max(1, round(width * scale)), max(1, round(height * scale))
    image = QImage(out_w, out_h, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, out_w, out_h))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise OSError("the drawing could not be saved as PNG")
    buffer.close()
    del app
    return bytes(data.data())


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write("usage: svg_render.py FILE MAX_WIDTH MAX_HEIGHT\n")
        return 2
    try:
        png = render(argv[0], int(argv[1]), int(argv[2]))
    except (ValueError, OSError) as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    sys.stdout.buffer.write(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
