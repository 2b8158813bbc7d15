"""Admin screens beyond the viewsets: private files, and experts' reviews."""

import mimetypes
import os
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms_plugins.multistep.models import Draft, DraftFile

from .models import Application, Assignment, can_move
from .permissions import can_list_reviews, can_revoke_links, can_score, can_view_application


def application_file(request, application_id, file_id):
    """An applicant's uploaded file, only for those who may see the application."""
    application = get_object_or_404(Application.objects.select_related("draft"), pk=application_id)
    if not can_view_application(request.user, application):
        raise PermissionDenied
    record = get_object_or_404(DraftFile, pk=file_id, draft=application.draft)
    try:
        handle = record.file.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(record.original_name)[0] or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=os.path.basename(record.original_name), content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ScoreForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["relevance", "feasibility", "budget", "comment"]
        widgets = dict.fromkeys(["relevance", "feasibility", "budget"], forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["relevance", "feasibility", "budget"]:
            self.fields[name].required = True
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]


def review_list(request):
    if not can_list_reviews(request.user):
        raise PermissionDenied
    assignments = (
        Assignment.objects.filter(expert=request.user)
        .select_related("application", "application__call")
        .order_by("scored_at", "-assigned_at")
    )
    return TemplateResponse(request, "grants/admin/review_list.html", {"assignments": assignments})


def review(request, assignment_id):
    assignment = get_object_or_404(
        Assignment.objects.select_related("application", "application__draft"), pk=assignment_id
    )
    if not can_score(request.user, assignment):
        raise PermissionDenied
    form = ScoreForm(request.POST or None, instance=assignment)
    if request.method == "POST" and form.is_valid():
        scored = form.save(commit=False)
        scored.scored_at = timezone.now()
        scored.save()
        messages.success(request, _("Score saved for %(reference)s.") % {"reference": assignment.application.reference})
        return redirect("grants_reviews")
    return TemplateResponse(
        request,
        "grants/admin/review.html",
        {"assignment": assignment, "application": assignment.application, "form": form},
    )


class ApplicationStatusForm(forms.ModelForm):
    """Coordinators move an application only along the allowed transitions."""

    class Meta:
        model = Application
        fields = ["status", "notes"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.original_status = self.instance.status

    def clean_status(self):
        status = self.cleaned_data["status"]
        if not can_move(self.original_status, status):
            raise forms.ValidationError(
                _("An application cannot move from “%(old)s” to “%(new)s”.")
                % {"old": self.instance.get_status_display(), "new": dict(self.fields["status"].choices).get(status)}
            )
        return status


class AssignmentForm(forms.ModelForm):
    """Only members of the Experts group can be assigned."""

    class Meta:
        model = Assignment
        fields = ["application", "expert"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = self.fields["expert"].queryset.filter(groups__name="Experts", is_active=True)


def draft_links(request):
    """Coordinators find an applicant's drafts or submitted applications by email and revoke their link.

    A revoked link opens nothing and every browser that used it loses the draft (the
    token version in its cookie no longer matches). An applicant whose open draft was
    revoked may start again (the one-open-draft-per-email rule counts open drafts
    only); a submitted application's status page is then closed to everyone.
    """
    if not can_revoke_links(request.user):
        raise PermissionDenied
    from .models import GrantCallPage

    if request.method == "POST":
        try:
            draft = Draft.objects.filter(revoked_at__isnull=True, pk=uuid.UUID(str(request.POST.get("draft")))).first()
        except ValueError:
            draft = None
        if draft is None:
            messages.error(request, _("That link is already revoked, or there is no such draft."))
            return redirect(request.path)
        draft.revoke()
        draft.save(update_fields=["revoked_at", "token_hash", "token_version"])
        messages.success(request, _("The secret link of %(email)s no longer works.") % {"email": draft.email})
        return redirect(f"{request.path}?q={draft.email}")
    query = (request.GET.get("q") or "").strip()[:254]
    drafts = Draft.objects.filter(revoked_at__isnull=True).order_by("-updated_at")
    if query:
        drafts = drafts.filter(email__icontains=query)
    drafts = list(drafts[:50])
    references = dict(Application.objects.filter(draft__in=drafts).values_list("draft_id", "reference"))
    calls = {
        call.translation_key: call
        for call in GrantCallPage.objects.filter(translation_key__in={d.form_key for d in drafts}).order_by(
            "-locale__language_code"
        )
    }
    rows = [
        {"draft": draft, "call": calls.get(draft.form_key), "reference": references.get(draft.pk)} for draft in drafts
    ]
    return TemplateResponse(request, "grants/admin/draft_links.html", {"rows": rows, "query": query})
