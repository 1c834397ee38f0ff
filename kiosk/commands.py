"""Operations from the command line, with the same rules and audit entries as the
staff screens: a manager signs in with staff number and PIN before each action.

    kiosk staff add|list|reset-pin|deactivate|activate --as NUMBER …
    kiosk staff add --first-manager --name NAME      (once, on the machine, no sign-in)
    kiosk staff unlock NUMBER                        (on the machine, no sign-in)
    kiosk counter add|list|edit|remove --as NUMBER …  (see kiosk.commands_counter)
    kiosk catalogue export|import --as NUMBER …     (check needs no sign-in)
    kiosk audit [list] --as NUMBER [--since DATE] [--action PREFIX]
    kiosk audit verify --as NUMBER                   (exit 1 when edited or truncated)
    kiosk db upgrade | backup [--to DIR] | restore FILE
    kiosk retention purge [--without-archive]        (visits, and contacts on their own period)
    kiosk archive --month YYYY-MM --out DIR | verify FILE, kiosk demo-data …
                                                     (see kiosk.commands_archive)
    kiosk messenger [--once]                         (see kiosk.messenger.command)

PINs are read without echo from the terminal, or one per line from standard input
when it is not a terminal (scripts, tests). Messages follow the ``LANG`` locale.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk import commands_archive, commands_counter
from kiosk.command_context import Context, Handler, new_pin, sign_in
from kiosk.messenger import command as messenger_command

if TYPE_CHECKING:
    from kiosk.access import StaffMember


def _staff_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import ROLE_LABELS, StaffError
    from kiosk.staff import PinRejected

    if getattr(args, "first_manager", False):
        return _first_manager(args, ctx)
    if args.staff_command == "unlock":
        return _unlock(args, ctx)
    if args.actor is None or (args.staff_command == "add" and args.number is None):
        return ctx.fail(ctx.loc.tr("Give --as NUMBER (your staff number) and --number."))
    actor = sign_in(ctx, args.actor)
    if actor is None:
        return 1
    directory = ctx.staff()
    try:
        if args.staff_command == "list":  # refused (and audited) by the domain
            for m in directory.members(actor):
                state = ctx.loc.tr("active") if m.active else ctx.loc.tr("inactive")
                ctx.say(f"{m.number}\t{m.name}\t{ctx.loc.tr(ROLE_LABELS[m.role])}\t{state}")
            return 0
        if args.staff_command == "add":
            pin = new_pin(ctx)
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
            pin = new_pin(ctx)
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


def _first_manager(args: argparse.Namespace, ctx: Context) -> int:
    """The branch's first manager, set up on the machine by whoever installs it."""
    from kiosk.access import StaffError
    from kiosk.staff import PinRejected

    directory = ctx.staff()
    if not directory.needs_first_manager():
        return ctx.fail(ctx.loc.tr("A manager already exists."))
    pin = new_pin(ctx)
    if pin is None:
        return 1
    try:
        member = directory.create_first_manager(
            pin, args.name, number=args.number, via="command line"
        )
    except PinRejected as exc:
        return ctx.fail("\n".join(ctx.loc.tr(p) for p in exc.problems))
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))
    ctx.say(
        ctx.loc.tr("{name} is the first manager, with staff number {number}.").format(
            name=member.name, number=member.number
        )
    )
    return 0


def _unlock(args: argparse.Namespace, ctx: Context) -> int:
    """On the machine itself: lift a lock-out without a sign-in (a locked-out manager
    cannot sign in); whoever can run this can reach the database anyway."""
    import getpass

    from kiosk.access import StaffError

    try:
        ctx.staff().unlock(args.number, getpass.getuser())
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))
    ctx.say(
        ctx.loc.tr("Staff number {number} and the PIN pads are unlocked.").format(
            number=args.number
        )
    )
    return 0


def _catalogue_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import StaffError
    from kiosk.catalogue.loader import CatalogueError
    from kiosk.catalogue_admin import CatalogueAdmin, CatalogueRejected

    actor = sign_in(ctx, args.actor)
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

    actor = sign_in(ctx, args.actor)
    if actor is None:
        return 1
    if args.audit_command == "verify":
        return _verify_trail(ctx, actor)
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


