"""The fixed steps of a grant application (around the steps editors design)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms_plugins.bin import bin_error, clean_bin
from cms_plugins.formatting import format_money
from cms_plugins.multistep.blocks import YES_NO
from cms_plugins.multistep.fields import CheckedFileField, MoneyField, RowsField
from cms_plugins.multistep.steps import StepForm
from cms_plugins.phone import format_phone, normalise_phone
from cms_plugins.places.models import District

from .applications import APPLICANT_TYPES, Application

MB = 1024 * 1024
ATTACHMENT_MAX_MB = 10


def stored_answer(draft, step, field):
    """A raw answer of another step of the same draft ("" when not answered)."""
    values = ((draft.data or {}).get("step_data", {}).get(step, {}) if draft else {}).get(f"{step}-{field}") or [""]
    return values[-1]


class EligibilityForm(StepForm):
    applicant_type = forms.ChoiceField(label=_("Who is applying?"), choices=APPLICANT_TYPES, widget=forms.RadioSelect)
    rural = forms.ChoiceField(
        label=_("Does your organisation or group work in a rural district of West Kazakhstan Region?"),
        help_text=_("Villages and district centres count; the city of Uralsk alone does not."),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    project_in_region = forms.ChoiceField(
        label=_("Will the project take place in the region and end within the grant period?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        reasons = []
        accepted = self.page.accepted_types() if self.page else []
        kind = data.get("applicant_type")
        if kind and kind not in accepted:
            reasons.append(
                _("This call is for %(types)s only.")
                % {"types": ", ".join(str(label) for key, label in APPLICANT_TYPES if key in accepted)}
            )
        if data.get("rural") == "no":
            reasons.append(_("This programme supports organisations and groups working in rural districts."))
        if data.get("project_in_region") == "no":
            reasons.append(_("The project must take place in the region and end within the grant period."))
        if reasons:
            raise forms.ValidationError(
                [_("You cannot apply to this call:"), *reasons, _("Questions? Contact the programme's coordinators.")],
                code="ineligible",
            )
        return data


class ApplicantForm(StepForm):
    organisation_name = forms.CharField(label=_("Name of the organisation or initiative group"), max_length=255)
    bin = forms.CharField(
        label=_("BIN"),
        required=False,
        max_length=20,
        help_text=_("12 digits. Initiative groups leave this empty."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    district = forms.ChoiceField(label=_("District"), choices=())
    settlement = forms.CharField(label=_("Village or town"), max_length=120)
    contact_name = forms.CharField(label=_("Contact person: full name"), max_length=200)
    contact_role = forms.CharField(
        label=_("Their role"), max_length=120, required=False, help_text=_("For example chair, member, accountant.")
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=32,
        help_text=_("For example 8 701 123 45 67."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("Choose a district")), *self.district_choices()]
        # A registered organisation must give its BIN: the field says so (not "optional")
        # before the applicant tries; only initiative groups may leave it empty.
        bin_field = self.fields["bin"]
        bin_field.required = not self.is_initiative_group
        bin_field.error_messages["required"] = _("Registered organisations give their BIN.")
        if self.draft is not None and not self.is_bound:
            self.initial.setdefault("email", self.draft.email)

    def district_choices(self):
        """(code, name) in the active language, read once per request (kept on the draft object)."""
        language = self.language()
        memo = getattr(self.draft, "_district_choices", None) if self.draft is not None else None
        if memo is None or memo[0] != language:
            memo = (
                language,
                list(District.objects.filter(locale__language_code=language).in_order().values_list("code", "name")),
            )
            if self.draft is not None:
                self.draft._district_choices = memo
        return memo[1]

    def language(self):
        from django.utils.translation import get_language

        return (get_language() or "ru")[:2]

    @property
    def is_initiative_group(self):
        return stored_answer(self.draft, "eligibility", "applicant_type") == "initiative_group"

    def clean_bin(self):
        value = clean_bin(self.cleaned_data.get("bin"))
        if not value:
            if not self.is_initiative_group:
                raise forms.ValidationError(_("Registered organisations give their BIN."), code="required")
            return ""
        error = bin_error(value)
        if error:
            raise forms.ValidationError(error)
        if self.page is not None and self.already_applied(value):
            raise forms.ValidationError(
                _(
                    "An application from the organisation with this BIN has already been submitted to this call. "
                    "Each organisation may send one application per call; to change it, contact the coordinators."
                ),
                code="already_applied",
            )
        return value

    def already_applied(self, bin_value):
        return Application.objects.counting_for_bin(self.page, bin_value).exists()

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data.get("phone"))
        if phone is None:
            raise forms.ValidationError(_("Write the number as 8 701 123 45 67 or +7 701 123 45 67."))
        return phone

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def display_answers(self):
        """The phone as people read it (``+7 701 234 56 78``); it is stored as E.164."""
        phone_label = self.fields["phone"].label
        return [
            (label, format_phone(self.cleaned_data.get("phone")) if label == phone_label else text)
            for label, text in super().display_answers()
        ]


class BudgetForm(StepForm):
    requested_amount = MoneyField(
        label=_("Amount you request (₸)"),
        min_value=1,
        help_text=_("Whole tenge. It must equal the sum of the lines below."),
    )
    lines = RowsField(
        label=_("Budget lines"),
        columns=[
            {"key": "item", "label": _("What for"), "kind": "text", "required": True},
            {"key": "amount", "label": _("Amount (₸)"), "kind": "money", "required": True},
        ],
        min_rows=1,
        max_rows=30,
        help_text=_("One line per expense: materials, rent, transport, printing, fees."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.page is not None:
            cap = format_money(self.page.amount_per_grant, "₸")
            self.fields["requested_amount"].limit_text = _("At most %(cap)s.") % {"cap": cap}

    def clean(self):
        data = super().clean()
        amount, lines = data.get("requested_amount"), data.get("lines")
        if amount is not None and self.page is not None and amount > self.page.amount_per_grant:
            self.add_error(
                "requested_amount",
                _("You may request at most %(cap)s.") % {"cap": format_money(self.page.amount_per_grant, "₸")},
            )
        if amount is not None and lines:
            total = sum(line.get("amount") or 0 for line in lines)
            if total != amount:
                self.add_error(
                    "lines",
                    _("The lines add up to %(total)s but you request %(amount)s; make them equal.")
                    % {"total": format_money(total, "₸"), "amount": format_money(amount, "₸")},
                )
        return data

    def display_answers(self):
        lines = self.cleaned_data.get("lines") or []
        return [
            (self.fields["requested_amount"].label, format_money(self.cleaned_data.get("requested_amount"), "₸")),
            (
                self.fields["lines"].label,
                "\n".join(f"{line['item']} — {format_money(line['amount'], '₸')}" for line in lines),
            ),
        ]


def attachment(label, help_text, required=False):
    return CheckedFileField(label=label, help_text=help_text, required=required, max_size=ATTACHMENT_MAX_MB * MB)


class AttachmentsForm(StepForm):
    registration = attachment(
        _("Registration certificate or protocol of the group's meeting"),
        _("A scan or a clear phone photo."),
        required=True,
    )
    support_letter = attachment(_("Letter of support"), _("From the village akimat or partners, if you have one."))
    other = attachment(_("Another document"), _("Estimates, photos of the place, anything that helps."))


class DeclarationForm(StepForm):
    consent_version = forms.CharField(widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={"required": _("We cannot accept the application without your consent.")},
    )
    truthful = forms.BooleanField(
        label=_("The information in this application is true and complete."),
        error_messages={"required": _("Confirm that the information is true.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.page is not None:
            self.initial["consent_version"] = self.page.consent_version

    def clean_consent_version(self):
        version = self.cleaned_data.get("consent_version")
        if self.page is not None and version != self.page.consent_version:
            raise forms.ValidationError(
                _("The consent text has changed since you opened this page; read it again and confirm.")
            )
        return version
