"""Put a multi-step form on any Wagtail page type.

    class SurveyPage(MultiStepFormMixin, Page):
        form_steps = StreamField(FormStepsBlock(), blank=True)

Routes (RoutablePageMixin) under the page's own URL:
``apply/`` start (asks for the email the secret link goes to), ``apply/tasks/`` the
task list, ``apply/<step>/`` each step, ``apply/resume/<token>/`` the secret link,
``apply/new-link/`` a fresh link (the old one and its sessions stop working), ``apply/submitted/``
the status after submitting. Page types add fixed steps by overriding
``get_form_steps`` and act on submission in ``multistep_done``.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import conf, keys, ratelimit
from .blocks import settle_form_keys
from .emails import send_resume_link
from .forms import StartForm
from .models import Draft, hash_token
from .steps import designed_steps
from .views import MultiStepWizardView, current_draft, remember

APPLY = "apply/"


class MultiStepFormMixin(RoutablePageMixin):
    multistep_field = "form_steps"
    # other FormStepsBlock fields of the page (a second form built from the same blocks, such as
    # a report): their keys are settled by the page itself, and renewed with the form's on copy
    multistep_other_forms = ()
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

    def copy(self, *args, reset_translation_key=True, **kwargs):
        """``Page.copy()`` from code; the admin's Copy runs ``CopyPageAction`` itself and is
        covered by the ``after_copy_page`` hook (wagtail_hooks.py). Both end in
        ``renew_copied_forms``. ``copy_for_translation`` calls this with
        ``reset_translation_key=False``: a translation keeps ids and keys, so its answers
        and its source's are stored under the same names."""
        page_copy = super().copy(*args, reset_translation_key=reset_translation_key, **kwargs)
        if reset_translation_key:
            renew_copied_forms(page_copy, user=kwargs.get("user"))
        return page_copy

    def renew_form_ids(self, user=None):
        """Make this freshly copied page's forms its own: new block ids, new keys.

        Wagtail copies a StreamField with its block ids, so without this a copied call
        would store answers under its original's keys. Done once, right after the copy
        and before anyone answers: the page row (what is served) and the latest
        revision (what the editor opens) get the same new ids; older copied revisions
        stay as history.
        """
        fields = [self.multistep_field, *self.multistep_other_forms]
        mappings = {field: {} for field in fields}
        for field in fields:
            keys.renew_form(getattr(self, field), mappings[field])
        self.save(clean=False, update_fields=fields)
        if not self.latest_revision_id:
            return
        was_live_revision = self.live_revision_id == self.latest_revision_id
        # the revision itself: get_latest_revision_as_object() hands back this very row when
        # nothing is unpublished, and renewing it twice would part the two again
        latest = self.latest_revision.as_object()
        for field in fields:
            keys.renew_form(getattr(latest, field), mappings[field])
        revision = latest.save_revision(user=user, changed=False, clean=False)
        if was_live_revision:  # a copy kept live points at its latest revision, as Wagtail's copy does
            self.live_revision = revision
            self.save(clean=False, update_fields=["live_revision"])

    # --- helpers ----------------------------------------------------------------------
    def multistep_template(self, name):
        """An app may restyle any screen: ``<app_label>/multistep/<name>.html`` wins."""
        return [f"{self._meta.app_label}/multistep/{name}.html", f"multistep/{name}.html"]

    def multistep_url(self, name="", request=None):
        base = self.get_url(request) or "/"
        return f"{base}{APPLY}{name}/" if name else f"{base}{APPLY}"

    def multistep_draft(self, request):
        return current_draft(request, self)

    def serve(self, request, view=None, args=None, kwargs=None):
        response = super().serve(request, view, args, kwargs)
        if view is not None and getattr(view, "__name__", "").startswith("multistep_"):
            # answers, contact data and secret links: never kept by a browser or a proxy cache
            add_never_cache_headers(response)
        return response

    # --- routes -------------------------------------------------------------------------
    @path(APPLY, name="multistep_start")
    def multistep_start(self, request):
        """Ask for the email; answer the same whether a draft exists for it or not.

        The browser is never let into a draft from here: the link goes to the address,
        and opening it is what starts the work (and confirms the address). A new draft
        gets its first link; an existing one gets its current link again, at most once
        per MULTISTEP_LINK_RESEND_INTERVAL, and its link is never replaced from here.
        """
        if getattr(request, "is_preview", False):
            return TemplateResponse(request, self.multistep_template("preview"), {"page": self})
        draft = current_draft(request, self)
        if draft is not None:
            return HttpResponseRedirect(self.multistep_url("submitted" if draft.is_submitted else "tasks", request))
        context = {"page": self, "is_open": self.multistep_is_open()}
        if request.method != "POST" and request.GET.get("sent"):
            return TemplateResponse(request, self.multistep_template("link_sent"), context)
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
        if not form.is_bot:  # a honeypot hit looks like success to the sender and does nothing
            self._mail_link_for(request, form.cleaned_data["email"])
        # the same redirect whatever happened (and a reload does not post again)
        return HttpResponseRedirect(self.multistep_url("", request) + "?sent=1")

    def _mail_link_for(self, request, email):
        language = (get_language() or "")[:8]
        draft = Draft(form_key=self.translation_key, email=email, language=language, link_mailed_at=timezone.now())
        draft.new_token()
        # one open draft per email (a unique constraint): the insert is skipped when there is one
        Draft.objects.bulk_create([draft], ignore_conflicts=True)
        if Draft.objects.filter(pk=draft.pk).exists():
            send_resume_link(self, draft, request)
            return
        existing = Draft.objects.open().filter(form_key=self.translation_key, email=email).first()
        if existing is None:
            return
        now = timezone.now()
        interval = timezone.timedelta(seconds=conf.get("LINK_RESEND_INTERVAL"))
        due = Q(link_mailed_at__isnull=True) | Q(link_mailed_at__lte=now - interval)
        # one statement decides, so two quick posts never mail twice
        if Draft.objects.filter(pk=existing.pk).filter(due).update(link_mailed_at=now):
            if existing.token_hash != hash_token(existing.current_token()):
                # a draft from before token versions: its random token cannot be mailed again
                existing.new_token()
                existing.save(update_fields=["token_hash", "token_version"])
            send_resume_link(self, existing, request)

    @path(APPLY + "resume/<str:token>/", name="multistep_resume")
    def multistep_resume(self, request, token):
        """The emailed link: lets this browser in, and confirms the address the first time."""
        draft = Draft.objects.for_token(token).filter(form_key=self.translation_key).first()
        if draft is None:
            return TemplateResponse(request, self.multistep_template("link_invalid"), {"page": self}, status=404)
        if draft.email_verified_at is None:
            draft.email_verified_at = timezone.now()
            Draft.objects.filter(pk=draft.pk, email_verified_at__isnull=True).update(
                email_verified_at=draft.email_verified_at
            )
        response = HttpResponseRedirect(self.multistep_url("submitted" if draft.is_submitted else "tasks", request))
        return remember(response, draft, self)

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


def renew_copied_forms(page_copy, user=None):
    """Renew the form of a copied page and of every page copied with it (not aliases:
    an alias shows its original's content, keys included)."""
    for page in page_copy.get_descendants(inclusive=True).specific():
        if isinstance(page, MultiStepFormMixin) and not page.alias_of_id:
            page.renew_form_ids(user=user)


@require_POST
def _new_link(request, page):
    """Replace the secret link: the old one stops working, the new one is emailed."""
    draft = current_draft(request, page)
    if draft is None:
        return HttpResponseRedirect(page.multistep_url("", request))
    if not ratelimit.hit("new-link", request):
        return TemplateResponse(request, page.multistep_template("rate_limited"), {"page": page}, status=429)
    draft.new_token()
    draft.updated_at = timezone.now()
    draft.save(update_fields=["token_hash", "token_version", "updated_at"])
    send_resume_link(page, draft, request)
    response = HttpResponseRedirect(page.multistep_url("submitted" if draft.is_submitted else "tasks", request))
    # this browser stays in with the new version; every other one is out
    return remember(response, draft, page)