def _verify_trail(ctx: Context, actor: StaffMember) -> int:
    from kiosk.access import StaffError
    from kiosk.audit import AuditLog

    try:
        check = AuditLog(ctx.db, ctx.settings.kiosk.id).check_as(actor)
    except StaffError as exc:
        return ctx.fail(ctx.loc.tr(exc.message))
    if check.intact:
        ctx.say(ctx.loc.tr("Intact: every entry matches the one before it."))
        return 0
    if check.broken:
        ids = ", ".join(str(i) for i in check.broken[:50])
        ctx.fail(
            ctx.loc.tr("Changed outside the app! Entries that do not match: {ids}").format(ids=ids)
        )
    if check.lost_after is not None:
        ctx.fail(
            ctx.loc.tr(
                "Entries were deleted: the trail ends at entry {n}, but later ones were written here."
            ).format(n=check.lost_after)
        )
    return 1


def _db_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.db.database import Database
    from kiosk.db.migrate import current_revision, head_revision, upgrade

    if args.db_command in ("backup", "restore"):
        return _backup_command(args, ctx)

    db = Database(ctx.settings.database_url)
    upgrade(db)
    ctx.say(
        ctx.loc.tr("Database schema is at {rev} (latest {head}).").format(
            rev=current_revision(db), head=head_revision()
        )
    )
    return 0


def _backup_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk import backup_heads as heads
    from kiosk.backup import BackupError, restore, rotate, take_backup
    from kiosk.clock import utc_now

    url, settings = ctx.settings.database_url, ctx.settings
    now = utc_now().astimezone(settings.business.zone).replace(tzinfo=None)
    try:
        if args.db_command == "restore":
            restore(url, args.file)
            ctx.say(ctx.loc.tr("Restored the database from {file}.").format(file=args.file))
            seal = heads.seal_at(settings)
            aside = heads.restart_heads(seal, args.file, now) if seal is not None else None
            if aside is not None:
                ctx.say(
                    ctx.loc.tr(
                        "The restored audit trail ends earlier: this machine's record of "
                        "its heads was set aside as {path}. On every other machine of the "
                        "branch, move its audit.head aside the same way before starting it."
                    ).format(path=aside)
                )
            return 0
        folder = args.to or settings.kiosk.data_dir / "backups"
        sqlite = url.startswith("sqlite")
        head = None if sqlite else heads.trail_head(url)
        path = take_backup(url, folder, now)
        noted = heads.note_backup(settings, path, heads.trail_head(path) if sqlite else head)
        removed = rotate(folder, args.keep_daily, args.keep_monthly)
    except BackupError as exc:
        text = ctx.loc.tr(exc.message).format(**exc.values)
        return ctx.fail(f"{text}\n{exc.detail}" if exc.detail else text)
    ctx.say(ctx.loc.tr("Backup written to {path}.").format(path=path))
    if not noted:
        ctx.say(
            ctx.loc.tr(
                "The audit key is not on this machine: the trail's head is noted beside "
                "the backup only."
            )
        )
    if removed:
        ctx.say(ctx.loc.tr("Removed {n} older backups.").format(n=len(removed)))
    return 0


