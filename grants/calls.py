"""Grant calls: the index of calls and the call page with its application form."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms_plugins.blocks.blocks import DocumentListBlock, FaqBlock
from cms_plugins.multistep.blocks import FormStepsBlock
from cms_plugins.multistep.pages import MultiStepFormMixin
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin, PublicPagesQuerySetMixin
from cms_plugins.routing import routed_ancestors

from . import letters
from . import rubric as rubrics


class GrantIndexPage(OneQueryViewRestrictionsMixin, Page):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["grants.GrantCallPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("grant calls index")
        verbose_name_plural = _("grant calls indexes")

    def breadcrumb_pages(self):
        return routed_ancestors(self)

    def route(self, request, path_components):
        """A call is found and loaded as its own type in one query (Wagtail's route needs two)."""
        if path_components:
            call = GrantCallPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if call is None:  # not a call (or no such page): Wagtail's own lookup decides
                return super().route(request, path_components)
            call.routed_parent = self
            return call.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # calls have no children: a restriction on the call itself is all ``public()`` would add
        calls = GrantCallPage.objects.live().child_of(self).filter(view_restrictions__isnull=True).order_by("-opens_at")
        now = timezone.now()
        context["current_calls"] = [call for call in calls if call.closes_at > now]
        context["past_calls"] = [call for call in calls if call.closes_at <= now]
        return context


class GrantCallQuerySet(PublicPagesQuerySetMixin, PageQuerySet):
    """Calls by where they are in time (``GrantCallPage.objects.live().open()``)."""

    def open(self):
        now = timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now, review_stage="")

    def upcoming(self):
        return self.filter(opens_at__gt=timezone.now())

    def closed(self):
        return self.filter(closes_at__lte=timezone.now())

    def in_district(self, code):
        """Calls open to applicants from this district: every call is region-wide today,
        so all of them (a per-district call would narrow this)."""
        return self

    def for_listing(self):
        """What a list of calls needs: the fields are on the page row, nothing to prefetch."""
        return self.defer_streamfields()


GrantCallManager = PageManager.from_queryset(GrantCallQuerySet)

REVIEW_STAGES = [("", _("as the dates say")), ("under_review", _("under review")), ("results", _("results announced"))]
CALL_STATUSES = {
    "upcoming": _("Opens soon"),
    "open": _("Open for applications"),
    "closed": _("Closed"),
    "under_review": _("Applications under review"),
    "results": _("Results announced"),
}


class GrantCallPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.instance.locale_id:
            # a new call starts with our letters in its own language, for the editor to adapt
            for name, value in letters.initial_letters(self.instance.locale.language_code).items():
                if name in self.fields and not self.initial.get(name):
                    self.initial[name] = value


