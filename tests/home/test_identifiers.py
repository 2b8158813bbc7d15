"""BIN check digits, phone numbers and money as people write them."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms_plugins.bin import bin_error, check_digit, is_valid_bin, validate_bin
from cms_plugins.phone import format_phone, normalise_phone, validate_phone
from home.templatetags.site_tags import tenge


@pytest.mark.parametrize("number", ["940140000385", "990140004654", "9401 4000 0385", "940140-000385"])
def test_known_good_bins_pass(number):
    """Real BINs pass, with the spaces and dashes people type."""
    assert is_valid_bin(number)


def test_second_weights_are_used_when_first_sum_gives_ten():
    """The rare second pass of the check-digit rule is applied, not skipped."""
    # 00000000019: first pass 1*10 + 9*11 = 109, 109 % 11 = 10 -> second pass 1*1 + 9*2 = 19 % 11 = 8
    assert check_digit("00000000019") == 8
    # 00000000100: first pass 1*9 = 9, no second pass
    assert check_digit("00000000100") == 9


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("940140000386", "check digit"),
        ("94014000038", "12 digits"),
        ("9401400003851", "12 digits"),
        ("94014000038a", "12 digits"),
        ("", "12 digits"),
    ],
)
def test_bad_bins_are_refused_with_the_reason(number, reason):
    """A mistyped BIN is refused and the message says what is wrong."""
    with translation.override("en"):
        assert reason in str(bin_error(number))
    with pytest.raises(ValidationError):
        validate_bin(number)


def test_a_persons_iin_is_not_a_bin():
    """An IIN (fifth digit 0-3) with a correct check digit is still not an organisation's BIN."""
    body = "85010130012"  # born 1985-01-01, a person's number
    digit = check_digit(body)
    assert digit is not None
    with translation.override("en"):
        assert "fifth digit" in str(bin_error(body + str(digit)))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8 701 123 4567", "+77011234567"),
        ("+7(701)1234567", "+77011234567"),
        ("87011234567", "+77011234567"),
        ("+7 701 123-45-67", "+77011234567"),
        ("8 (7112) 51-23-45", "+77112512345"),
        ("7011234567", "+77011234567"),
        ("0077011234567", "+77011234567"),
    ],
)
def test_kazakh_phone_numbers_are_stored_as_e164(typed, stored):
    """Every usual way of writing a Kazakh number is understood."""
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["", "12345", "телефон", "8 701 123", "+7 701 123 45 67 89 00"])
def test_non_numbers_are_refused(typed):
    """Text that is not a phone number is refused with an example of the right form."""
    assert normalise_phone(typed) is None
    with pytest.raises(ValidationError, match="8 701 123 45 67"), translation.override("kk"):
        validate_phone(typed)


def test_stored_numbers_are_shown_grouped():
    """A stored number is shown the way people read it."""
    assert format_phone("+77112512345") == "+7 7112 51 23 45"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (570000, "570\u202f000\u202f₸"),
        (2850000, "2\u202f850\u202f000\u202f₸"),
        (0, "0\u202f₸"),
        ("12", "12\u202f₸"),
        ("x", ""),
    ],
)
def test_money_is_shown_in_whole_tenge_with_narrow_spaces(amount, shown):
    """570 000 ₸ is grouped with narrow no-break spaces, as kk/ru readers expect."""
    assert tenge(amount) == shown
