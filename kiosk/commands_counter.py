"""``kiosk counter``: the branch's counters from the command line, for managers, with
the same rules and audit entries as the admin panel's Counters page.

    kiosk counter list --as NUMBER
    kiosk counter add --as NUMBER ID --services SLUG,SLUG… [--name-en TEXT …]
                      [--closed] [--position N]
    kiosk counter edit --as NUMBER ID [--services …] [--name-en TEXT …]
                       [--in-service | --closed] [--position N]
    kiosk counter remove --as NUMBER ID

Services are listed in order of preference. A name left out is "Counter ID" in
that language.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kiosk.command_context import Context, sign_in
from kiosk.i18n import LOCALES

#: ``--name-en``, ``--name-zh-hans``, ``--name-zh-hant``: the option of each language.
_NAME_OPTIONS = {code: f"name_{code.lower()}" for code in LOCALES}


def _names(args: argparse.Namespace) -> dict[str, str] | None:
    names: dict[str, str | None] = {c: getattr(args, d) for c, d in _NAME_OPTIONS.items()}
    given = {code: text for code, text in names.items() if text is not None}
    return given or None


def _services(text: str | None) -> list[str] | None:
    return None if text is None else [s.strip() for s in text.split(",") if s.strip()]


def _counter_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.access import StaffError
    from kiosk.counters import CounterAdmin, CounterError

    actor = sign_in(ctx, args.actor)
    if actor is None:
        return 1
    admin = CounterAdmin(ctx.db, ctx.settings.kiosk.id)
    loc = ctx.loc
    try:
        if args.counter_command == "list":
            for c in admin.counters(actor):
                state = loc.tr("in service") if c.in_service else loc.tr("closed")
                ctx.say(f"{c.id}\t{loc.text(c.name)}\t{','.join(c.services)}\t{state}")
            return 0
        if args.counter_command == "add":
            counter = admin.add(
                actor,
                args.id,
                services=_services(args.services) or [],
                name=_names(args),
                in_service=not args.closed,
                position=args.position,
            )
            ctx.say(loc.tr("Added {name}.").format(name=loc.text(counter.name)))
            return 0
        if args.counter_command == "edit":
            in_service = True if args.in_service else False if args.closed else None
            admin.edit(
                actor,
                args.id,
                services=_services(args.services),
                name=_names(args),
                in_service=in_service,
                position=args.position,
            )
            ctx.say(loc.tr("Saved."))
            return 0
        admin.remove(actor, args.id)
        ctx.say(loc.tr("Counter {counter} was removed.").format(counter=args.id))
        return 0
    except CounterError as exc:
        return ctx.fail(loc.tr(exc.message).format(**exc.params))
    except StaffError as exc:
        return ctx.fail(loc.tr(exc.message))


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``kiosk counter …``; ``common`` adds ``--config`` and ``--as``."""
    counter = commands.add_parser("counter", help="the branch's counters (managers)")
    actions = counter.add_subparsers(dest="counter_command", metavar="ACTION", required=True)
    common(actions.add_parser("list", help="list the counters"))
    add = actions.add_parser("add", help="add a counter")
    edit = actions.add_parser("edit", help="change a counter (what is given)")
    for parser in (add, edit):
        common(parser)
        parser.add_argument("id", help='the counter as announced, e.g. "3"')
        parser.add_argument(
            "--services",
            required=parser is add,
            metavar="SLUG,SLUG",
            help="the services it serves, in order of preference",
        )
        for code, dest in _NAME_OPTIONS.items():
            flag = "--name-" + code.lower().replace("_", "-")
            parser.add_argument(flag, dest=dest, metavar="TEXT", help=f"its name in {code}")
        parser.add_argument("--position", type=int, help="place in the list (0 = first)")
    add.add_argument("--closed", action="store_true", help="closed for service for now")
    state = edit.add_mutually_exclusive_group()
    state.add_argument("--in-service", action="store_true", help="open it for service")
    state.add_argument("--closed", action="store_true", help="close it for service")
    remove = actions.add_parser("remove", help="remove a counter")
    common(remove)
    remove.add_argument("id")
    counter.set_defaults(handler=_counter_command)
