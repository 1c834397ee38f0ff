"""The dashboard's charts, drawn by pyqtgraph: a trend of waits and service times per
day, the arrivals heat map (weekday × hour) and the top missing materials. Each chart
only draws numbers it is given; the table beside it shows the same numbers as text.
``image()`` renders a chart for the review pack."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QImage

from kiosk.i18n import Localizer
from kiosk.reports import formatting as fmt
from kiosk.reports import tables
from kiosk.reports.service import Dashboard
from ui.common.widgets import identify

pg.setConfigOptions(antialias=True, background="w", foreground="k")

_PENS = ("#1f5fa8", "#c8501e", "#2e8b57")


class Chart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph ships no types
    def __init__(self, name: str) -> None:
        super().__init__()
        identify(self, name)
        self.setMinimumSize(360, 240)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        font = QFont()
        font.setPixelSize(14)  # the labels' own size, whatever the admin theme's is
        for side in ("bottom", "left"):
            axis = self.getAxis(side)
            axis.setStyle(tickFont=font, autoExpandTextSpace=True)
            axis.setTextPen("k")

    def set_title(self, text: str) -> None:
        self.setTitle(text)
        self.setAccessibleName(text)

    def image(self, width: int = 900, height: int = 420) -> QImage:
        """The chart as a picture of the given size (for the PDF)."""
        old = self.size()
        self.resize(width, height)
        picture: QImage = self.grab().toImage()
        self.resize(old)
        return picture


class TrendChart(Chart):
    """Lines over the days of the range; ``None`` values leave a gap."""

    def show_series(
        self, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
    ) -> None:
        self.clear()
        legend = self.getPlotItem().legend or self.addLegend()
        legend.clear()
        x = np.arange(len(labels), dtype=float)
        for index, (name, values) in enumerate(series):
            y = np.array([np.nan if v is None else v for v in values], dtype=float)
            if np.isnan(y).all():
                continue  # nothing to draw (and pyqtgraph warns on an all-empty line)
            self.plot(x, y, pen=pg.mkPen(_PENS[index % len(_PENS)], width=2), symbol="o",
                      symbolSize=5, name=name, connect="finite")  # fmt: skip
        step = max(1, -(-len(labels) // 7))  # at most seven labels under the axis
        self.setXRange(-0.5, max(len(labels) - 0.5, 0.5), padding=0)
        self.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])


class HeatMapChart(Chart):
    """Arrivals per weekday (rows) and hour (columns)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._image = pg.ImageItem()
        self.addItem(self._image)
        self._image.setColorMap(pg.colormap.get("viridis"))
        self.invertY(True)

    def show_counts(self, rows: Sequence[str], hours: Sequence[int], counts: np.ndarray) -> None:
        self._image.setImage(counts.T.astype(float), autoLevels=True)
        self.getAxis("left").setTicks([[(i + 0.5, r) for i, r in enumerate(rows)]])
        self.getAxis("bottom").setTicks([[(i + 0.5, f"{h:02d}") for i, h in enumerate(hours)]])
        self.setRange(xRange=(0, max(len(hours), 1)), yRange=(0, len(rows)), padding=0)


class BarChart(Chart):
    def show_bars(self, labels: Sequence[str], values: Sequence[float]) -> None:
        self.clear()
        x = np.arange(len(values), dtype=float)
        self.addItem(pg.BarGraphItem(x=x, height=list(values), width=0.6, brush=_PENS[1]))
        self.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(len(labels))]])


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 60.0


def draw_all(
    d: Dashboard, loc: Localizer, trend: TrendChart, heat: HeatMapChart, bars: BarChart
) -> None:
    """Draw the dashboard's three charts (the same on screen and in the review pack)."""
    days = list(d.by_day.values())
    trend.show_series(
        [fmt.short_day(loc, day) for day in d.by_day],
        [
            (loc.tr("Wait, median (min)"), [_minutes(f.wait.median) for f in days]),
            (loc.tr("Wait, 90% (min)"), [_minutes(f.wait.p90) for f in days]),
            (loc.tr("Service, median (min)"), [_minutes(f.service_time.median) for f in days]),
        ],
    )
    hours = tables.heat_hours(d)
    counts = np.array([[d.heat_map.get((wd, h), 0) for h in hours] for wd in range(7)])
    heat.show_counts(
        [fmt.weekday(loc, wd) for wd in range(7)], hours, counts if hours else np.zeros((7, 1))
    )
    top = d.missing[:10]
    bars.show_bars([str(i + 1) for i in range(len(top))], [m.percent or 0.0 for m in top])