class GrantCallPage(OneQueryViewRestrictionsMixin, letters.CallLettersMixin, MultiStepFormMixin, Page):
    """A call for proposals with its own application form and the letters its applicants get."""

    intro = models.TextField(_("summary"), max_length=600, help_text=_("Two or three sentences: who, what, how much."))
    body = RichTextField(_("about the call"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    eligibility = RichTextField(
        _("who may apply"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Shown on the call page; the eligibility step follows the switches below."),
    )
    accepts_ngos = models.BooleanField(_("rural NGOs may apply"), default=True)
    accepts_initiative_groups = models.BooleanField(_("initiative groups may apply"), default=True)
    accepts_ethnocultural_centres = models.BooleanField(_("ethnocultural centres may apply"), default=True)
    number_of_grants = models.PositiveSmallIntegerField(_("number of grants"), default=5)
    amount_per_grant = models.PositiveBigIntegerField(
        _("amount per grant (₸)"), default=570000, help_text=_("Whole tenge; the most one applicant may request.")
    )
    budget_limit = models.PositiveBigIntegerField(
        _("total budget (₸)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when it is the number of grants × the amount per grant; fill in when it is less."),
    )
    opens_at = models.DateTimeField(_("opens"), help_text=_("Time in Uralsk (Asia/Oral)."))
    closes_at = models.DateTimeField(_("closes (deadline)"), help_text=_("Time in Uralsk (Asia/Oral)."))
    review_stage = models.CharField(
        _("stage after the deadline"),
        max_length=20,
        choices=REVIEW_STAGES,
        blank=True,
        default="",
        help_text=_("Set when the review starts and when the results are announced."),
    )
    documents = StreamField(
        [("documents", DocumentListBlock())], verbose_name=_("guidelines and templates"), blank=True
    )
    faq = StreamField([("faq", FaqBlock())], verbose_name=_("questions and answers"), blank=True)
    results = RichTextField(_("results"), blank=True, help_text=_("Winners and amounts, once announced."))
    form_steps = StreamField(
        FormStepsBlock(),
        verbose_name=_("application form steps"),
        blank=True,
        help_text=_("Your own steps, shown after the applicant step and before the budget. Each step is one page."),
    )
    rubric = StreamField(
        rubrics.RubricBlock(),
        verbose_name=_("scoring rubric"),
        blank=True,
        help_text=_(
            "The criteria experts score. Once the first review is submitted, criteria, maximum scores and "
            "weights cannot change (the wording can)."
        ),
    )
    report_steps = StreamField(
        FormStepsBlock(),
        verbose_name=_("grantee report questions"),
        blank=True,
        help_text=_(
            "The questions of the interim and final reports, in sections, shown on one page after the grantee "
            "opens the secret link; a spending table against the budget lines always follows. No file questions."
        ),
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("strong disagreement above"),
        default=10,
        help_text=_("Points between the highest and lowest expert total that flag an application in the ranking."),
    )
    consent_text = RichTextField(
        _("personal data consent text"),
        blank=True,
        features=["bold", "italic", "ul", "link"],
        help_text=_("Names the operator (name, BIN), the data, the purpose, how long, transfers, and how to revoke."),
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=40,
        default="1",
        help_text=_("Change it whenever the consent text changes; each application records the version agreed to."),
    )

    objects = GrantCallManager()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldPanel("accepts_ngos"),
                FieldPanel("accepts_initiative_groups"),
                FieldPanel("accepts_ethnocultural_centres"),
            ],
            heading=_("Who may apply"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("number_of_grants"), FieldPanel("amount_per_grant"), FieldPanel("budget_limit")]
                )
            ],
            heading=_("Budget"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("review_stage")],
            heading=_("Dates"),
        ),
        FieldPanel("documents"),
        FieldPanel("faq"),
        FieldPanel("results"),
    ]
    form_panels = [
        HelpPanel(template="grants/admin/form_guide.html", heading=_("How the application form works")),
        FieldPanel("form_steps"),
        MultiFieldPanel([FieldPanel("consent_text"), FieldPanel("consent_version")], heading=_("Declaration")),
    ]
    review_panels = [FieldPanel("rubric"), FieldPanel("disagreement_threshold")]
    report_panels = [FieldPanel("report_steps")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Application form")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList(report_panels, heading=_("Grantee reports")),
            ObjectList(letters.CallLettersMixin.letter_panels, heading=_("Letters")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    # wagtail-localize: the consent version is a machine value each application records,
    # copied to translations as it is, never offered as text to translate
    override_translatable_fields = [SynchronizedField("consent_version")]
    parent_page_types = ["grants.GrantIndexPage"]
    subpage_types = []

    multistep_currency = "₸"
    multistep_other_forms = ("report_steps",)
    base_form_class = GrantCallPageForm

    class Meta:
        verbose_name = _("grant call")
        verbose_name_plural = _("grant calls")

    def breadcrumb_pages(self):
        return routed_ancestors(self)

    # --- facts about the call -------------------------------------------------------------
    @property
    def deadline(self):
        """The closing date-time, as the home and district pages' "open calls" lists show it."""
        return self.closes_at

    @property
    def total_budget(self):
        full = (self.number_of_grants or 0) * (self.amount_per_grant or 0)
        return min(full, self.budget_limit) if self.budget_limit is not None else full

    def get_status(self, now=None):
        """One of CALL_STATUSES, from the dates and the editors' decisions."""
        if self.review_stage:
            return self.review_stage
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return CALL_STATUSES[self.status]

    def accepted_types(self):
        accepted = []
        if self.accepts_ngos:
            accepted.append("ngo")
        if self.accepts_initiative_groups:
            accepted.append("initiative_group")
        if self.accepts_ethnocultural_centres:
            accepted.append("ethnocultural_centre")
        return accepted

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The deadline must be after the opening.")})
        from .steps import FIXED_KEYS

        errors = [
            _("The step key “%(key)s” is used by a fixed step; choose another.") % {"key": child.value["key"]}
            for child in self.form_steps or []
            if child.value.get("key") in FIXED_KEYS
        ]
        if errors:
            raise ValidationError({"form_steps": errors})
        self.settle_rubric()
        self.settle_report_keys()
        self.clean_letters()

    def settle_report_keys(self):
        """The report's questions keep their keys like the application's (see multistep.keys)."""
        from cms_plugins.multistep.blocks import FileQuestionBlock, settle_form_keys

        saved = type(self).objects.filter(pk=self.pk).only("report_steps").first() if self.pk else None
        errors = settle_form_keys(saved.report_steps if saved else None, self.report_steps)
        if any(
            isinstance(question.block, FileQuestionBlock)
            for step in self.report_steps or []
            for question in step.value["questions"]
        ):
            errors.append(_("Reports take no files: remove the file questions."))
        if errors:
            raise ValidationError({"report_steps": errors})

    def settle_rubric(self):
        """Criteria keep their keys; once a review is in, what scores depend on stays as it is."""
        saved = type(self).objects.filter(pk=self.pk).only("rubric").first() if self.pk else None
        old = saved.rubric if saved else None
        changed = rubrics.settle_keys(self.rubric, old)
        if changed:
            raise ValidationError({"rubric": _("Criterion keys cannot change once set.")})
        if saved is not None and rubrics.signature(old) != rubrics.signature(self.rubric) and self.has_reviews():
            message = _(
                "Experts have already submitted reviews against this rubric: its criteria, maximum "
                "scores and weights can no longer change. You may still correct the wording."
            )
            # at the field, and in the editor's error banner (a StreamField shows its own errors
            # only once its script has run)
            raise ValidationError({"rubric": message, NON_FIELD_ERRORS: message})

    def has_reviews(self):
        from .reviews import Assignment

        return Assignment.objects.filter(application__call_key=self.translation_key, scored_at__isnull=False).exists()

    def criteria(self):
        return rubrics.criteria(self.rubric)

    def winners(self):
        """The awarded applications once the results are published (one query), largest grant first."""
        from .applications import Application

        if self.status != "results":
            return []
        return list(
            Application.objects.filter(call_key=self.translation_key, status="awarded")
            .order_by("-awarded_amount", "organisation_name")
            .only("organisation_name", "district_code", "project_title", "awarded_amount", "reference")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_draft"] = self.multistep_draft(request) is not None
        context["winners"] = self.winner_rows()
        return context

    def winner_rows(self):
        """[(organisation, district name, project title, amount)] for the public results."""
        winners = self.winners()
        if not winners:
            return []
        from cms_plugins.places.pages import districts_by_code

        districts = districts_by_code(self.locale_id)
        return [
            (
                w.organisation_name,
                str(getattr(districts.get(w.district_code), "name", "") or ""),
                w.project_title,
                w.awarded_amount,
            )
            for w in winners
        ]

    # --- the application form (cms_plugins.multistep hooks) ------------------------------
    def get_form_steps(self, request=None):
        from . import steps

        return steps.call_steps(self)

    def multistep_is_open(self):
        return self.status == "open"

    def multistep_done(self, request, draft, form_dict, steps):
        from . import services

        application = services.submit_application(call=self, draft=draft, form_dict=form_dict, steps=steps)
        services.queue_confirmation(application)

    def multistep_status_context(self, request, draft):
        from . import services
        from .applications import Application
        from .masking import mask_email, masked_contact

        application = Application.objects.filter(draft=draft).first()
        if application is None:
            return {"application": None}
        mails = [
            {"state": mail.state, "recipient": mask_email(mail.recipient)}
            for mail in services.confirmation_mails(application)
        ]
        from .grant_reports import report_rows
        from .workflow import can_move

        grant = getattr(application, "grant", None) if application.status == "awarded" else None
        return {
            "application": application,
            "reports": report_rows([grant]) if grant is not None else [],
            "may_withdraw": application.status != "withdrawn" and can_move(application.status, "withdrawn"),
            "withdraw_state": request.GET.get("withdraw", ""),
            "contact": masked_contact(application),
            "confirmation_mails": mails,
            # the applicant's own contact step is shown masked above, not in the answers
            "answers": [section for section in application.answers if section.get("key") != "applicant"],
        }

    def multistep_step_context(self, request, draft, step):
        return {"call": self}

    @path("apply/report/<slug:kind>/", name="grants_report")
    def multistep_report(self, request, kind):
        """The grantee's interim or final report, through the secret link (report_views)."""
        from .report_views import report_view

        return report_view(request, self, kind)

    @path("apply/report/<slug:kind>/files/<int:file_id>/", name="grants_report_file")
    def multistep_report_file(self, request, kind, file_id):
        """A file attached to the grantee's report, for the browser the secret link let in."""
        from .report_views import report_file

        return report_file(request, self, kind, file_id)

    @path("withdraw/", name="grants_withdraw")
    def multistep_withdraw(self, request):
        """The applicant withdraws through their secret link (the browser it let in), saying why."""
        return withdraw_view(request, self)


@require_POST
def withdraw_view(request, page):
    from . import decisions
    from .applications import Application
    from .workflow import MoveRefused

    draft = page.multistep_draft(request)
    application = Application.objects.filter(draft=draft).first() if draft is not None else None
    if application is None:
        return HttpResponseRedirect(page.multistep_url("", request))
    reason = (request.POST.get("reason") or "").strip()[:2000]
    try:
        decisions.move(application, "withdrawn", None, reason=reason)
    except MoveRefused:
        return HttpResponseRedirect(page.multistep_url("submitted", request) + "?withdraw=refused")
    return HttpResponseRedirect(page.multistep_url("submitted", request) + "?withdraw=done")
