"""Coordinators' screens for grantee reports: every report due, overdue ones first, and one
report with its accept / return decision. Thin: the decisions are in ``grant_reports``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import grant_reports
from .downloads import private_download
from .grant_records import Grant
from .report_attachments import ReportAttachment


def can_manage_grants(user):
    """Coordinators (who change grant records): agreements, tranches and reports."""
    return user.is_authenticated and user.is_active and user.has_perm("grants.change_grant")


def coordinators_only(request):
    if not can_manage_grants(request.user):
        raise PermissionDenied


def reports(request):
    coordinators_only(request)
    grants = Grant.objects.select_related("application").prefetch_related("reports").order_by("pk")
    rows = grant_reports.report_rows(grants)
    only_overdue = request.GET.get("overdue") == "1"
    if only_overdue:
        rows = [row for row in rows if row[4]]
    rows.sort(key=lambda row: (not row[4], row[2]))
    context = {"rows": rows, "only_overdue": only_overdue, "kinds": dict(grant_reports.REPORT_KINDS)}
    return TemplateResponse(request, "grants/admin/reports.html", context)


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the grantee"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the report: say what to change. Sent in the grantee's language."),
    )


def report(request, grant_id, kind):
    coordinators_only(request)
    if kind not in dict(grant_reports.REPORT_KINDS):
        raise Http404
    grant = get_object_or_404(Grant.objects.select_related("application__call"), pk=grant_id)
    report = grant.reports.filter(kind=kind).first()
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if report is None:
            raise Http404
        decision = {"accept": "accepted", "return": "returned"}.get(request.POST.get("action"), "")
        if form.is_valid():
            try:
                grant_reports.decide_report(report, decision, request.user, form.cleaned_data["comment"])
            except ValidationError as refused:
                messages.error(request, " ".join(refused.messages))
            else:
                messages.success(
                    request,
                    _("The report is accepted.") if decision == "accepted" else _("The report is returned."),
                )
                return redirect("grants_reports")
    context = {
        "grant": grant,
        "kind": kind,
        "kind_label": dict(grant_reports.REPORT_KINDS)[kind],
        "due": grant_reports.due_date(grant, kind),
        "report": report,
        "form": form,
        "overdue": grant_reports.is_overdue(grant, kind, report),
    }
    return TemplateResponse(request, "grants/admin/report.html", context)


def attachment(request, grant_id, kind, file_id):
    """A file the grantee attached to a report: coordinators only (experts and press never see reports)."""
    coordinators_only(request)
    found = get_object_or_404(ReportAttachment, pk=file_id, report__grant_id=grant_id, report__kind=kind)
    return private_download(found.file, found.original_name)
