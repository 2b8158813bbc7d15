from django import forms
from django.utils.translation import gettext_lazy as _


class StartForm(forms.Form):
    """The first screen: where to send the secret link. ``website`` is a honeypot."""

    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("We send you a secret link to continue on any device. We use it only for this form."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self):
        return bool(self.data.get("website"))
