"""A short list of codes chosen from fixed choices, kept in one text column (",a,b,").

Topics are a handful of codes per event: one column filters with a plain ``contains``
on every database (no join, no query per card), is copied to translations as it is
(wagtail-localize is told to synchronise it), and is edited as checkboxes.
"""

from django import forms
from django.db import models


def pack(codes):
    codes = [code for code in codes if code]
    return f",{','.join(codes)}," if codes else ""


def unpack(value):
    return [code for code in (value or "").split(",") if code]


class CodeListFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return unpack(value) if isinstance(value, str) else value

    def clean(self, value):
        return pack(super().clean(value))

    def has_changed(self, initial, data):
        return unpack(initial) != list(data or []) if isinstance(initial, str) else super().has_changed(initial, data)


class CodeListField(models.CharField):
    """A CharField holding ``,code,code,`` from ``code_choices`` (the field's own ``choices`` stay empty)."""

    def __init__(self, *args, code_choices=(), **kwargs):
        self.code_choices = code_choices
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs  # the choices are code, not schema

    def formfield(self, **kwargs):
        return CodeListFormField(
            choices=self.code_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )
