"""Report tables written for spreadsheets: one CSV file per table, or one XLSX workbook
with a sheet per table (openpyxl). The caller audits the export."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from kiosk.i18n import Localizer
from kiosk.reports.tables import Table


def write_csv(directory: Path, tables: Sequence[Table], loc: Localizer) -> list[Path]:
    """``<directory>/<table>.csv`` for each table (UTF-8 with a BOM, so a spreadsheet
    opens Chinese text right); returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = directory / f"{table.key}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([loc.tr(c) for c in table.columns])
            writer.writerows(table.rows)
        written.append(path)
    return written


def write_xlsx(path: Path, tables: Sequence[Table], loc: Localizer) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(loc.tr(table.title)[:31])
        sheet.append([loc.tr(c) for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
