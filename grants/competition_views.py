"""Coordinators' screens for running a call: the competition overview, assigning experts with
the load per expert, the ranking with awards, reopening a review, and publishing the results.
Thin: the decisions themselves are in ``decisions`` and ``reviewing``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import decisions, letters, reviewing
from .applications import Application
from .calls import GrantCallPage
from .permissions import can_reopen_review, can_run_competition
from .ranking import SORTS, ranking
from .ranking_export import ranking_xlsx
from .reviews import Assignment
from .row_links import link_maker
from .workflow import APPLICATION_STATUSES, MoveRefused

BULK_STATUSES = ["under_review", "shortlisted"]


def coordinator_only(request):
    if not can_run_competition(request.user):
        raise PermissionDenied


def competition(request):
    """Every call (one row per call, whatever its languages) with its applications counted by status."""
    coordinator_only(request)
    calls = {}
    for call in GrantCallPage.objects.order_by("-opens_at", "pk").select_related("locale"):
        calls.setdefault(call.translation_key, call)
    counts = {}
    for row in Application.objects.values("call_key", "status").annotate(n=Count("pk")):
        counts.setdefault(row["call_key"], {})[row["status"]] = row["n"]
    rows = [
        {
            "call": call,
            "counts": [(label, counts.get(key, {}).get(status, 0)) for status, label in APPLICATION_STATUSES],
        }
        for key, call in calls.items()
    ]
    return TemplateResponse(
        request,
        "grants/admin/competition.html",
        {"rows": rows, "statuses": [label for _s, label in APPLICATION_STATUSES]},
    )


class BulkMoveForm(forms.Form):
    """The call's applications ticked in its list, and the status they all move to."""

    applications = forms.ModelMultipleChoiceField(
        queryset=Application.objects.none(),
        error_messages={"required": _("Tick the applications to move.")},
    )
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(s, label) for s, label in APPLICATION_STATUSES if s in decisions.BULK_MOVES],
    )
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=4000)

    def __init__(self, call, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = Application.objects.filter(call_key=call.translation_key)


@require_POST
def move_applications(request, call_id):
    """Screening, review and the shortlist for many applications at once, from the call's list."""
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    form = BulkMoveForm(call, request.POST)
    back = reverse("grants_applications", args=[call.pk])
    query = request.POST.get("query", "")
    if query and url_has_allowed_host_and_scheme(f"{back}?{query}", allowed_hosts={request.get_host()}):
        back = f"{back}?{query}"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    chosen = sorted(form.cleaned_data["applications"], key=lambda a: a.reference)
    status = form.cleaned_data["status"]
    try:
        decisions.move_many(chosen, status, request.user, form.cleaned_data["reason"])
    except MoveRefused as refused:
        messages.error(request, refused.message)
    else:
        label = dict(APPLICATION_STATUSES)[status]
        messages.success(
            request,
            ngettext(
                "%(count)s application moved to “%(status)s”.",
                "%(count)s applications moved to “%(status)s”.",
                len(chosen),
            )
            % {"count": len(chosen), "status": label},
        )
    return redirect(back)


class BulkAssignForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Applications"),
        choices=[(s, label) for s, label in APPLICATION_STATUSES if s in BULK_STATUSES],
        help_text=_("Every application of this call with this status goes to each expert chosen."),
    )
    experts = forms.ModelMultipleChoiceField(
        label=_("Experts"), queryset=reviewing.experts(), widget=forms.CheckboxSelectMultiple
    )


def assign(request, call_id):
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    form = BulkAssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = reviewing.assign_in_bulk(
            call, form.cleaned_data["status"], list(form.cleaned_data["experts"]), request.user
        )
        messages.success(request, _("%(count)s new assignments made.") % {"count": made})
        return redirect("grants_assign", call.pk)
    conflicts = (
        Assignment.objects.filter(application__call_key=call.translation_key, conflict=True)
        .select_related("application", "expert")
        .order_by("-declared_at")
    )
    context = {"call": call, "form": form, "load": reviewing.load_per_expert(call), "conflicts": conflicts}
    return TemplateResponse(request, "grants/admin/assign.html", context)


def ranking_view(request, call_id):
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "rank"
    rows = ranking(call, sort)
    if request.GET.get("export") == "xlsx":
        response = HttpResponse(
            ranking_xlsx(rows, _("Ranking")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="ranking-{call.slug}.xlsx"'
        return response
    inspect, decide = link_maker("grant_applications:inspect"), link_maker("grants_decide")
    for row in rows:
        row.inspect_url, row.decide_url = inspect(row.application.pk), decide(row.application.pk)
    awarded = [row.application.awarded_amount or 0 for row in rows if row.application.status == "awarded"]
    context = {
        "call": call,
        "rows": rows,
        "sort": sort,
        "sorts": list(SORTS),
        "awarded_count": len(awarded),
        "awarded_total": sum(awarded),
        "left": call.total_budget - sum(awarded),
        "published": call.status == "results",
    }
    return TemplateResponse(request, "grants/admin/ranking.html", context)


@require_POST
def decide(request, application_id):
    """Award, skip or withdraw an award from the ranking; a refusal says why (and what is left)."""
    coordinator_only(request)
    application = get_object_or_404(Application, pk=application_id)
    action = request.POST.get("action")
    reason = (request.POST.get("reason") or "")[:4000]
    try:
        if action == "award":
            try:
                amount = int(str(request.POST.get("amount") or "").replace(" ", "").replace("\u202f", ""))
            except ValueError:
                amount = None
            decisions.award(application, amount, request.user)
            messages.success(request, _("%(reference)s is awarded.") % {"reference": application.reference})
        elif action == "skip":
            decisions.skip(application, request.user, reason)
            messages.success(request, _("%(reference)s is skipped.") % {"reference": application.reference})
        elif action == "withdraw":
            decisions.withdraw_award(application, request.user, reason)
            messages.success(
                request, _("The award of %(reference)s is withdrawn.") % {"reference": application.reference}
            )
        else:
            raise MoveRefused(_("Unknown action."))
    except MoveRefused as refused:
        messages.error(request, refused.message)
    return redirect("grants_ranking", application.call_id)


def publish(request, call_id):
    """GET: the letters publishing will send (per letter and language, with an example); POST: publish."""
    coordinator_only(request)
    call = get_object_or_404(GrantCallPage, pk=call_id)
    if request.method == "POST":
        try:
            decided = decisions.publish_results(call, request.user)
        except MoveRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("The results are published; %(count)s applicants will be told.") % {"count": len(decided)},
            )
        return redirect("grants_ranking", call.pk)
    pairs = decisions.publication_letters(call)
    context = {
        "call": call,
        "published": call.status == "results",
        "groups": letters.outgoing(pairs, letters.CallPages(call.translation_key)) if pairs else [],
        "letter_count": len(pairs),
    }
    return TemplateResponse(request, "grants/admin/publish.html", context)


@require_POST
def reopen(request, assignment_id):
    if not can_reopen_review(request.user):
        raise PermissionDenied
    assignment = get_object_or_404(Assignment, pk=assignment_id)
    try:
        reviewing.reopen(assignment, request.user, (request.POST.get("reason") or "")[:2000])
    except MoveRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The review is open again for its expert."))
    return redirect("grant_applications:inspect", assignment.application_id)
