"""The wizard that runs a page's steps (django-formtools, named URLs, draft storage).

``MultiStepWizardView`` is created per request by ``MultiStepFormMixin`` (pages.py)
with the page as argument: steps come from the page, URLs are the page's own
(RoutablePageMixin), and answers live in the draft row (storage.py).
"""

import logging
from collections import OrderedDict

from django import forms
from django.conf import settings
from django.db import OperationalError, transaction
from django.forms.utils import ErrorDict
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from cms_plugins.formatting import format_file_size

from . import conf
from .emails import link_mail
from .fields import CheckedFileField, StoredFile
from .locks import retrying
from .models import Draft, private_storage
from .steps import SubmissionRefused
from .storage import DraftStorage, DraftTooLarge, declared_keys

logger = logging.getLogger(__name__)

TASKS = "tasks"


COOKIE_SALT = "multistep.draft"


def cookie_name(page):
    """The cookie that ties this browser to its draft of the page's form (every language)."""
    return f"multistep_{page.translation_key.hex}"


def cookie_value(request, name):
    return request.get_signed_cookie(name, default=None, salt=COOKIE_SALT, max_age=settings.SESSION_COOKIE_AGE)


def remember(response, draft, page):
    """Tie the browser to the draft with a signed cookie (no session row to read or write).

    The cookie holds the draft's id and its token version, signed so it cannot be
    forged; a new link or a revoked one raises the version, which ends this session.
    """
    response.set_signed_cookie(
        cookie_name(page),
        f"{draft.pk}:{draft.token_version}",
        salt=COOKIE_SALT,
        max_age=settings.SESSION_COOKIE_AGE,
        path="/",  # the page's URL differs per language; the draft does not
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def forget(response, page):
    response.delete_cookie(cookie_name(page), path="/", samesite="Lax")
    return response


def current_draft(request, page):
    """The draft this browser works on for this form (any translation of the page), read once per request.

    Only while the cookie's token version is the draft's: after a new link or a
    revocation every browser that used the old link is out.
    """
    memo = request.__dict__.setdefault("_multistep_drafts", {})
    name = cookie_name(page)
    if name not in memo:
        value = cookie_value(request, name) or ""
        draft_id, _sep, version = value.partition(":")
        draft = None
        if draft_id and version.isdigit():
            try:
                draft = Draft.objects.filter(
                    pk=draft_id, form_key=page.translation_key, token_version=int(version), revoked_at__isnull=True
                ).first()
            except (ValueError, TypeError, forms.ValidationError):
                draft = None
        memo[name] = draft
    return memo[name]


class MultiStepWizardView(NamedUrlWizardView):
    page = None
    template_name = "multistep/step.html"
    done_step_name = "submit"

    @classmethod
    def for_page(cls, page):
        # formtools wants a form list up front; the real one comes from the page per request
        return cls.as_view(form_list=[("placeholder", forms.Form)], url_name="unused", page=page)

    def get_template_names(self):
        names = self.template_name
        return list(names) if isinstance(names, list | tuple) else [names]

    # --- set-up -----------------------------------------------------------------
    @property
    def file_storage(self):
        return private_storage()

    def get_prefix(self, request, *args, **kwargs):
        # the translation key: every language version of the page shares one draft
        return f"multistep_{self.page.translation_key}"

    def get_step_url(self, step):
        return self.page.multistep_url(step, self.request)

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            return TemplateResponse(request, self.page.multistep_template("preview"), {"page": self.page})
        self.draft = current_draft(request, self.page)
        if self.draft is None:
            return HttpResponseRedirect(self.page.multistep_url("", request))
        if self.draft.is_submitted:
            return HttpResponseRedirect(self.page.multistep_url("submitted", request))
        self.step_list = list(self.page.get_form_steps(request))
        self.form_list = OrderedDict((step.key, step.form_class) for step in self.step_list)
        self.step_by_key = {step.key: step for step in self.step_list}
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = DraftStorage(self.prefix, request, self.file_storage, draft=self.draft)
        self.steps = StepsHelper(self)
        if self.storage.current_step not in self.form_list:
            self.storage.current_step = self.steps.first
        language = (get_language() or "")[:8]
        if self.draft.language != language:
            self.draft.language = language
            self.storage.changed = True
        if not self.page.multistep_is_open():
            response = self.render_closed()
        else:
            # TemplateView's dispatch, not WizardView's: that one would build a session storage
            response = TemplateView.dispatch(self, request, *args, **kwargs)
        try:
            self.storage.update_response(response)
        except OperationalError:
            # only a GET's bookkeeping (the language) is saved here; posts save on their own
            logger.warning("Draft %s not updated: the database is busy", self.draft.pk)
        return response

    def get_form_kwargs(self, step=None):
        return {"page": self.page, "draft": self.draft}

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form = super().get_form(step, data, files)
        # files already kept with the draft count as answered unless replaced
        stored = self.storage.stored_file_info(step)
        for name, field in form.fields.items():
            if isinstance(field, CheckedFileField) and form.add_prefix(name) in stored:
                form.initial[name] = StoredFile(stored[form.add_prefix(name)])
        return form

    # --- GET --------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step == TASKS:
            return self.render_tasks()
        if step not in self.form_list:
            return HttpResponseRedirect(self.get_step_url(TASKS))
        self.storage.current_step = step
        data = self.storage.get_step_data(step)
        form = self.get_form(step, data=data, files=self.storage.get_step_files(step) if data is not None else None)
        show_errors = "check" in request.GET
        if form.is_bound and not show_errors:
            form._errors = ErrorDict()  # show what was typed; errors only after posting
        return self.render(form)

    # --- POST -------------------------------------------------------------------
    def post(self, request, *args, **kwargs):
        management = ManagementForm(request.POST, prefix=self.prefix)
        if not management.is_valid() or management.cleaned_data["current_step"] not in self.form_list:
            return self.render_tasks(status=400)
        step = management.cleaned_data["current_step"]
        self.storage.current_step = step
        form = self.get_form(step, data=request.POST, files=request.FILES)
        valid = form.is_valid() and self.check_total_size(step, form)
        try:
            # only the step's own fields are kept, and the whole draft has a size cap
            self.storage.set_step_data(step, self.process_step(form), keep=declared_keys(form))
        except DraftTooLarge:
            form.add_error(
                None,
                _("Your answers are too long to keep: shorten the longest ones (a draft may hold %(max)s MB).")
                % {"max": round(conf.get("MAX_DRAFT_SIZE") / conf.MB, 1)},
            )
            return self.render(form, status=413)
        goto = request.POST.get("wizard_goto_step", "")
        more_rows = request.POST.get("multistep_more_rows")
        finishing = valid and step == self.steps.last and not goto and not more_rows
        try:
            if valid:
                self.store_files(step, form)
            self.set_state(step, "completed" if valid else "in_progress")
            if not finishing:  # submitting saves the answers in its own statement
                retrying(self.storage.save)
        except OperationalError:
            return self.render_busy(form)

        if goto == TASKS or goto in self.form_list:
            return HttpResponseRedirect(self.get_step_url(goto))
        if more_rows:
            return HttpResponseRedirect(self.get_step_url(step))
        if not valid:
            return self.render(form, status=200)
        if step == self.steps.last:
            return self.finish()
        next_step = self.get_next_step(step)
        return HttpResponseRedirect(self.get_step_url(next_step))

    def render_busy(self, form):
        """The database stayed locked: the step again, with what was typed, and "try again"."""
        logger.warning("Draft %s: step not saved, the database stayed busy", self.draft.pk)
        self.storage.changed = False
        self.busy = True
        response = self.render(form, status=503)
        response["Retry-After"] = "5"
        return response

    def render(self, form=None, status=200, **kwargs):
        response = super().render(form, **kwargs)
        response.status_code = status
        return response

    def check_total_size(self, step, form):
        limit = conf.get("MAX_TOTAL_SIZE")
        total = 0
        new_fields = []
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if isinstance(field, CheckedFileField) and value and not isinstance(value, StoredFile):
                total += value.size
                new_fields.append(name)
        if not new_fields:
            return True
        replaced = {form.add_prefix(name) for name in new_fields}
        kept = sum(
            info.get("size") or 0
            for stored_step, fields in self.storage.data[self.storage.step_files_key].items()
            for name, info in fields.items()
            if not (stored_step == step and name in replaced)
        )
        if kept + total > limit:
            form.add_error(
                new_fields[0],
                _("All files together may be at most %(max)s; remove or shrink a file.")
                % {"max": format_file_size(limit)},
            )
            return False
        return True

    def store_files(self, step, form):
        uploads = {}
        for name, field in form.fields.items():
            if not isinstance(field, CheckedFileField):
                continue
            key = form.add_prefix(name)
            value = form.cleaned_data.get(name)
            if value is False:
                self.storage.remove_step_file(step, key)
            elif value and not isinstance(value, StoredFile):
                uploads[key] = value
        self.storage.set_step_files(step, uploads)

    def set_state(self, step, state):
        states = dict(self.draft.step_states or {})
        if states.get(step) != state:
            states[step] = state
            self.draft.step_states = states
        self.storage.changed = True

    # --- finishing --------------------------------------------------------------
    def validated_forms(self):
        """{step: valid form} of every step, or (step, None) of the first invalid one."""
        result = OrderedDict()
        for key in self.form_list:
            form = self.get_form(key, data=self.storage.get_step_data(key), files=self.storage.get_step_files(key))
            if not form.is_valid():
                return key, None
            result[key] = form
        return None, result

    def finish(self):
        if not self.page.multistep_is_open():
            return self.render_closed(status=403)
        failed, form_dict = self.validated_forms()
        if failed or not self.draft.email_verified:
            if failed:
                self.set_state(failed, "in_progress")
            try:
                retrying(self.storage.save)
            except OperationalError:
                return self.render_busy(self.get_form(self.steps.last, data=self.request.POST))
            if failed:
                return HttpResponseRedirect(self.get_step_url(failed) + "?check=1")
            # the address must be the applicant's: only the emailed link confirms it
            return self.render_tasks(status=403)

        def submit():
            # savepoint=False: inside a request this is the transaction; nested, it joins the outer one
            with transaction.atomic(savepoint=False):
                # one statement claims the draft (a second submit finds nothing) and saves the answers
                if self.storage.save(submitting=True):
                    self.page.multistep_done(self.request, self.draft, form_dict, self.step_list)

        try:
            retrying(submit)
        except SubmissionRefused as refusal:
            self.draft.submitted_at = None
            return HttpResponseRedirect(self.get_step_url(refusal.step) + "?check=1")
        except OperationalError:
            self.draft.submitted_at = None
            return self.render_busy(self.get_form(self.steps.last, data=self.request.POST))
        return HttpResponseRedirect(self.page.multistep_url("submitted", self.request))

    def done(self, form_list, **kwargs):  # formtools' hook; finish() replaces it
        return self.finish()

    # --- pages besides the steps ---------------------------------------------------
    def step_table(self):
        rows = []
        for step in self.step_list:
            state = self.draft.state(step.key)
            rows.append({"step": step, "state": state, "url": self.get_step_url(step.key)})
        return rows

    def answers(self):
        """[(step, [(label, text)])] of every step, as far as it is valid."""
        result = []
        for step in self.step_list:
            if step.kind != "questions":
                continue
            data = self.storage.get_step_data(step.key)
            if data is None:
                result.append((step, []))
                continue
            form = self.get_form(step.key, data=data, files=self.storage.get_step_files(step.key))
            if form.is_valid():
                result.append((step, form.display_answers()))
            else:
                result.append((step, None))
        return result

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.step_by_key[self.steps.current]
        context.update(self.base_context())
        context.update(
            {
                "step": step,
                "step_number": self.steps.step1,
                "step_count": self.steps.count,
                "previous_step": self.steps.prev,
                "is_last": self.steps.current == self.steps.last,
                "show_errors": bool(form.errors),
                "max_total_mb": round(conf.get("MAX_TOTAL_SIZE") / conf.MB, 1),
            }
        )
        if step.kind == "review":
            context["answers"] = self.answers()
            context["all_complete"] = all(
                self.draft.state(s.key) == "completed" for s in self.step_list if s.kind == "questions"
            )
        self.template_name = step.template_name or self.page.multistep_template("step")
        context.update(self.page.multistep_step_context(self.request, self.draft, step))
        return context

    def base_context(self):
        return {
            "page": self.page,
            "draft": self.draft,
            "tasks_url": self.get_step_url(TASKS),
            "step_rows": self.step_table(),
            "busy": getattr(self, "busy", False),
        }

    def render_tasks(self, status=200):
        context = self.base_context()
        context["link_mail"] = link_mail(self.draft)
        context["completed_count"] = sum(1 for row in context["step_rows"] if row["state"] == "completed")
        return TemplateResponse(self.request, self.page.multistep_template("tasks"), context, status=status)

    def render_closed(self, status=None):
        context = self.base_context()
        context["answers"] = self.answers()
        status = status or (403 if self.request.method == "POST" else 200)
        return TemplateResponse(self.request, self.page.multistep_template("closed"), context, status=status)
