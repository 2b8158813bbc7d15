"""Kazakhstan's business and individual identification numbers (BIN / IIN).

12 digits; the last is a check digit: weights 1..11 over the first 11 digits, sum
mod 11; when that is 10, weights 3..11,1,2; when it is 10 again the number is not
valid.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_WEIGHTS = list(range(1, 12))
SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
LEGAL_ENTITY_TYPES = {"4", "5", "6"}


def check_digit(first_eleven):
    """The check digit for 11 digits, or None when no digit can be valid."""
    digits = [int(c) for c in first_eleven]
    control = sum(d * w for d, w in zip(digits, FIRST_WEIGHTS, strict=True)) % 11
    if control == 10:
        control = sum(d * w for d, w in zip(digits, SECOND_WEIGHTS, strict=True)) % 11
    return None if control == 10 else control


def clean_bin(value):
    """Digits only: spaces, dashes and dots people type are dropped."""
    return "".join(c for c in str(value or "") if not c.isspace() and c not in "-.")


def bin_error(value):
    """Why ``value`` is not a valid BIN, or None when it is valid."""
    number = clean_bin(value)
    if not number.isdigit() or len(number) != 12:
        return _("A BIN has exactly 12 digits.")
    if check_digit(number[:11]) != int(number[11]):
        return _("This BIN's check digit does not match; check for a mistyped digit.")
    if number[4] not in LEGAL_ENTITY_TYPES:
        return _("This is not a BIN of a legal entity (its fifth digit must be 4, 5 or 6).")
    return None


def is_valid_bin(value):
    return bin_error(value) is None


def validate_bin(value):
    error = bin_error(value)
    if error:
        raise ValidationError(error, code="invalid_bin")
