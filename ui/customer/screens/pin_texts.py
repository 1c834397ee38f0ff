"""The PIN pad's titles and prompts, by step and purpose (translated when shown)."""

from __future__ import annotations

from kiosk.i18n import Localizer
from ui.customer.screens.pin_mode import PadMode

SIGN_IN = "sign_in"
EXIT_KIOSK = "exit_kiosk"


def title(mode: PadMode, purpose: str, loc: Localizer) -> str:
    if mode in (PadMode.SETUP, PadMode.NO_SETUP):
        return loc.tr("Set up the first manager")
    if mode in (PadMode.CREATE, PadMode.CONFIRM):
        return loc.tr("Set up the manager PIN")
    if mode == PadMode.CREATED:
        return loc.tr("The manager PIN is set")
    if purpose == EXIT_KIOSK:
        return loc.tr("Leave kiosk mode")
    return loc.tr("Staff sign-in")


def prompt(mode: PadMode, purpose: str, loc: Localizer, number: str, seconds: int) -> str:
    if mode == PadMode.SETUP:
        return loc.tr(
            "This kiosk has no manager yet. Enter the one-time setup code shown where "
            "the kiosk was started."
        )
    if mode == PadMode.NO_SETUP:
        return loc.tr(
            "This kiosk has no manager yet. Whoever installs it sets one up on the machine "
            "with the command: kiosk staff add --first-manager"
        )
    if mode == PadMode.CREATE:
        return loc.tr("This kiosk has no manager yet. Choose a PIN of 6 to 12 digits.")
    if mode == PadMode.CONFIRM:
        return loc.tr("Enter the same PIN again to confirm it.")
    if mode == PadMode.CREATED:
        return loc.tr(
            "Your staff number is {number}. From now on, sign in with your staff number "
            "and then your PIN."
        ).format(number=number)
    if mode == PadMode.NUMBER:
        if purpose == EXIT_KIOSK:
            return loc.tr("A manager must sign in to leave kiosk mode. Enter your staff number.")
        return loc.tr("Enter your staff number.")
    if mode == PadMode.PIN:
        return loc.tr("Enter your PIN.")
    if mode == PadMode.LOCKED:
        return lock_text("pad", seconds, loc)
    return loc.tr("One moment…")


def lock_text(scope: str, seconds: int, loc: Localizer) -> str:
    """Which lock, and for how long: the pad's (everyone waits) or one staff number's."""
    n = loc.number(seconds)
    if scope == "account":
        return loc.tr(
            "This staff number is locked after too many wrong PINs. Try again in {n} seconds."
        ).format(n=n)
    return loc.tr("This pad is locked after too many wrong PINs. Try again in {n} seconds.").format(
        n=n
    )
