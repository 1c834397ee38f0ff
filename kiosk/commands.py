"""Operations from the command line, with the same rules and audit entries as the
staff screens: a manager signs in with staff number and PIN before each action.

    kiosk staff add|list|reset-pin|deactivate|activate --as NUMBER …
    kiosk catalogue export|import --as NUMBER …     (check needs no sign-in)
    kiosk audit --as NUMBER [--since DATE] [--action PREFIX]
    kiosk db upgrade
    kiosk retention purge

PINs are read without echo from the terminal, or one per line from standard input
when it is not a terminal (scripts, tests). Messages follow the ``LANG`` locale.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.i18n import Catalogs, Localizer, normalize_locale

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.db.database import Database
    from kiosk.staff import StaffDirectory

Handler = Callable[[argparse.Namespace, "Context"], int]


class Context:
    """What one command needs: settings, database, messages, input and output."""

    def __init__(
        self, args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO
    ) -> None:
        from kiosk.settings import load_settings

        self.settings = load_settings(args.config)
        self.loc: Localizer = Catalogs().localizer(
            normalize_locale(os.environ.get("LANG", "en").split(".")[0])
        )
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from kiosk.bootstrap import open_database

            self._db = open_database(self.settings)
        return self._db

    def say(self, text: str) -> None:
        print(text, file=self.stdout)

    def fail(self, text: str) -> int:
        print(text, file=self.stderr)
        return 1

    def read_pin(self, prompt: str) -> str:
        if self.stdin.isatty():
            return getpass.getpass(prompt)
        return self.stdin.readline().strip()

    def staff(self) -> StaffDirectory:
        from kiosk.staff import StaffDirectory

        return StaffDirectory(
            self.db, pad_key=f"cli@{self.settings.kiosk.id}", kiosk_id=self.settings.kiosk.id
        )


def _sign_in(ctx: Context, number: str) -> StaffMember | None:
    result = ctx.staff().sign_in(ctx.read_pin(ctx.loc.tr("PIN: ")), number=number)
    if result.staff is not None:
        return result.staff
    if result.locked_until is not None:
        ctx.fail(
            ctx.loc.tr("Locked. Try again after {time}.").format(
                time=ctx.loc.time(result.locked_until, ctx.settings.business.zone)
            )
        )
    else:
        ctx.fail(ctx.loc.tr("Wrong staff number or PIN."))
    return None


def _new_pin(ctx: Context) -> str | None:
    first = ctx.read_pin(ctx.loc.tr("New PIN: "))
    if ctx.read_pin(ctx.loc.tr("New PIN again: ")) != first:
        ctx.fail(ctx.loc.tr("The two PINs differ."))
        return None
    return first


def _staff_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import ROLE_LABELS, StaffError, require_manager
    from kiosk.staff import PinRejected

    actor = _sign_in(ctx, args.actor)
    if actor is None:
        return 1
    directory = ctx.staff()
    try:
        if args.staff_command == "list":
            require_manager(actor, None)
            for m in directory.members(actor):
                state = ctx.loc.tr("active") if m.active else ctx.loc.tr("inactive")
                ctx.say(f"{m.number}\t{m.name}\t{ctx.loc.tr(ROLE_LABELS[m.role])}\t{state}")
            return 0
        if args.staff_command == "add":
            pin = _new_pin(ctx)
            if pin is None:
                return 1
            member = directory.add(
                actor, number=args.number, name=args.name, role=args.role, pin=pin
            )
            ctx.say(
                ctx.loc.tr("Added {name} ({number}).").format(
                    name=member.name, number=member.number
                )
            )
            return 0
        target = directory.member_by_number(args.number)
        if target is None:
            return ctx.fail(ctx.loc.tr("There is no such staff member."))
        if args.staff_command == "reset-pin":
            pin = _new_pin(ctx)
            if pin is None:
                return 1
            directory.reset_pin(actor, target.id, pin)
            ctx.say(ctx.loc.tr("PIN changed for {name}.").format(name=target.name))
        else:
            directory.set_active(actor, target.id, args.staff_command == "activate")
            ctx.say(ctx.loc.tr("Saved."))
        return 0
    except PinRejected as exc:
        return ctx.fail("\n".join(ctx.loc.tr(p) for p in exc.problems))
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))


def _catalogue_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import StaffError
    from kiosk.catalogue.loader import CatalogueError
    from kiosk.catalogue_admin import CatalogueAdmin, CatalogueRejected

    actor = _sign_in(ctx, args.actor)
    if actor is None:
        return 1
    admin = CatalogueAdmin(ctx.db, ctx.settings.kiosk.id)
    try:
        if args.catalogue_command == "export":
            text = admin.export_yaml(actor)
            if args.out:
                args.out.write_text(text, encoding="utf-8")
                ctx.say(ctx.loc.tr("Catalogue written to {path}.").format(path=args.out))
            else:
                ctx.stdout.write(text)
            return 0
        version = admin.import_files(actor, list(args.files))
        ctx.say(ctx.loc.tr("Catalogue imported (version {n}).").format(n=version))
        return 0
    except (CatalogueError, CatalogueRejected) as exc:
        return ctx.fail("\n".join(exc.problems))
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))


def _audit_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import StaffError
    from kiosk.audit import AuditLog, action_label
    from kiosk.clock import business_day_bounds

    actor = _sign_in(ctx, args.actor)
    if actor is None:
        return 1
    since: datetime | None = None
    if args.since is not None:
        business = ctx.settings.business
        since, _ = business_day_bounds(args.since, business.zone, business.day_reset_hour)
    zone = ctx.settings.business.zone
    try:
        entries = AuditLog(ctx.db, ctx.settings.kiosk.id).browse(
            actor, since=since, action=args.action
        )
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))
    for entry in reversed(entries):
        detail = " ".join(f"{k}={v}" for k, v in entry.detail.items())
        action = f"{ctx.loc.tr(action_label(entry.action))} ({entry.action})"
        ctx.say(
            f"{entry.at.astimezone(zone):%Y-%m-%d %H:%M:%S}\t{entry.actor_name}\t{action}\t{entry.target}\t{detail}"
        )
    return 0


def _db_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.db.database import Database
    from kiosk.db.migrate import current_revision, head_revision, upgrade

    db = Database(ctx.settings.database_url)
    upgrade(db)
    ctx.say(
        ctx.loc.tr("Database schema is at {rev} (latest {head}).").format(
            rev=current_revision(db), head=head_revision()
        )
    )
    return 0


def _retention_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import SYSTEM
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.records import Records

    days = BranchSettingsStore(ctx.db, ctx.settings).current().retention_days
    count = Records(ctx.db, ctx.settings).purge(SYSTEM, days)
    ctx.say(ctx.loc.tr("Deleted {n} visits older than {days} days.").format(n=count, days=days))
    return 0


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    catalogue_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add the operations subcommands to the ``kiosk`` parser."""

    def common(parser: argparse.ArgumentParser, actor: bool = True) -> None:
        parser.add_argument("--config", type=Path, help="settings file (TOML)")
        if actor:
            parser.add_argument(
                "--as", dest="actor", required=True, metavar="NUMBER", help="your staff number"
            )

    staff = commands.add_parser("staff", help="staff accounts (managers)")
    staff_commands = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = staff_commands.add_parser("add", help="add a staff member (asks for their PIN)")
    common(add)
    add.add_argument("--number", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=("staff", "manager"), default="staff")
    common(staff_commands.add_parser("list", help="list staff"))
    for action in ("reset-pin", "deactivate", "activate"):
        sub = staff_commands.add_parser(action)
        common(sub)
        sub.add_argument("number")
    staff.set_defaults(handler=_staff_command)

    export = catalogue_commands.add_parser("export", help="write the catalogue as YAML")
    common(export)
    export.add_argument("--out", type=Path)
    export.set_defaults(handler=_catalogue_command)
    importer = catalogue_commands.add_parser("import", help="replace the catalogue from YAML")
    common(importer)
    importer.add_argument("files", nargs="+", type=Path)
    importer.set_defaults(handler=_catalogue_command)

    audit = commands.add_parser("audit", help="read the audit trail (managers)")
    common(audit)
    audit.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit.add_argument("--action", help="only actions starting with this, e.g. auth.")
    audit.set_defaults(handler=_audit_command)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    common(db_commands.add_parser("upgrade", help="apply schema migrations"), actor=False)
    db.set_defaults(handler=_db_command)

    retention = commands.add_parser("retention", help="delete records past the retention period")
    retention_commands = retention.add_subparsers(
        dest="retention_command", metavar="ACTION", required=True
    )
    common(retention_commands.add_parser("purge"), actor=False)
    retention.set_defaults(handler=_retention_command)


def dispatch(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    from kiosk.db.database import DatabaseUnavailable
    from kiosk.db.migrate import SchemaOutOfDate
    from kiosk.settings import SettingsError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        ctx = Context(args, stdin or sys.stdin, out, err)
        handler: Handler = args.handler
        return handler(args, ctx)
    except (SettingsError, DatabaseUnavailable, SchemaOutOfDate) as exc:
        print(exc, file=err)
        return 2
