"""The survey as one Django form: every designed question, then optional contacts.

A survey is short and answered once, so it is one page (one request on a slow
network, nothing to resume) rather than the engine's steps with drafts. The fields
are the engine's (``make_field`` of each question block) under the questions' keys.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms_plugins.multistep.fields import LimitedTextField
from cms_plugins.phone import normalise_phone

from .blocks import OTHER, questions_of

OTHER_SUFFIX = "__other"
OTHER_MAX_LENGTH = 255


def other_field_name(key):
    return f"{key}{OTHER_SUFFIX}"


class SurveyForm(forms.Form):
    """Built per request by ``survey_form_class``; ``sections`` lists the fields of each section in order."""

    sections = ()
    questions = {}

    full_name = forms.CharField(
        label=_("Your name"), max_length=120, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        required=False,
        help_text=_("Optional. With it we can tell you about trainings on the topics you chose."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."), required=False
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    CONTACT_FIELDS = ("full_name", "email", "phone", "consent")

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not phone:
            return ""
        normalised = normalise_phone(phone)
        if not normalised:
            raise ValidationError(_("Enter a phone number such as +7 701 234 56 78."))
        return normalised

    def clean(self):
        cleaned = super().clean()
        for key in self.questions:
            other = other_field_name(key)
            if other not in self.fields:
                continue
            chosen = cleaned.get(key)
            chosen = chosen if isinstance(chosen, list) else [chosen]
            text = (cleaned.get(other) or "").strip()
            if OTHER in chosen and not text:
                self.add_error(other, _("You chose “other”: say what you mean."))
            elif OTHER not in chosen:
                cleaned[other] = ""
        gave_contacts = any(cleaned.get(name) for name in ("full_name", "email", "phone"))
        if gave_contacts and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _("To keep your name, email or phone we need your consent; tick it, or leave those fields empty."),
            )
        return cleaned

    def answers(self):
        """{key: answer} of the designed questions, plain JSON values (option keys, numbers, text)."""
        result = {}
        for key in self.questions:
            value = self.cleaned_data.get(key)
            if value not in (None, "", []):
                result[key] = value
            other = self.cleaned_data.get(other_field_name(key))
            if other:
                result[other_field_name(key)] = other
        return result

    def contacts(self):
        if not self.cleaned_data.get("consent"):
            return {"full_name": "", "email": "", "phone": ""}
        return {name: self.cleaned_data.get(name) or "" for name in ("full_name", "email", "phone")}

    def section_fields(self):
        """[(section, [bound field])] for the template, the "other" text right after its question."""
        return [(section, [self[name] for name in names]) for section, names in self.sections]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]


def survey_form_class(stream_value):
    """A SurveyForm subclass for a page's questions (labels in the page's language)."""
    fields, questions, sections = {}, {}, []
    for section, items in questions_of(stream_value):
        names = []
        for block, value in items:
            key = value["key"]
            fields[key] = block.make_field(value)
            questions[key] = (block, value)
            names.append(key)
            if value.get("allow_other"):
                fields[other_field_name(key)] = LimitedTextField(
                    limit=OTHER_MAX_LENGTH,
                    required=False,
                    label=_("Other, please specify"),
                )
                names.append(other_field_name(key))
        sections.append((section, names))
    return type("DesignedSurveyForm", (SurveyForm,), {**fields, "questions": questions, "sections": sections})
