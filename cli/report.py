"""``kiosk report --from DATE --to DATE | --last-month --out review.pdf [--locale L]
[--csv DIR] [--xlsx FILE] [--config PATH]``: the review pack, made on the machine (a monthly timer
runs it), audited as the system like the retention purge and the backup."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from kiosk.i18n import LOCALES


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="the review pack as a PDF (and the tables as CSV or XLSX)",
        description="Write the figures of a range of business days as a PDF in the "
        "manager's language, with the tables also as CSV files or an XLSX workbook.",
    )
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first business day")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last business day")
    report.add_argument(
        "--last-month", action="store_true", help="the previous calendar month (for a timer)"
    )
    report.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    report.add_argument("--locale", choices=LOCALES, help="language (default: LANG)")
    report.add_argument("--csv", type=Path, metavar="DIR", help="also one CSV per table")
    report.add_argument("--xlsx", type=Path, metavar="FILE", help="also an XLSX workbook")
    report.add_argument("--config", type=Path, help="settings file (TOML)")


def previous_month(today: date) -> tuple[date, date]:
    """The first and last day of the calendar month before ``today``'s."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def run_report(args: argparse.Namespace) -> int:
    from kiosk.i18n import Catalogs, normalize_locale
    from kiosk.reports.window import BAD_DATE, PACK_WRITTEN

    locale = args.locale or normalize_locale(os.environ.get("LANG", "en").split(".")[0])
    loc = Catalogs().localizer(locale)
    try:
        if args.last_month:
            first, last = previous_month(date.today())
        else:
            first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    except (TypeError, ValueError):
        print(loc.tr(BAD_DATE), file=sys.stderr)  # noqa: T201
        return 2
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a timer has no screen
    from PySide6.QtWidgets import QApplication

    from kiosk.bootstrap import open_database
    from kiosk.db.catalogue_store import load_stored_catalogue
    from kiosk.reports import export, tables
    from kiosk.reports.service import Reports
    from kiosk.reports.window import ReportError
    from kiosk.settings import SettingsError, load_settings
    from ui.common.review_pack import chart_images, write_review_pdf

    _app = QApplication.instance() or QApplication([])  # the charts are widgets
    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        print(exc, file=sys.stderr)  # noqa: T201
        return 2
    db = open_database(settings)
    try:
        dashboard = Reports(db, settings).review_on_machine(first, last, str(args.out))
        with db.session() as session:
            catalogue = load_stored_catalogue(session)
        branch = settings.kiosk.branch_name
        write_review_pdf(args.out, dashboard, loc, catalogue, branch, chart_images(dashboard, loc))
        made = tables.all_tables(dashboard, loc, catalogue)
        if args.csv:
            export.write_csv(args.csv, made, loc)
        if args.xlsx:
            export.write_xlsx(args.xlsx, made, loc)
    except ReportError as exc:
        print(loc.tr(exc.message), file=sys.stderr)  # noqa: T201
        return 2
    except OSError as exc:
        print(f"{args.out}: {exc.strerror}", file=sys.stderr)  # noqa: T201
        return 1
    finally:
        db.dispose()
    print(loc.tr(PACK_WRITTEN).format(path=args.out))  # noqa: T201
    return 0
