"""Django form fields the engine builds questions from.

All of them work without JavaScript. Values are plain JSON types once cleaned
(numbers, strings, lists of dicts), so answers can be stored and shown anywhere.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms_plugins.formatting import format_file_size

from . import conf, filetypes

SPACES = re.compile(r"[\s\u00a0\u202f\u2009,'’_]")


def parse_whole_number(value):
    """People write 570 000, 570,000 or 570000 ₸; all mean 570000. None when not a number."""
    text = SPACES.sub("", str(value or ""))
    text = text.rstrip("₸$€₽").removesuffix("тг").removesuffix("тенге").strip()
    if text.startswith(("+", "-")):
        sign, digits = text[0], text[1:]
    else:
        sign, digits = "", text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 15:
        return None
    return int(sign + digits)


class LimitedTextField(forms.CharField):
    """Text with a stated limit that the server checks, never the browser.

    No ``maxlength`` attribute: a browser cuts a pasted text at the limit without a
    word, and the applicant loses the end. A live counter (``counter.js``, reading
    ``data-limit``) shows the count instead. A line break counts as one character
    however the browser sends it (``\r\n`` from a textarea).
    """

    def __init__(self, *, limit, **kwargs):
        self.limit = limit
        super().__init__(**kwargs)
        self.validators.append(MaxLengthValidator(limit))
        self.limit_text = _("Up to %(count)s characters.") % {"count": limit}

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["data-limit"] = str(self.limit)
        attrs["data-counter"] = _("Characters: %(count)s of %(limit)s")
        attrs["data-counter-over"] = _("Characters: %(count)s of %(limit)s, %(over)s too many")
        return attrs


class WholeNumberField(forms.IntegerField):
    """An integer typed the way people type amounts; numeric keyboard on phones."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_whole_number(value)
        if number is None:
            raise ValidationError(_("Enter a whole number, for example 570000."), code="invalid")
        return number

    def widget_attrs(self, widget):
        # no min/max/step attributes: the browser must not block a form without JavaScript
        return {}


class MoneyField(WholeNumberField):
    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_whole_number(value)
        if number is None:
            raise ValidationError(_("Enter an amount in whole units, for example 570000."), code="invalid")
        return number


class StoredFile:
    """A file already kept with the draft: shown as "current file", kept unless replaced."""

    def __init__(self, info):
        self.info = info
        self.name = info.get("name", "")
        self.size = info.get("size", 0)

    @property
    def size_text(self):
        """``10 МБ`` (widgets render with the form renderer, which has no {% load formatting %})."""
        return format_file_size(self.size)

    def __str__(self):
        return self.name

    def __bool__(self):
        return True


class StoredFileInput(forms.ClearableFileInput):
    template_name = "multistep/widgets/file.html"

    def is_initial(self, value):
        return isinstance(value, StoredFile)

    def format_value(self, value):
        return value if self.is_initial(value) else None


class CheckedFileField(forms.FileField):
    """A file checked by size and by content against the accepted kinds."""

    widget = StoredFileInput

    def __init__(self, *, kinds=None, max_size=None, **kwargs):
        self.kinds = list(kinds or filetypes.DEFAULT_KINDS)
        self.max_size = max_size or conf.get("MAX_FILE_SIZE")
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join("." + ext for ext in filetypes.accepted_extensions(self.kinds))
        return attrs

    def limits_text(self):
        return _("Accepted: %(types)s. Up to %(size)s a file.") % {
            "types": ", ".join(str(filetypes.KINDS[k][0]) for k in self.kinds if k in filetypes.KINDS),
            "size": format_file_size(self.max_size),
        }

    def clean(self, data, initial=None):
        if isinstance(data, StoredFile):
            return data
        value = super().clean(data, initial)
        if value and not isinstance(value, StoredFile):
            if value.size > self.max_size:
                raise ValidationError(
                    _("“%(name)s” is %(size)s; a file may be at most %(max)s.")
                    % {
                        "name": value.name,
                        "size": format_file_size(value.size),
                        "max": format_file_size(self.max_size),
                    },
                    code="too_big",
                )
            message = filetypes.check(value, value.name, self.kinds)
            if message:
                raise ValidationError(message, code="wrong_type")
        return value


