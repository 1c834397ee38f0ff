"""``kiosk archive`` and ``kiosk demo-data``: on the machine, for a timer or an
installer, like ``kiosk retention purge`` (no sign-in; audited as the system).

    kiosk archive --month YYYY-MM|last --out DIR   write a month's archive and record it
    kiosk archive verify FILE                  check an archive (exit 1 when damaged)
    kiosk demo-data [--days 730] [--per-day 2000] [--seed N] [--until DATE] [--force]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.command_context import Context


def _archive_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import SYSTEM
    from kiosk.archive import Archiver
    from kiosk.archive_month import ArchiveError, Month
    from kiosk.clock import utc_now

    loc = ctx.loc
    try:
        if args.action == "verify":
            if args.file is None:
                return ctx.fail(loc.tr("Name the archive file: kiosk archive verify FILE"))
            check = Archiver(ctx.db, ctx.settings).verify(SYSTEM, args.file)
            for problem in check.problems:
                ctx.fail(loc.tr(problem.message).format(**problem.params))
            if not check.ok:
                return 1
            counts = ", ".join(f"{name} {n}" for name, n in check.counts.items())
            ctx.say(loc.tr("Intact: {month} ({counts}).").format(month=check.month, counts=counts))
            if not check.recorded:
                ctx.say(loc.tr("This database has no record of this archive."))
            return 0
        if args.action is not None or args.month is None or args.out is None:
            return ctx.fail(loc.tr("Give --month YYYY-MM and --out DIR, or: verify FILE."))
        if args.month == "last":
            business = ctx.settings.business
            month = Month.of(utc_now(), business.zone, business.day_reset_hour).previous()
        else:
            month = Month.parse(args.month)
        written = Archiver(ctx.db, ctx.settings).write(SYSTEM, month, args.out)
    except ArchiveError as exc:
        return ctx.fail(loc.tr(exc.message).format(**exc.params))
    counts = ", ".join(f"{name} {n}" for name, n in written.counts.items())
    ctx.say(
        loc.tr("Archive written to {path} ({counts}).").format(path=written.path, counts=counts)
    )
    return 0


def _action(text: str) -> str:
    if text != "verify":
        raise argparse.ArgumentTypeError("the only action is: verify FILE")
    return text


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[..., None],
) -> None:
    """Add ``kiosk archive …`` and ``kiosk demo-data``; ``common`` adds ``--config``."""
    archive = commands.add_parser(
        "archive",
        help="archive a month's records to a checked file, or verify one",
        description="Write the visits, tickets and timelines of a past month (no personal "
        "data) to DIR/kiosk-archive-YYYY-MM.tar.xz with a manifest of checksums, or "
        "check such a file: kiosk archive verify FILE.",
    )
    common(archive, actor=False)
    archive.add_argument("action", nargs="?", type=_action, metavar="verify")
    archive.add_argument("file", nargs="?", type=Path, metavar="FILE")
    archive.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="the business month to archive (last: the one before this)",
    )
    archive.add_argument("--out", type=Path, metavar="DIR", help="folder for the archive")
    archive.set_defaults(handler=_archive_command)

    demo = commands.add_parser(
        "demo-data",
        help="fill the database with realistic demo traffic (for reports and benchmarks)",
    )
    common(demo, actor=False)
    demo.add_argument("--days", type=int, default=730, metavar="N", help="days of traffic")
    demo.add_argument(
        "--per-day", type=int, default=2000, metavar="N", help="visits a day, on average"
    )
    demo.add_argument("--seed", type=int, default=1, help="same seed, same traffic")
    demo.add_argument(
        "--until",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="last day (default: yesterday)",
    )
    demo.add_argument(
        "--force", action="store_true", help="add to a database that already has traffic"
    )
    demo.set_defaults(handler=_demo_command)


def _demo_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import SYSTEM
    from kiosk.demo_data import DemoFiller, DemoRefused

    loc = ctx.loc

    def progress(day: date, visits: int) -> None:
        ctx.say(loc.tr("{day}: {n} visits so far").format(day=day.isoformat(), n=visits))

    try:
        done = DemoFiller(ctx.db, ctx.settings).fill(
            SYSTEM,
            days=args.days,
            per_day=args.per_day,
            seed=args.seed,
            until=args.until,
            force=args.force,
            progress=progress,
        )
    except DemoRefused as exc:
        return ctx.fail(loc.tr(exc.message).format(**exc.params))
    ctx.say(
        loc.tr(
            "Demo traffic from {first} to {last}: {visits} visits, {tickets} tickets, "
            "{counters} counters, {staff} staff, in {seconds} s."
        ).format(
            first=done.first_day.isoformat(),
            last=done.last_day.isoformat(),
            visits=done.visits,
            tickets=done.tickets,
            counters=done.counters,
            staff=done.staff,
            seconds=round(done.seconds),
        )
    )
    return 0
