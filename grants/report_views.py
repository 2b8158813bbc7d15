"""The grantee's report, through the secret link of their application (the browser it let in):
one page with the call's report questions (designed in the CMS with the application form's
blocks) and the spending against the budget lines; coordinators accept or return it."""

from contextlib import suppress

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from cms_plugins.formatting import format_money
from cms_plugins.multistep.fields import MoneyField
from cms_plugins.multistep.steps import designed_steps
from cms_plugins.multistep.storage import declared_keys, sanitise

from . import grant_reports
from .applications import Application
from .downloads import private_download
from .grant_records import Grant
from .report_attachments import ReportAttachment, ReportFilesForm


class SpendingForm(forms.Form):
    """What was spent on each budget line (one total when the lines are not known)."""

    explanation = forms.CharField(
        label=_("Differences from the budget"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, up to 2000 characters: why a line was spent differently."),
    )

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines) or [{"item": str(_("All spending")), "amount": None}]
        explanation = self.fields.pop("explanation")
        for number, line in enumerate(self.lines):
            planned = line.get("amount")
            self.fields[f"spent_{number}"] = MoneyField(
                label=_("%(item)s: spent (₸)") % {"item": line["item"]},
                min_value=0,
                help_text=(_("Planned: %(amount)s.") % {"amount": format_money(planned, "₸")}) if planned else "",
            )
        self.fields["explanation"] = explanation

    def table(self):
        return [
            {"item": line["item"], "planned": line.get("amount"), "spent": self.cleaned_data.get(f"spent_{n}") or 0}
            for n, line in enumerate(self.lines)
        ]


def report_forms(call, application, data=None, files=None, report=None):
    """The report's question forms, its spending table and its files form.

    A returned report opens filled in with what was sent (``report.posted``); new files are
    chosen again each time (a browser cannot be handed a file back)."""
    attached = list(report.attachments.all()) if report is not None else []
    answers = data if data is not None else (MultiValueDict(report.posted) if report and report.posted else None)
    steps = designed_steps(call.report_steps)
    question_forms = [(step, step.form_class(answers, prefix=step.key, page=call)) for step in steps]
    spending = SpendingForm(answers, lines=grant_reports.budget_lines(application), prefix="spending")
    attachments = ReportFilesForm(data, files, prefix="files", attached=attached)
    return question_forms, spending, attachments


def posted_answers(post, forms_):
    """The posted values of the report's own fields, kept to fill a returned report in again."""
    tests = [declared_keys(form) for form in forms_]
    return {key: sanitise(values) for key, values in post.lists() if any(test(key) for test in tests)}


def answers_of(question_forms, spending):
    sections = [
        {
            "step": str(step.title),
            "key": step.key,
            "rows": [[str(label), str(text)] for label, text in form.display_answers()],
        }
        for step, form in question_forms
    ]
    if spending.cleaned_data.get("explanation"):
        sections.append(
            {
                "step": str(_("Differences from the budget")),
                "key": "spending",
                "rows": [[str(_("Differences from the budget")), spending.cleaned_data["explanation"]]],
            }
        )
    return sections


def grant_of(request, page):
    draft = page.multistep_draft(request)
    application = Application.objects.filter(draft=draft).first() if draft is not None else None
    grant = Grant.objects.filter(application=application).first() if application is not None else None
    return application, grant


def report_view(request, page, kind):
    if kind not in dict(grant_reports.REPORT_KINDS):
        raise Http404
    application, grant = grant_of(request, page)
    if application is None:
        return HttpResponseRedirect(page.multistep_url("", request))
    if grant is None or grant_reports.due_date(grant, kind) is None:
        return HttpResponseRedirect(page.multistep_url("submitted", request))
    report = grant.reports.filter(kind=kind).first()
    context = {
        "page": page,
        "application": application,
        "grant": grant,
        "kind": kind,
        "kind_label": dict(grant_reports.REPORT_KINDS)[kind],
        "due": grant_reports.due_date(grant, kind),
        "report": report,
    }
    if report is not None and not report.may_edit:
        return TemplateResponse(request, "grants/multistep/report_sent.html", context)
    posting = request.method == "POST"
    question_forms, spending, attachments = report_forms(
        page, application, request.POST if posting else None, request.FILES if posting else None, report
    )
    context.update(
        {"question_forms": question_forms, "spending": spending, "attachments": attachments, "show_errors": posting}
    )
    if posting:
        valid = [form.is_valid() for _step, form in question_forms] + [spending.is_valid(), attachments.is_valid()]
        if all(valid):
            forms_ = [form for _step, form in question_forms] + [spending]
            # sent meanwhile from another browser: the page it lands on says it is in
            with suppress(ValidationError):
                grant_reports.submit_report(
                    grant,
                    kind,
                    answers_of(question_forms, spending),
                    spending.table(),
                    posted=posted_answers(request.POST, forms_),
                    files=attachments.cleaned_data["files"],
                    dropped=attachments.dropped(),
                )
            return HttpResponseRedirect(page.multistep_url(f"report/{kind}", request))
        return TemplateResponse(request, "grants/multistep/report.html", context, status=400)
    return TemplateResponse(request, "grants/multistep/report.html", context)


def report_file(request, page, kind, file_id):
    """A file of this browser's grant report: only through the secret link of its application."""
    _application, grant = grant_of(request, page)
    if grant is None:
        raise Http404
    attachment = get_object_or_404(ReportAttachment, pk=file_id, report__grant=grant, report__kind=kind)
    return private_download(attachment.file, attachment.original_name)
