"""django-import-export widgets for the contacts spreadsheet: one per way people write a value.

Each ``clean()`` returns the stored form of a cell, ``None`` for a blank cell (blank
never erases), or raises ``ValueError`` with the message the coordinator reads.
Widgets are built once per import (per resource), so their tables and caches live
as long as one file.
"""

import datetime as dt
import re

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from import_export import widgets

from cms_plugins.bin import bin_error, check_digit, clean_bin
from cms_plugins.formulas import FORMULA_START
from cms_plugins.phone import default_region, normalise_phone
from cms_plugins.places.models import District
from cms_plugins.places.resolver import DistrictResolver, normalise

from .names import fold

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%Y.%m.%d"]
DATETIME_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"]
YES = {"yes", "y", "true", "1", "x", "да", "д", "иә", "ия", "иа", "+"}
NO = {"no", "n", "false", "0", "нет", "н", "жоқ", "жок", "-"}


def cell_text(value):
    """A cell as text: numbers without '.0', the formula-escape apostrophe removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        text = text[1:]
    return text


def choice_table(choices, extra=None):
    """Every way to write a choice: its key, its label in each language, configured aliases."""
    table = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices:
                table.setdefault(fold(str(label)), value)
    for value, _label in choices:
        table[fold(value)] = value
        table[fold(value.replace("_", " "))] = value
    for alias, value in (extra or {}).items():
        table[fold(alias)] = value
    return table


class TextWidget(widgets.Widget):
    """Plain text, at most ``max_length`` characters."""

    def __init__(self, max_length=None, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length

    def limit(self, text):
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                _("At most %(max)s characters (this has %(length)s).") % {"max": self.max_length, "length": len(text)}
            )
        return text

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.limit(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class BinWidget(TextWidget):
    """A BIN with a valid check digit; the leading zero a numeric cell dropped is restored."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        number = clean_bin(text)
        if len(number) == 11 and number.isdigit() and check_digit("0" + number[:10]) == int(number[10]):
            number = "0" + number
        error = bin_error(number)
        if error:
            raise ValueError(str(error))
        return number


