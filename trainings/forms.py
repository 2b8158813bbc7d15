"""The registration form on an event's page: short, for a phone, with its limits stated."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms_plugins.phone import normalise_phone
from cms_plugins.places.pages import districts_by_code

LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский")]


class RegistrationForm(forms.Form):
    """``website`` is a honeypot: people never see it, bots fill it in."""

    full_name = forms.CharField(
        label=_("Your full name"), max_length=160, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation = forms.CharField(
        label=_("Organisation or initiative group"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    district = forms.ChoiceField(label=_("District"))
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        help_text=_("For example 8 701 234 56 78."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("The confirmation, the calendar file and the link to cancel come here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of our emails"), choices=LANGUAGES, widget=forms.RadioSelect)
    consent = forms.BooleanField(label=_("I agree to the processing of my personal data as described above."))
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = districts_by_code(locale_id)
        self.fields["district"].choices = [("", "—")] + [(code, d.name) for code, d in self.districts.items()]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Write your name as it should appear on the list."))
        return name

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if not phone:
            raise ValidationError(_("Enter a phone number we can reach you on, for example 8 701 234 56 78."))
        return phone

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def district_row(self):
        return self.districts.get(self.cleaned_data.get("district"))

    @property
    def is_bot(self):
        return bool(self.data.get("website"))


class ConsultationForm(forms.Form):
    """A question for the programme's consultants; ``website`` is a honeypot."""

    organisation = forms.CharField(
        label=_("Organisation or initiative group"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    full_name = RegistrationForm.base_fields["full_name"]
    district = forms.ChoiceField(label=_("District"))
    phone = RegistrationForm.base_fields["phone"]
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We write to this address when the consultation is scheduled."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of our emails"), choices=LANGUAGES, widget=forms.RadioSelect)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    question = forms.CharField(
        label=_("Your question"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Up to 2,000 characters."),
    )
    preferred_format = forms.ChoiceField(label=_("How would you like the consultation?"), widget=forms.RadioSelect)
    preferred_dates = forms.CharField(
        label=_("Dates and times that suit you"),
        max_length=200,
        required=False,
        help_text=_("For example: weekdays after 15:00, or 10–12 December."),
    )
    consent = forms.BooleanField(label=_("I agree to the processing of my personal data as described above."))
    website = RegistrationForm.base_fields["website"]

    def __init__(self, *args, locale_id, **kwargs):
        from .choices import Topic
        from .consultations import ConsultationFormat

        super().__init__(*args, **kwargs)
        self.districts = districts_by_code(locale_id)
        self.fields["district"].choices = [("", "—")] + [(code, d.name) for code, d in self.districts.items()]
        self.fields["topic"].choices = [("", "—"), *Topic.choices]
        self.fields["preferred_format"].choices = ConsultationFormat.choices
        self.fields["preferred_format"].initial = ConsultationFormat.PHONE

    clean_full_name = RegistrationForm.clean_full_name
    clean_organisation = RegistrationForm.clean_organisation
    clean_phone = RegistrationForm.clean_phone
    clean_email = RegistrationForm.clean_email
    district_row = RegistrationForm.district_row
    is_bot = RegistrationForm.is_bot
