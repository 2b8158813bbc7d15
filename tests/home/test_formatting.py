"""One way per language to write dates, date-times, money, file sizes and phone numbers."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from cms_plugins.formatting import format_date, format_datetime, format_file_size, format_money
from cms_plugins.phone import format_phone

NNBSP = "\u202f"
ORAL = zoneinfo.ZoneInfo("Asia/Oral")
# 13:00 UTC is 18:00 in Uralsk: dates are shown in the site's time zone.
DEADLINE = datetime.datetime(2026, 12, 31, 13, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "date", "date_time"),
    [
        ("kk", "31 желтоқсан 2026", "31 желтоқсан 2026, 18:00"),
        ("ru", "31 декабря 2026", "31 декабря 2026, 18:00"),
        ("en", "31 December 2026", "31 December 2026, 18:00"),
    ],
)
def test_dates_and_times_have_one_shape_per_language(language, date, date_time):
    """The deadline reads the same everywhere: never "Dec. 31, 2026, 6 p.m.", never "31 Желтоқсан"."""
    with translation.override(language):
        assert format_date(DEADLINE) == date
        assert format_datetime(DEADLINE) == date_time
        assert format_date(datetime.date(2027, 2, 14)).startswith("14 ")
        # Django's own |date with the format names agrees (the admin uses them).
        assert Template('{{ d|date:"DATETIME_FORMAT" }}').render(Context({"d": DEADLINE})) == date_time


def test_kazakh_month_names_are_lower_case_inside_a_date():
    """Kazakh writes "14 ақпан 2027", unlike the capitalised names Django's catalogue gives."""
    with translation.override("kk"):
        shown = [format_date(datetime.date(2027, month, 1)) for month in range(1, 13)]
    assert all(text.split()[1].islower() for text in shown), shown
    assert shown[1] == "1 ақпан 2027"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_money_is_whole_units_with_narrow_spaces(language):
    """570 000 ₸ in every language, with narrow no-break spaces that never wrap."""
    with translation.override(language):
        assert format_money(570000) == f"570{NNBSP}000{NNBSP}₸"
        assert format_money(2850000, "") == f"2{NNBSP}850{NNBSP}000"
        assert format_money(None) == ""


@pytest.mark.parametrize(
    ("language", "ten_megabytes", "one_and_a_half", "two_kilobytes", "bytes_"),
    [
        ("kk", "10 МБ", "1,5 МБ", "2 КБ", "300 байт"),
        ("ru", "10 МБ", "1,5 МБ", "2 КБ", "300 Б"),
        ("en", "10 MB", "1.5 MB", "2 KB", "300 B"),
    ],
)
def test_file_sizes_have_no_trailing_zero_and_the_languages_decimal_mark(
    language, ten_megabytes, one_and_a_half, two_kilobytes, bytes_
):
    """ "10 МБ", not "10.0 МБ"; a decimal comma in kk and ru."""
    with translation.override(language):
        assert format_file_size(10 * 1024 * 1024) == ten_megabytes
        assert format_file_size(1536 * 1024) == one_and_a_half
        assert format_file_size(2048) == two_kilobytes
        assert format_file_size(300) == bytes_


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("+77012345678", "+7 701 234 56 78"), ("+77112512345", "+7 7112 51 23 45"), ("", "")],
)
def test_phones_are_stored_e164_and_shown_in_pairs(stored, shown):
    assert format_phone(stored) == shown


def test_template_filters_use_the_same_formats():
    """Templates load the same functions as code: {% load formatting %}."""
    template = Template(
        "{% load formatting %}{{ d|local_datetime }}|{{ d|local_date }}|{{ a|money }}|{{ s|file_size }}|{{ p|phone }}"
    )
    with translation.override("ru"):
        html = template.render(
            Context({"d": DEADLINE, "a": 570000, "s": 10 * 1024 * 1024, "p": "+77012345678"}),
        )
    assert html == f"31 декабря 2026, 18:00|31 декабря 2026|570{NNBSP}000{NNBSP}₸|10 МБ|+7 701 234 56 78"