class RowsWidget(forms.Widget):
    """A table of inputs, one row per line; empty rows are ignored.

    Without JavaScript the table offers a few empty rows and an "add rows" button
    that saves what is typed and shows more.
    """

    template_name = "multistep/widgets/rows.html"
    ROW_INDEX = re.compile(r"^(\d{1,3})-([a-z0-9_]+)$")

    def __init__(self, columns=(), rows=3, attrs=None):
        super().__init__(attrs)
        self.columns = list(columns)
        self.rows = rows

    def value_from_datadict(self, data, files, name):
        rows = {}
        for key in data:
            if not key.startswith(name + "-"):
                continue
            match = self.ROW_INDEX.match(key[len(name) + 1 :])
            if match:
                rows.setdefault(int(match.group(1)), {})[match.group(2)] = data.get(key)
        column_keys = [column["key"] for column in self.columns]
        return [
            {key: str(row.get(key) or "").strip() for key in column_keys}
            for _index, row in sorted(rows.items())
            if any(str(row.get(key) or "").strip() for key in column_keys)
        ]

    def value_omitted_from_data(self, data, files, name):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = value if isinstance(value, list) else []
        count = max(self.rows, len(value) + 2)
        table = []
        for index in range(count):
            row = value[index] if index < len(value) and isinstance(value[index], dict) else {}
            table.append(
                {
                    "number": index + 1,
                    "cells": [
                        {
                            "name": f"{name}-{index}-{column['key']}",
                            "id": f"{attrs.get('id', name)}-{index}-{column['key']}",
                            "label": column["label"],
                            "numeric": column["kind"] in ("number", "money"),
                            "value": "" if row.get(column["key"]) is None else row.get(column["key"]),
                        }
                        for column in self.columns
                    ],
                }
            )
        context["widget"].update({"columns": self.columns, "table": table})
        return context


class RowsField(forms.Field):
    """Repeatable rows (budget lines, an activity plan): a list of dicts by column key."""

    widget = RowsWidget

    def __init__(self, *, columns, min_rows=0, max_rows=50, **kwargs):
        self.columns = list(columns)
        self.min_rows = min_rows
        self.max_rows = max_rows
        kwargs.setdefault("widget", RowsWidget(columns=self.columns, rows=max(3, min_rows)))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value

    def to_python(self, value):
        if not isinstance(value, list):
            return []
        return value

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def clean(self, value):
        rows = self.to_python(value)
        self.validate(rows)
        if rows and len(rows) < self.min_rows:
            raise ValidationError(
                ngettext("Fill in at least %(count)d row.", "Fill in at least %(count)d rows.", self.min_rows)
                % {"count": self.min_rows}
            )
        if len(rows) > self.max_rows:
            raise ValidationError(
                ngettext("At most %(count)d row is allowed.", "At most %(count)d rows are allowed.", self.max_rows)
                % {"count": self.max_rows}
            )
        cleaned, errors = [], []
        for number, row in enumerate(rows, start=1):
            out = {}
            for column in self.columns:
                raw = str(row.get(column["key"], ""))[: conf.get("MAX_VALUE_LENGTH")]
                where = {"row": number, "column": column["label"]}
                if "\x00" in raw:
                    errors.append(_("Row %(row)d, %(column)s: this text contains characters we cannot keep.") % where)
                    continue
                if not raw:
                    if column.get("required", True):
                        errors.append(_("Row %(row)d, %(column)s: fill this in.") % where)
                    out[column["key"]] = None
                    continue
                if column["kind"] in ("number", "money"):
                    number = parse_whole_number(raw)
                    if number is None:
                        errors.append(_("Row %(row)d, %(column)s: enter a whole number.") % where)
                    elif number < 0:
                        errors.append(_("Row %(row)d, %(column)s: enter a number that is not negative.") % where)
                    out[column["key"]] = number
                else:
                    if len(raw) > 500:
                        errors.append(_("Row %(row)d, %(column)s: at most 500 characters.") % where)
                    out[column["key"]] = raw
            cleaned.append(out)
        if errors:
            raise ValidationError(errors)
        return cleaned