def _retention_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import SYSTEM
    from kiosk.archive_guard import ArchiveMissing
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.contacts import ContactBook, open_contact_key
    from kiosk.records import Records

    days = BranchSettingsStore(ctx.db, ctx.settings).current().retention_days
    try:
        count = Records(ctx.db, ctx.settings).purge(SYSTEM, days, args.without_archive)
    except ArchiveMissing as exc:
        months = ", ".join(str(m) for m in exc.months)
        return ctx.fail(ctx.loc.tr(exc.message).format(months=months))
    ctx.say(ctx.loc.tr("Deleted {n} visits older than {days} days.").format(n=count, days=days))
    book = ContactBook(ctx.db, ctx.settings, open_contact_key(ctx.db, ctx.settings))
    contacts = book.purge(SYSTEM)
    ctx.say(
        ctx.loc.tr(
            "Deleted {n} phone numbers and their consent, kept {days} days after the visit."
        ).format(n=contacts, days=ctx.settings.sms.contact_retention_days)
    )
    return 0


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    catalogue_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add the operations subcommands to the ``kiosk`` parser."""

    def common(parser: argparse.ArgumentParser, actor: bool = True, required: bool = True) -> None:
        parser.add_argument("--config", type=Path, help="settings file (TOML)")
        if actor:
            parser.add_argument(
                "--as", dest="actor", required=required, metavar="NUMBER", help="your staff number"
            )

    staff = commands.add_parser("staff", help="staff accounts (managers)")
    staff_commands = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = staff_commands.add_parser("add", help="add a staff member (asks for their PIN)")
    common(add, required=False)
    add.add_argument(
        "--first-manager",
        action="store_true",
        help="set up the branch's first manager on this machine (no --as; only while "
        "there is no manager)",
    )
    add.add_argument("--number", help="their staff number (first manager: default 1)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=("staff", "manager"), default="staff")
    common(staff_commands.add_parser("list", help="list staff"))
    for action in ("reset-pin", "deactivate", "activate"):
        sub = staff_commands.add_parser(action)
        common(sub)
        sub.add_argument("number")
    unlock = staff_commands.add_parser(
        "unlock", help="lift a PIN lock-out, on this machine (no sign-in; audited)"
    )
    common(unlock, actor=False)
    unlock.add_argument("number")
    staff.set_defaults(handler=_staff_command)
    commands_counter.register(commands, common)
    commands_archive.register(commands, common)
    messenger_command.register(commands, common)

    export = catalogue_commands.add_parser("export", help="write the catalogue as YAML")
    common(export)
    export.add_argument("--out", type=Path)
    export.set_defaults(handler=_catalogue_command)
    importer = catalogue_commands.add_parser("import", help="replace the catalogue from YAML")
    common(importer)
    importer.add_argument("files", nargs="+", type=Path)
    importer.set_defaults(handler=_catalogue_command)

    audit = commands.add_parser("audit", help="read or verify the audit trail (managers)")
    audit.add_argument(
        "audit_command",
        nargs="?",
        choices=("list", "verify"),
        default="list",
        metavar="list|verify",
    )
    common(audit)
    audit.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    audit.add_argument("--action", help="only actions starting with this, e.g. auth.")
    audit.set_defaults(handler=_audit_command)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    common(db_commands.add_parser("upgrade", help="apply schema migrations"), actor=False)
    backup = db_commands.add_parser(
        "backup", help="a consistent copy while kiosks run, then rotation (for a daily timer)"
    )
    common(backup, actor=False)
    backup.add_argument("--to", type=Path, metavar="DIR", help="default: DATA_DIR/backups")
    backup.add_argument("--keep-daily", type=int, default=14, metavar="N")
    backup.add_argument("--keep-monthly", type=int, default=12, metavar="M")
    restore = db_commands.add_parser(
        "restore", help="replace the database with a backup (every kiosk stopped first)"
    )
    common(restore, actor=False)
    restore.add_argument("file", type=Path)
    db.set_defaults(handler=_db_command)

    retention = commands.add_parser("retention", help="delete records past the retention period")
    retention_commands = retention.add_subparsers(
        dest="retention_command", metavar="ACTION", required=True
    )
    purge = retention_commands.add_parser("purge")
    common(purge, actor=False)
    purge.add_argument(
        "--without-archive",
        action="store_true",
        help="also delete months that have no verified archive (audited)",
    )
    retention.set_defaults(handler=_retention_command)


def dispatch(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    from kiosk.audit_seal import AuditSealError
    from kiosk.contact_key import ContactKeyError
    from kiosk.db.database import DatabaseUnavailable
    from kiosk.db.migrate import SchemaOutOfDate
    from kiosk.i18n import Catalogs, normalize_locale
    from kiosk.settings import SettingsError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        ctx = Context(args, stdin or sys.stdin, out, err)
        handler: Handler = args.handler
        return handler(args, ctx)
    except (SettingsError, DatabaseUnavailable, SchemaOutOfDate) as exc:
        print(exc, file=err)
        return 2
    except (AuditSealError, ContactKeyError) as exc:
        loc = Catalogs().localizer(normalize_locale(os.environ.get("LANG", "en").split(".")[0]))
        print(f"{exc.path}: {loc.tr(exc.message)}", file=err)
        return 2