class ChoiceWidget(TextWidget):
    """A choice written as its key, its label in any site language or a configured alias."""

    def __init__(self, choices, what, aliases_setting=None, extra=None, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.what = what
        self.aliases_setting = aliases_setting
        self.extra = extra or {}

    @cached_property
    def table(self):
        # Built on first use, once per import: labels in every language plus the aliases
        # a site configures (legal forms are a country's own words).
        aliases = dict(self.extra)
        if self.aliases_setting:
            aliases.update(getattr(settings, self.aliases_setting, {}))
        return choice_table(self.choices, aliases)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        found = self.table.get(fold(text))
        if found is None:
            labels = ", ".join(str(label) for _value, label in self.choices)
            raise ValueError(
                _("“%(value)s” is not a %(what)s we know. Use one of: %(choices)s.")
                % {"value": text, "what": self.what, "choices": labels}
            )
        return found


class DistrictWidget(widgets.Widget):
    """A district in any spelling the resolver reads, a District row, or a name whose
    Kazakh letters a Windows-1251 save turned into '?' when exactly one district fits."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.cache = {}

    @cached_property
    def resolver(self):
        return DistrictResolver()

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, District):
            return self.resolver.resolve(value.code)
        text = cell_text(value)
        if not text:
            return None
        if text not in self.cache:
            code = self.resolver.code_for(text) or self.damaged_code(text)
            self.cache[text] = self.resolver.resolve(code) if code else None
        if self.cache[text] is None:
            raise ValueError(_("“%(value)s” is not a district we know.") % {"value": text})
        return self.cache[text]

    def damaged_code(self, text):
        if "?" not in text:
            return None
        # The resolver's own tables (places is a sibling plug-in of ours).
        noise = getattr(self.resolver, "_noise", set())
        known = getattr(self.resolver, "_by_key", {})

        def is_noise(word):
            if "?" not in word:
                return False
            pattern = re.compile("^" + re.escape(word).replace(r"\?", ".") + "$")
            return any(pattern.match(n) for n in noise)

        words = [w for w in normalise(text).split() if w and not is_noise(w)]
        if not words:
            return None
        pattern = re.compile("^" + re.escape(" ".join(words)).replace(r"\?", ".") + "$")
        codes = {code for key, code in known.items() if pattern.match(key)}
        return codes.pop() if len(codes) == 1 else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    """A date cell, or text in the usual forms (2024-03-31, 31.03.2024, 31/03/2024)."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        day = parse_date(text)
        if day is None:
            raise ValueError(_("“%(value)s” is not a date. Write it as 2024-03-31 or 31.03.2024.") % {"value": text})
        return day


def parse_date(text):
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class DateTimeWidget(widgets.Widget):
    """A moment, in the site's time zone when the cell has none; whole seconds."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, dt.date):
            moment = dt.datetime.combine(value, dt.time())
        else:
            text = cell_text(value).replace("T", " ")
            if not text:
                return None
            moment = None
            for fmt in DATETIME_FORMATS:
                try:
                    moment = dt.datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
            if moment is None:
                day = parse_date(text)
                moment = dt.datetime.combine(day, dt.time()) if day else None
            if moment is None:
                raise ValueError(
                    _("“%(value)s” is not a date and time. Write it as 2024-03-31 14:30 or 31.03.2024 14:30.")
                    % {"value": text}
                )
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.replace(microsecond=0)


class PhoneWidget(widgets.Widget):
    """A phone number to E.164 (default region from ``PHONE_DEFAULT_REGION``).

    Numbers of the +7 plan typed in the usual ways skip the full parser: validity
    depends on the first six national digits, checked once per prefix with it."""

    NOISE = re.compile(r"[\s().\-]")
    PLAN7 = re.compile(r"(?:\+7|8|7)(\d{10})")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.prefixes = {}

    @cached_property
    def plan7(self):
        return phonenumbers.country_code_for_region(default_region()) == 7

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        phone = self.normalise(text)
        if phone is None:
            raise ValueError(
                _("“%(value)s” is not a phone number we recognise. Write it as +7 701 123 45 67 or 8 701 123 45 67.")
                % {"value": text}
            )
        return phone

    def normalise(self, text):
        match = self.PLAN7.fullmatch(self.NOISE.sub("", text)) if self.plan7 else None
        if match:
            national = match.group(1)
            prefix = national[:6]
            if prefix not in self.prefixes:
                self.prefixes[prefix] = normalise_phone("+7" + national) is not None
            return "+7" + national if self.prefixes[prefix] else None
        return normalise_phone(text)


class EmailWidget(TextWidget):
    """An e-mail address, lower case, as Django's ``validate_email`` accepts it.

    Most addresses are plain ASCII (name@host.kz): ``PLAIN`` accepts those at once. It
    is a strict subset of what ``validate_email`` accepts (the same dot-atom before the
    @, labels of 1-63 letters, digits and inner hyphens, a top-level domain of letters),
    so anything it does not match is left to ``validate_email``, at a tenth of the cost
    for the usual address.
    """

    LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    PLAIN = re.compile(
        r"[a-z0-9!#$%&'*+/=?^_`{}|~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{}|~-]+)*"
        rf"@{LABEL}(?:\.{LABEL})*\.[a-z]{{2,63}}"
    )

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        email = text.lower().removeprefix("mailto:")
        if len(email) > 320 or not self.PLAIN.fullmatch(email):
            try:
                validate_email(email)
            except ValidationError as error:
                raise ValueError(_("“%(value)s” is not a valid e-mail address.") % {"value": text}) from error
        return self.limit(email)


class YesNoWidget(widgets.Widget):
    """Yes or no in kk, ru or en words, or as 1/0, x, +/-."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value)
        if not text:
            return None
        word = fold(text)
        if word in YES:
            return True
        if word in NO:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": text})


class WebsiteWidget(TextWidget):
    """A web address; "zhas.kz" gets https:// in front."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        url = text if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I) else "https://" + text
        try:
            URLValidator()(url)
        except ValidationError as error:
            raise ValueError(_("“%(value)s” is not a web address.") % {"value": text}) from error
        return self.limit(url)


class FocusAreasWidget(widgets.Widget):
    """Focus areas separated by ; , or new lines; each at most 100 characters."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        tags = []
        for tag in re.split(r"[;,\n]", text):
            tag = re.sub(r"\s+", " ", tag).strip()
            if tag and len(tag) <= 100:
                tags.append(tag)
        return tags
