"""The ``kiosk`` console script.

::

    kiosk [run] [--config PATH] [--fullscreen] [--kiosk [--hide-cursor]]
                                                     the customer kiosk (default)
    kiosk catalogue check [FILE ...]                 validate catalogue YAML files
    kiosk print-test [--printer URL] [--config PATH] print the printer test page
    kiosk screenshot --out DIR [--locale L ...] [--size WxH ...] [--text-size 150] [--seated]
                                                     every screen, every size, as PNG files
    kiosk report --from DATE --to DATE --out FILE.pdf [--locale L] [--csv DIR] [--xlsx FILE]
                                                     the review pack (cli.report)
    kiosk staff|counter|audit|db|retention …, kiosk catalogue export|import …,
    kiosk archive|demo-data …                        operations (see kiosk.commands)

Each subcommand imports only what it needs (Qt, SQLModel and python-escpos are
imported lazily), so ``catalogue check`` and ``print-test`` start quickly and
never create a ``QApplication``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.settings import Settings

COMMANDS = (
    "run",
    "console",
    "display",
    "catalogue",
    "print-test",
    "screenshot",
    "staff",
    "counter",
    "audit",
    "db",
    "retention",
    "archive",
    "demo-data",
    "report",
    "messenger",
)
#: The three apps: their start does not wait for the parsers of the operations.
APPS = ("run", "console", "display")


def build_parser(apps_only: bool = False) -> argparse.ArgumentParser:
    """Every command; ``apps_only``: just the three apps, for their start (the
    operations' parsers import the report, the commands and the screenshot sizes)."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Bank lobby reception kiosk: greeting, guidance, queue tickets."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_apps(commands)
    if not apps_only:
        _add_tools(commands)
    return parser


def _add_apps(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="run the customer kiosk (the default)")
    run.add_argument("--config", type=Path, help="settings file (TOML)")
    run.add_argument("--fullscreen", action="store_true", help="fill the screen")
    run.add_argument(
        "--kiosk",
        action="store_true",
        help="kiosk mode: full screen, on top, cannot be closed; leaving needs a manager's "
        "PIN (staff enter by holding the branch name for 2 seconds)",
    )
    run.add_argument(
        "--hide-cursor", action="store_true", help="with --kiosk: hide the mouse cursor"
    )
    run.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="quit once the welcome screen is painted (start-up benchmarks)",
    )

    console = commands.add_parser("console", help="the counter console for staff")
    console.add_argument("--config", type=Path, help="settings file (TOML)")
    console.add_argument("--counter", help="open this counter straight after sign-in")

    display = commands.add_parser("display", help="the lobby now-serving display")
    display.add_argument("--config", type=Path, help="settings file (TOML)")
    display.add_argument("--screen", type=int, help="screen number (0 = the first)")
    display.add_argument("--fullscreen", action="store_true", help="fill the screen")


def _add_tools(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cli.report import add_parser as add_report_parser
    from kiosk.commands import register as register_operations
    from kiosk.i18n import LOCALES

    catalogue = commands.add_parser("catalogue", help="service catalogue tools")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", metavar="ACTION")
    check = catalogue_commands.add_parser("check", help="validate catalogue YAML files")
    check.add_argument("files", nargs="*", type=Path, help="default: the built-in catalogue")
    register_operations(commands, catalogue_commands)

    print_test = commands.add_parser("print-test", help="print the printer test page")
    print_test.add_argument("--printer", metavar="URL", help="printer URL (default: settings)")
    print_test.add_argument("--config", type=Path, help="settings file (TOML)")

    shots = commands.add_parser(
        "screenshot",
        help="render every screen to PNG files",
        description="Render every customer and staff screen at each screen size (1080x1920, "
        "1920x1080, 1366x768, 1280x1024) as DIR/<size>/<locale>/<nn>-<screen>.png, "
        "e.g. DIR/1920x1080/en/01-welcome.png.",
    )
    shots.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for the PNG files"
    )
    shots.add_argument(
        "--locale", action="append", choices=LOCALES, help="language (repeatable; default: all)"
    )
    shots.add_argument(
        "--size",
        action="append",
        choices=screen_sizes(),
        help="screen size (repeatable; default: all)",
    )
    shots.add_argument(
        "--text-size",
        type=int,
        choices=text_percent(),
        default=100,
        help="the customer's text size in percent (default: 100)",
    )
    shots.add_argument("--seated", action="store_true", help="the seated (low-reach) layout")
    add_report_parser(commands)


def screen_sizes() -> tuple[str, ...]:
    from ui.customer.screenshots import SCREENS

    return tuple(SCREENS)


def text_percent() -> list[int]:
    from ui.common.text_size import TEXT_STEPS

    return [round(step * 100) for step in TEXT_STEPS]


def _with_default_command(argv: list[str]) -> list[str]:
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        return ["run", *argv]
    return argv


def _load_settings(config: Path | None) -> Settings | None:
    from kiosk.settings import SettingsError, load_settings

    try:
        return load_settings(config)
    except SettingsError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - command-line report
        return None


def main(argv: Sequence[str] | None = None) -> int:
    words = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(apps_only=bool(words) and words[0] in APPS)
    args = parser.parse_args(words)
    if args.command == "run":
        from ui.customer.app import run

        return run(
            args.config, args.fullscreen, args.exit_after_first_paint, args.kiosk, args.hide_cursor
        )
    if args.command == "console":
        from ui.console.main import run_console

        return run_console(args.config, args.counter)
    if args.command == "display":
        from ui.display.main import run_display

        return run_display(args.config, args.screen, args.fullscreen)
    if getattr(args, "handler", None) is not None:
        from kiosk.commands import dispatch as dispatch_operation

        return dispatch_operation(args)
    if args.command == "catalogue":
        if args.catalogue_command != "check":
            parser.parse_args(["catalogue", "--help"])
            return 2
        from kiosk.catalogue.loader import main as check_catalogue

        return check_catalogue([str(f) for f in args.files])
    if args.command == "print-test":
        settings = _load_settings(args.config)
        if settings is None:
            return 2
        from kiosk.i18n import Catalogs
        from printing.selftest import run_print_test

        return run_print_test(args.printer, settings, Catalogs())
    if args.command == "report":
        from cli.report import run_report

        return run_report(args)
    if args.command == "screenshot":
        from kiosk.i18n import LOCALES
        from ui.customer.screenshots import take_screenshots

        return take_screenshots(
            args.out,
            tuple(args.locale or LOCALES),
            tuple(args.size or screen_sizes()),
            text_percent().index(args.text_size),
            args.seated,
        )
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
