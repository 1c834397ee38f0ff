"""The review pack: the month's figures as a PDF for the branch meeting, in the
manager's language. A ``QTextDocument`` (headings, the findings, every KPI table, the
charts rendered from pyqtgraph to pictures, what each KPI means) printed through
``QPdfWriter``, which embeds the fonts it uses (subsets), CJK included.

Needs a ``QApplication`` (the charts are widgets); the command line makes one with the
offscreen platform when there is no display."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kiosk.i18n import N_
from kiosk.reports import formatting as fmt
from kiosk.reports import tables
from kiosk.reports.definitions import KPIS, UNIT_LABELS
from kiosk.reports.findings import MIN_BASE, MIN_BASE_RULE, RULES, finding_text, findings
from kiosk.reports.formatting import SERVICE_LEVEL_GOAL
from ui.common.report_charts import BarChart, HeatMapChart, TrendChart, draw_all
from ui.common.theme import FONT_FAMILIES

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue
    from kiosk.i18n import Localizer
    from kiosk.reports.service import Dashboard

_STYLE = (
    "body { font-size: 9pt; } h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; }"
    " table { border-collapse: collapse; } th { background: #e8edf3; }"
    " td, th { padding: 2px 4px; } .bad { background: #f8d7d3; } .good { background: #d7f0dc; }"
)


def _table_html(table: tables.Table, loc: Localizer) -> str:
    head = "".join(f"<th>{html.escape(loc.tr(c))}</th>" for c in table.columns)
    body = []
    for index, row in enumerate(table.rows):
        flag = table.flags[index] if table.flags else None
        css = "" if flag is None else (' class="good"' if flag else ' class="bad"')
        cells = "".join(f"<td{css}>{html.escape(c)}</td>" for c in row)
        body.append(f"<tr>{cells}</tr>")
    if not table.rows:
        body.append(
            f'<tr><td colspan="{len(table.columns)}">{html.escape(loc.tr(N_("None")))}</td></tr>'
        )
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


def chart_images(d: Dashboard, loc: Localizer) -> dict[str, QImage]:
    """The three charts as pictures; on the UI thread (pyqtgraph draws with widgets)."""
    charts = {"trend": TrendChart("review.trend"), "heat_map": HeatMapChart("review.heat_map"),
              "missing": BarChart("review.missing")}  # fmt: skip
    draw_all(d, loc, charts["trend"], charts["heat_map"], charts["missing"])
    titles = tables.TITLES
    images = {}
    for key, chart in charts.items():
        chart.set_title(loc.tr(titles[key]))
        images[key] = chart.image()
        chart.deleteLater()
    return images


def review_document(
    d: Dashboard,
    loc: Localizer,
    catalogue: Catalogue | None,
    branch: str,
    images: dict[str, QImage],
) -> QTextDocument:
    """The pack as a document; any thread (it paints only pictures already made)."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES.get(loc.locale, FONT_FAMILIES["en"]))
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_STYLE)
    made = {t.key: t for t in tables.all_tables(d, loc, catalogue)}
    for key, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{key}"), image)
    charts = images
    period = loc.tr("{first} to {last}").format(
        first=loc.date(d.window.first), last=loc.date(d.window.last)
    )
    parts = [
        f"<h1>{html.escape(loc.tr('Review of the reception'))} — {html.escape(branch)}</h1>",
        f"<p>{html.escape(period)}</p>",
        f"<p>{html.escape(tables.summary(d, loc))}</p>",
        f"<h2>{html.escape(loc.tr('Findings'))}</h2>",
    ]
    found = [finding_text(f, loc, catalogue) for f in findings(d)]
    items = found or [loc.tr("No rule found anything to raise in this range.")]
    parts.append("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in items) + "</ul>")
    below = [row[0] for row, ok in zip(made["services"].rows, made["services"].flags or [],
                                        strict=True) if ok is False]  # fmt: skip
    parts.append(f"<h2>{html.escape(loc.tr('Services below their target'))}</h2>")
    goal = fmt.percent(loc, SERVICE_LEVEL_GOAL)
    parts.append(f"<p>{html.escape(', '.join(below) if below else loc.tr('None'))} "
                 f"({html.escape(loc.tr('goal {goal}').format(goal=goal))})</p>")  # fmt: skip
    for key in ("services", "service_times", "trend", "heat_map", "missing", "paths", "abandoned"):
        parts.append(f"<h2>{html.escape(loc.tr(made[key].title))}</h2>")
        if key in charts:
            parts.append(f'<p><img src="chart:{key}" width="600"></p>')
        parts.append(_table_html(made[key], loc))
    parts.append(f"<h2>{html.escape(loc.tr('How the figures are counted'))}</h2><ul>")
    for kpi in KPIS:
        unit = loc.tr(UNIT_LABELS[kpi.unit])
        parts.append(f"<li><b>{html.escape(loc.tr(kpi.name))}</b> ({html.escape(unit)}): "
                     f"{html.escape(loc.tr(kpi.formula))}</li>")  # fmt: skip
    parts.append("</ul>")
    parts.append(f"<h2>{html.escape(loc.tr('Rules for the findings'))}</h2><ul>")
    for rule, figure in RULES:
        value = fmt.percent(loc, figure)
        parts.append(f"<li>{html.escape(loc.tr(rule).format(goal=value, rate=value))}</li>")
    parts.append(f"<li>{html.escape(loc.tr(MIN_BASE_RULE).format(n=MIN_BASE))}</li>")
    parts.append("</ul>")
    document.setHtml(f"<html><body>{''.join(parts)}</body></html>")
    return document


def write_review_pdf(
    path: Path,
    d: Dashboard,
    loc: Localizer,
    catalogue: Catalogue | None,
    branch: str,
    images: dict[str, QImage],
) -> Path:
    """Write the review pack to ``path`` (A4, portrait); any thread."""
    document = review_document(d, loc, catalogue, branch, images)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(loc.tr("Review of the reception"))
    writer.setCreator(branch)
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    return path
