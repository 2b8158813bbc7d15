"""Phone numbers as people type them, stored as E.164.

The region for numbers written without a country code comes from the setting
``PHONE_DEFAULT_REGION`` (an ISO country code; this site sets ``"KZ"``, so ``8 701 …``
means ``+7 701 …``). Without it, only numbers with a country code are read.
"""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def default_region():
    return getattr(settings, "PHONE_DEFAULT_REGION", None)


def normalise_phone(value, region=None):
    """The E.164 form of ``value`` (``+77011234567``), or None when it is not a number."""
    text = str(value or "").strip()
    if not text:
        return None
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region or default_region())
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164):
    """A stored number written for people: ``+7 701 123 45 67`` (the one format every page, mail and export shows)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if number.country_code == 7:
        # The +7 plan (Kazakhstan, Russia) reads the last four digits in pairs: 234 56 78.
        head, _space, last = text.rpartition(" ")
        if len(last) == 4 and last.isdigit():
            text = f"{head} {last[:2]} {last[2:]}"
    return text


def validate_phone(value):
    if normalise_phone(value) is None:
        raise ValidationError(
            _("“%(value)s” is not a phone number we recognise. Write it as +7 701 123 45 67 or 8 701 123 45 67."),
            code="invalid_phone",
            params={"value": value},
        )
