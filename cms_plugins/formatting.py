"""How dates, times, money, file sizes and phone numbers are written: one way per language.

The public site, emails, exports and admin lists all call these (or their template
filters, ``{% load formatting %}``: ``local_date``, ``local_datetime``, ``money``,
``file_size``, ``phone``), so a deadline reads the same on the home page, the start
page and in the confirmation email. The date patterns themselves are the
``DATE_FORMAT``/``DATETIME_FORMAT`` of the format modules (``FORMAT_MODULE_PATH``),
so Django's own ``|date`` and the admin agree with them.

- dates: ``31 December 2026`` / ``31 декабря 2026`` / ``31 желтоқсан 2026``
  (Kazakh writes month names in lower case; the kk catalogue in ``locale/`` says so);
- date-times: the date, a comma, 24-hour time in the site's time zone: ``31 December 2026, 18:00``;
- money: whole units grouped by narrow no-break spaces: ``570 000 ₸``;
- file sizes: ``10 MB``, ``1,5 МБ`` (no ``.0``; the language's decimal separator);
- phones: stored E.164, shown ``+7 701 234 56 78``.
"""

import datetime

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext
from wagtail.admin.ui.fields import BaseFieldDisplay

from .phone import format_phone

NARROW_NBSP = "\u202f"
KB = 1024

register = template.Library()


def format_date(value):
    """``31 December 2026`` in the active language ("" for no date)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return formats.date_format(value, "DATE_FORMAT")


def format_datetime(value):
    """``31 December 2026, 18:00`` in the site's time zone and the active language."""
    if not value:
        return ""
    if not isinstance(value, datetime.datetime):
        return format_date(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATETIME_FORMAT")


def format_money(amount, currency=None):
    """Whole units grouped by narrow no-break spaces: ``570 000 ₸`` ("" for no amount).

    The sign is the setting ``MONEY_CURRENCY`` unless given ("" for none).
    """
    if currency is None:
        currency = getattr(settings, "MONEY_CURRENCY", "")
    try:
        number = int(amount)
    except (TypeError, ValueError):
        return ""
    grouped = f"{abs(number):,}".replace(",", NARROW_NBSP)
    sign = "−" if number < 0 else ""
    return f"{sign}{grouped}{NARROW_NBSP}{currency}" if currency else f"{sign}{grouped}"


def format_number(value, decimal_places=1):
    """A number with at most ``decimal_places`` decimals, none when they are zero: ``10``, ``1,5``."""
    rounded = round(float(value), decimal_places)
    places = 0 if rounded == int(rounded) else decimal_places
    return formats.number_format(rounded, places, use_l10n=True)


def format_file_size(size):
    """``512 B``, ``200 KB``, ``10 MB``, ``1,5 GB`` (binary units, as file limits are counted)."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    units = [
        (KB**3, gettext("%(size)s GB")),
        (KB**2, gettext("%(size)s MB")),
        (KB, gettext("%(size)s KB")),
    ]
    for unit, text in units:
        if size >= unit:
            return text % {"size": format_number(size / unit)}
    return gettext("%(size)s B") % {"size": size}


register.filter("local_date", format_date)
register.filter("local_datetime", format_datetime)
register.filter("money", format_money)
register.filter("file_size", format_file_size)
register.filter("phone", format_phone)


class LocalDateTimeDisplay(BaseFieldDisplay):
    """How the admin's inspect views show a date-time field: in the site's time zone.

    Wagtail's inspect template writes a bare value through ``|localize``, which formats an
    aware date-time as stored (UTC): an applicant who submitted at 02:51 in Oral read 21:51.
    ``home``'s app config registers it for every model's ``DateTimeField``."""

    def render_html(self, parent_context=None):
        return format_datetime(self.value) or "—"
