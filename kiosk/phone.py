"""Phone numbers as a customer types them: validated and normalised to E.164 with
``phonenumbers`` for the branch's region (``+`` for any other country), and masked
for every screen (``+852 •••• 4567``).

``phonenumbers`` is imported at the first number (on the worker), not when the
kiosk opens: most kiosks go hours between customers who give one.
"""

from __future__ import annotations

from kiosk.i18n import N_

MAX_DIGITS = 15
"""E.164 allows at most 15 digits."""


class PhoneRejected(ValueError):
    """A number that cannot receive texts; ``message`` is a msgid for ``loc.tr``."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


NOT_A_NUMBER = N_("This is not a phone number. Check the digits and try again.")
NOT_MOBILE = N_("This number cannot receive texts. Please give a mobile number.")
EMPTY = N_("Type your mobile number first.")


def normalise(typed: str, region: str) -> str:
    """The E.164 form of a mobile number typed for ``region`` (or with ``+``)."""
    text = "".join(ch for ch in typed if ch.isdigit() or ch == "+")
    if not text.strip("+"):
        raise PhoneRejected(EMPTY)
    if "+" in text[1:] or sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        raise PhoneRejected(NOT_A_NUMBER)
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberType

    try:
        number = phonenumbers.parse(text, None if text.startswith("+") else region)
    except NumberParseException:
        raise PhoneRejected(NOT_A_NUMBER) from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneRejected(NOT_A_NUMBER)
    mobile = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    if phonenumbers.number_type(number) not in mobile:
        raise PhoneRejected(NOT_MOBILE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def from_gateway(address: str, region: str) -> str | None:
    """E.164 of a sender address as a gateway gives it (``85291234567``, ``+852…``,
    or national); None when it is no valid number."""
    digits = "".join(ch for ch in address if ch.isdigit())
    if not digits:
        return None
    import phonenumbers
    from phonenumbers import NumberParseException

    for candidate in (f"+{digits}", digits):
        try:
            number = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def mask(e164: str) -> str:
    """``+852 •••• 4567``: the country code and the last four digits only."""
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        code = str(phonenumbers.parse(e164, None).country_code)
    except NumberParseException:
        code = ""
    return f"+{code} •••• {e164[-4:]}" if code else f"•••• {e164[-4:]}"
