"""The steps of a grant application, in order."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.multistep.steps import Step, designed_steps, review_step

from . import forms

FIXED_KEYS = {"eligibility", "applicant", "budget", "attachments", "check", "declaration"}


def call_steps(call):
    return [
        Step("eligibility", _("Can you apply?"), forms.EligibilityForm),
        Step("applicant", _("About you"), forms.ApplicantForm),
        *designed_steps(call.form_steps),
        Step("budget", _("Budget"), forms.BudgetForm),
        Step(
            "attachments",
            _("Documents"),
            forms.AttachmentsForm,
            intro=_("PDF, Word, Excel or photos (JPG, PNG, HEIC), up to 10 MB a file and 25 MB in all."),
        ),
        review_step("check", _("Check your answers")),
        Step(
            "declaration",
            _("Declaration and submission"),
            forms.DeclarationForm,
            kind="final",
            template_name="grants/multistep/declaration.html",
        ),
    ]
