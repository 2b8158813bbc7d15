"""Admin screens beyond the viewsets: private files, and experts' reviews."""

import copy
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms_plugins.multistep.models import Draft, DraftFile

from . import decisions, letters, reviewing
from . import rubric as rubrics
from .downloads import private_download
from .models import Application, Assignment
from .permissions import can_list_reviews, can_revoke_links, can_score, can_view_application
from .workflow import (
    APPLICATION_STATUSES,
    AWARD_MOVES,
    REASON_REQUIRED,
    STATUS_LABELS,
    MoveRefused,
    can_move,
    check_move,
    next_statuses,
)


def application_file(request, application_id, file_id):
    """An applicant's uploaded file, only for those who may see the application."""
    application = get_object_or_404(Application.objects.select_related("draft"), pk=application_id)
    if not can_view_application(request.user, application):
        raise PermissionDenied
    record = get_object_or_404(DraftFile, pk=file_id, draft=application.draft)
    return private_download(record.file, record.original_name)


class DeclarationForm(forms.Form):
    conflict = forms.TypedChoiceField(
        label=_("Conflict of interest"),
        choices=[
            ("no", _("I have no conflict of interest with this applicant")),
            ("yes", _("I have a conflict of interest: I will not review this application")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("If there is a conflict, what is it?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: a relative works there, or you helped write the application."),
    )


class RubricScoreForm(forms.Form):
    """One score (0 to the criterion's maximum) and one comment per criterion of the call's rubric."""

    def __init__(self, criteria, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            key = criterion["key"]
            choices = [(n, str(n)) for n in range(0, criterion["max_score"] + 1)]
            self.fields[f"score_{key}"] = forms.TypedChoiceField(
                label=f"{criterion['label']} (0–{criterion['max_score']}, × {criterion['weight']})",
                help_text=criterion["guidance"],
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect if criterion["max_score"] <= 10 else forms.Select,
            )
            self.fields[f"comment_{key}"] = forms.CharField(
                label=_("Comment on this criterion"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["comment"] = forms.CharField(
            label=_("Overall comment"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
        )

    @classmethod
    def initial_from(cls, assignment):
        initial = {"comment": assignment.comment}
        for key, given in (assignment.scores or {}).items():
            initial[f"score_{key}"] = given.get("score")
            initial[f"comment_{key}"] = given.get("comment", "")
        return initial

    def scores(self):
        return {
            c["key"]: {
                "score": self.cleaned_data[f"score_{c['key']}"],
                "comment": self.cleaned_data[f"comment_{c['key']}"],
            }
            for c in self.criteria
        }


def review_list(request):
    if not can_list_reviews(request.user):
        raise PermissionDenied
    assignments = (
        Assignment.objects.open_to(request.user)
        .select_related("application", "application__call")
        .order_by("scored_at", "-assigned_at")
    )
    return TemplateResponse(request, "grants/admin/review_list.html", {"assignments": assignments})


def review(request, assignment_id):
    """The expert's page: first the declaration, then the application and the score form."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("application", "application__draft", "application__call"), pk=assignment_id
    )
    if not can_score(request.user, assignment):
        raise PermissionDenied
    application = assignment.application
    if assignment.conflict is None:
        form = DeclarationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                reviewing.declare(assignment, request.user, form.cleaned_data["conflict"], form.cleaned_data["note"])
            except MoveRefused as refused:
                form.add_error("note", refused.message)
            else:
                if form.cleaned_data["conflict"]:
                    messages.success(
                        request, _("Thank you: a coordinator will give the application to another expert.")
                    )
                    return redirect("grants_reviews")
                return redirect("grants_review", assignment.pk)
        return TemplateResponse(
            request,
            "grants/admin/declaration.html",
            {"assignment": assignment, "application": application, "form": form},
        )
    criteria = application.call.criteria()
    form = None
    if not assignment.is_submitted:
        form = RubricScoreForm(criteria, request.POST or None, initial=RubricScoreForm.initial_from(assignment))
        if request.method == "POST" and form.is_valid():
            try:
                reviewing.submit_review(assignment, request.user, form.scores(), form.cleaned_data["comment"])
            except MoveRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("Score saved for %(reference)s.") % {"reference": application.reference})
                return redirect("grants_reviews")
    # other experts' reviews only once this expert's own is in
    others = (
        Assignment.objects.submitted()
        .filter(application=application)
        .exclude(pk=assignment.pk)
        .select_related("expert")
        if assignment.is_submitted
        else []
    )
    labels = {c["key"]: c["label"] for c in criteria}
    return TemplateResponse(
        request,
        "grants/admin/review.html",
        {
            "assignment": assignment,
            "application": application,
            "form": form,
            "criteria": criteria,
            "best_total": rubrics.best_total(criteria),
            "own_scores": [(labels.get(k, k), v) for k, v in (assignment.scores or {}).items()],
            "others": others,
        },
    )


class LetterPreviewCheckbox(forms.CheckboxInput):
    """The tick box that sends a decision letter, drawn under the letter itself once one is due."""

    template_name = "grants/admin/letter_preview_checkbox.html"
    preview = None  # (subject, body, language name), set by the form's clean()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview"] = self.preview
        return context


class ApplicationStatusForm(WagtailAdminModelForm):
    """Coordinators move an application only along the allowed transitions, saying why when needed.

    Screening out sends the applicant the call's letter: the first save shows it, ticking the box and
    saving again sends it (a preview before sending, as for "Publish results")."""

    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the application's history; required for ineligible, not awarded and withdrawn."),
    )
    send_letter = forms.BooleanField(
        label=_("Send the applicant this letter"),
        required=False,
        widget=LetterPreviewCheckbox,
        help_text=_("Screening out sends the call's letter in the applicant's language; it is shown here first."),
    )

    class Meta:
        model = Application
        fields = ["status", "ineligible_reason", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.original_status = self.instance.status
        allowed = {self.original_status} | {new for new, _label in next_statuses(self.original_status)}
        self.fields["status"].choices = [(k, v) for k, v in APPLICATION_STATUSES if k in allowed]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if not can_move(self.original_status, status) or (self.original_status, status) in AWARD_MOVES:
            raise forms.ValidationError(
                _("An application cannot move from “%(old)s” to “%(new)s” here.")
                % {"old": self.instance.get_status_display(), "new": STATUS_LABELS.get(status, status)}
            )
        return status

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and status != self.original_status:
            if status == "ineligible" and not cleaned.get("ineligible_reason"):
                self.add_error("ineligible_reason", _("Choose why the application is ineligible."))
                return cleaned
            if status == "ineligible" and self.instance.email and not self.letter_confirmed(cleaned):
                return cleaned
            reason = cleaned.get("reason") or ("-" if status == "ineligible" else "")
            probe = Application(status=self.original_status)
            try:
                check_move(probe, status, reason=reason, results_published=self.instance.call.status == "results")
            except MoveRefused as refused:
                self.add_error("reason" if status in REASON_REQUIRED else "status", refused.message)
        return cleaned

    def letter_confirmed(self, cleaned):
        """Show the screening-out letter under the tick box; True once the coordinator ticked it."""
        probe = copy.copy(self.instance)
        probe.ineligible_reason = cleaned["ineligible_reason"]
        subject, body, language = letters.render_for(probe, "ineligible")
        names = dict(settings.LANGUAGES)
        self.fields["send_letter"].widget.preview = (subject, body, names.get(language, language))
        if cleaned.get("send_letter"):
            return True
        self.add_error("send_letter", _("Read the letter below, tick the box and save again to send it."))
        return False

    def save(self, commit=True):
        """The status goes through ``decisions.move`` (lock, checks, timeline); notes are saved as they are."""
        application = self.instance
        new_status = self.cleaned_data["status"]
        application.status = self.original_status
        Application.objects.filter(pk=application.pk).update(notes=self.cleaned_data["notes"])
        if new_status != self.original_status:
            application = decisions.move(
                application,
                new_status,
                self.for_user,
                reason=self.cleaned_data["reason"],
                ineligible_reason=self.cleaned_data["ineligible_reason"],
            )
        return application


class AssignmentForm(WagtailAdminModelForm):
    """Only members of the Experts group can be assigned."""

    class Meta:
        model = Assignment
        fields = ["application", "expert"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = self.fields["expert"].queryset.filter(groups__name="Experts", is_active=True)
        if self.instance.pk and (self.instance.conflict is not None or self.instance.is_submitted):
            # a declaration or a review belongs to this expert and this application: assign anew instead
            for field in self.fields.values():
                field.disabled = True

    def save(self, commit=True):
        """One expert at a time; the timeline says who assigned whom."""
        created = self.instance.pk is None
        assignment = super().save(commit=commit)
        if commit and created:
            reviewing.log(assignment.application, "assigned", self.for_user, assignment.expert.get_username())
        return assignment


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
