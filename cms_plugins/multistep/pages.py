"""Put a multi-step form on any Wagtail page type.

    class SurveyPage(MultiStepFormMixin, Page):
        form_steps = StreamField(FormStepsBlock(), blank=True)

Routes (RoutablePageMixin) under the page's own URL:
``apply/`` start (asks for the email the secret link goes to), ``apply/tasks/`` the
task list, ``apply/<step>/`` each step, ``apply/resume/<token>/`` the secret link,
``apply/new-link/`` a fresh link (the old one stops working), ``apply/submitted/``
the status after submitting. Page types add fixed steps by overriding
``get_form_steps`` and act on submission in ``multistep_done``.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import ratelimit
from .blocks import settle_form_keys
from .emails import send_resume_link
from .forms import StartForm
from .models import Draft
from .steps import designed_steps
from .views import MultiStepWizardView, current_draft, remember

APPLY = "apply/"


class MultiStepFormMixin(RoutablePageMixin):
    multistep_field = "form_steps"
    multistep_currency = ""
    multistep_wizard_class = MultiStepWizardView

    # --- hooks for page types -------------------------------------------------------
    def get_form_steps(self, request=None):
        """The steps in order; page types wrap the designed ones in their fixed steps."""
        return designed_steps(getattr(self, self.multistep_field))

    def multistep_is_open(self):
        """Whether answers may be changed and submitted now (checked on every request)."""
        return True

    def multistep_done(self, request, draft, form_dict, steps):
        """Called once, in a transaction, when a complete draft is submitted."""

    def multistep_status_context(self, request, draft):
        return {}

    def multistep_step_context(self, request, draft, step):
        return {}

    # --- keys -------------------------------------------------------------------------
    def clean(self):
        super().clean()
        self.settle_form_keys()

    def settle_form_keys(self):
        """Decide every designed key against the last saved version (see ``keys``).

        Runs on every save, the admin's background saves included: a block keeps the key
        it was saved with, a new one gets the key of its own id, and a key someone tries
        to change is refused, so answers stored under a key are always found again.
        """
        field = self.multistep_field
        saved = type(self).objects.filter(pk=self.pk).only(field).first() if self.pk else None
        errors = settle_form_keys(getattr(saved, field) if saved else None, getattr(self, field))
        if errors:
            raise ValidationError({field: errors})

    # --- helpers ----------------------------------------------------------------------
    def multistep_template(self, name):
        """An app may restyle any screen: ``<app_label>/multistep/<name>.html`` wins."""
        return [f"{self._meta.app_label}/multistep/{name}.html", f"multistep/{name}.html"]

    def multistep_url(self, name="", request=None):
        base = self.get_url(request) or "/"
        return f"{base}{APPLY}{name}/" if name else f"{base}{APPLY}"

    def multistep_draft(self, request):
        return current_draft(request, self)

    def _remember(self, request, response, draft, token=None):
        link = self._resume_link(request, token) if token else None
        return remember(response, draft, self, link)

    def _resume_link(self, request, token):
        return request.build_absolute_uri(self.multistep_url(f"resume/{token}", request))

    # --- routes -------------------------------------------------------------------------
    @path(APPLY, name="multistep_start")
    def multistep_start(self, request):
        if getattr(request, "is_preview", False):
            return TemplateResponse(request, self.multistep_template("preview"), {"page": self})
        draft = current_draft(request, self)
        if draft is not None:
            return HttpResponseRedirect(self.multistep_url("submitted" if draft.is_submitted else "tasks", request))
        context = {"page": self, "is_open": self.multistep_is_open()}
        if request.method != "POST" or not context["is_open"]:
            context["form"] = StartForm()
            return TemplateResponse(
                request, self.multistep_template("start"), context, status=200 if request.method != "POST" else 403
            )
        form = StartForm(request.POST)
        context["form"] = form
        if not ratelimit.hit("start", request):
            return TemplateResponse(request, self.multistep_template("rate_limited"), context, status=429)
        if not form.is_valid():
            return TemplateResponse(request, self.multistep_template("start"), context)
        if form.is_bot:
            # a honeypot hit looks like success to the sender and does nothing
            return TemplateResponse(request, self.multistep_template("link_sent"), context)
        email = form.cleaned_data["email"]
        language = (get_language() or "")[:8]
        draft = Draft(form_key=self.translation_key, email=email, language=language)
        token = draft.new_token()
        # one open draft per email (a unique constraint): the insert is skipped when there is one
        Draft.objects.bulk_create([draft], ignore_conflicts=True)
        if not Draft.objects.filter(pk=draft.pk).exists():
            existing = Draft.objects.open().filter(form_key=self.translation_key, email=email).first()
            if existing is not None:
                # send the open draft's (fresh) link to its email, never log this browser in
                token = existing.new_token()
                existing.save(update_fields=["token_hash"])
                send_resume_link(self, existing, self._resume_link(request, token))
            return TemplateResponse(request, self.multistep_template("link_sent"), context)
        send_resume_link(self, draft, self._resume_link(request, token))
        return self._remember(request, HttpResponseRedirect(self.multistep_url("tasks", request)), draft, token)

    @path(APPLY + "resume/<str:token>/", name="multistep_resume")
    def multistep_resume(self, request, token):
        draft = Draft.objects.for_token(token).filter(form_key=self.translation_key).first()
        if draft is None:
            return TemplateResponse(request, self.multistep_template("link_invalid"), {"page": self}, status=404)
        response = HttpResponseRedirect(self.multistep_url("submitted" if draft.is_submitted else "tasks", request))
        return self._remember(request, response, draft)

    @path(APPLY + "new-link/", name="multistep_new_link")
    def multistep_new_link(self, request):
        return _new_link(request, self)

    @path(APPLY + "submitted/", name="multistep_submitted")
    def multistep_submitted(self, request):
        draft = current_draft(request, self)
        if draft is None or not draft.is_submitted:
            return HttpResponseRedirect(self.multistep_url("tasks" if draft else "", request))
        context = {"page": self, "draft": draft, **self.multistep_status_context(request, draft)}
        return TemplateResponse(request, self.multistep_template("submitted"), context)

    @path(APPLY + "<slug:step>/", name="multistep_step")
    def multistep_step(self, request, step):
        return self.multistep_wizard_class.for_page(self)(request, step=step)


@require_POST
def _new_link(request, page):
    """Replace the secret link: the old one stops working, the new one is emailed."""
    draft = current_draft(request, page)
    if draft is None:
        return HttpResponseRedirect(page.multistep_url("", request))
    if not ratelimit.hit("new-link", request):
        return TemplateResponse(request, page.multistep_template("rate_limited"), {"page": page}, status=429)
    token = draft.new_token()
    draft.updated_at = timezone.now()
    draft.save(update_fields=["token_hash", "updated_at"])
    send_resume_link(page, draft, page._resume_link(request, token))
    response = HttpResponseRedirect(page.multistep_url("submitted" if draft.is_submitted else "tasks", request))
    return page._remember(request, response, draft, token)
