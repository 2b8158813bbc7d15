from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms_plugins.blocks.blocks import DocumentListBlock, FaqBlock
from cms_plugins.multistep.blocks import FormStepsBlock, check_keys_unchanged
from cms_plugins.multistep.pages import MultiStepFormMixin
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin


def routed_ancestors(page):
    """The page's ancestors below the tree root, for breadcrumbs.

    Routing a request leaves each page's parent on it (``_cached_parent_obj``), so the
    chain is usually known without a query; otherwise one query reads it.
    """
    chain, current = [], page
    while current.depth > 2:
        parent = getattr(current, "_cached_parent_obj", None)
        if parent is None:
            return list(page.get_ancestors().filter(depth__gt=1))
        chain.append(parent)
        current = parent
    return chain[::-1]


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
            call._cached_parent_obj = self
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


class GrantCallQuerySet(PageQuerySet):
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

    def current(self):
        """Open or not yet open: what the home page advertises, soonest deadline first."""
        return self.filter(closes_at__gt=timezone.now(), review_stage="").order_by("closes_at")


GrantCallManager = PageManager.from_queryset(GrantCallQuerySet)

REVIEW_STAGES = [("", _("as the dates say")), ("under_review", _("under review")), ("results", _("results announced"))]
CALL_STATUSES = {
    "upcoming": _("Opens soon"),
    "open": _("Open for applications"),
    "closed": _("Closed"),
    "under_review": _("Applications under review"),
    "results": _("Results announced"),
}


class GrantCallPage(OneQueryViewRestrictionsMixin, MultiStepFormMixin, Page):
    """A call for proposals with its own application form."""

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
            [FieldRowPanel([FieldPanel("number_of_grants"), FieldPanel("amount_per_grant")])], heading=_("Budget")
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
        FieldPanel("form_steps"),
        MultiFieldPanel([FieldPanel("consent_text"), FieldPanel("consent_version")], heading=_("Declaration")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Application form")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["grants.GrantIndexPage"]
    subpage_types = []

    multistep_currency = "₸"

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
        return (self.number_of_grants or 0) * (self.amount_per_grant or 0)

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
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).only("form_steps").first()
            errors = check_keys_unchanged(previous.form_steps if previous else None, self.form_steps)
        else:
            errors = []
        from .steps import FIXED_KEYS

        errors += [
            _("The step key “%(key)s” is used by a fixed step; choose another.") % {"key": child.value["key"]}
            for child in self.form_steps or []
            if child.value.get("key") in FIXED_KEYS
        ]
        if errors:
            raise ValidationError({"form_steps": errors})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_draft"] = self.multistep_draft(request) is not None
        return context

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
        from .masking import mask_email, masked_contact

        application = Application.objects.filter(draft=draft).first()
        if application is None:
            return {"application": None}
        mails = [
            {"state": mail.state, "recipient": mask_email(mail.recipient)}
            for mail in services.confirmation_mails(application)
        ]
        return {
            "application": application,
            "contact": masked_contact(application),
            "confirmation_mails": mails,
            # the applicant's own contact step is shown masked above, not in the answers
            "answers": [section for section in application.answers if section.get("key") != "applicant"],
        }

    def multistep_step_context(self, request, draft, step):
        return {"call": self}


# --- applications ----------------------------------------------------------------------------

APPLICATION_STATUSES = [
    ("submitted", _("Submitted")),
    ("under_review", _("Under review")),
    ("shortlisted", _("Shortlisted")),
    ("awarded", _("Awarded")),
    ("not_awarded", _("Not awarded")),
    ("withdrawn", _("Withdrawn")),
]
# The allowed moves, in one place (checked by services.change_status).
TRANSITIONS = {
    "submitted": {"under_review", "withdrawn"},
    "under_review": {"shortlisted", "not_awarded", "withdrawn"},
    "shortlisted": {"awarded", "not_awarded", "withdrawn"},
    "awarded": set(),
    "not_awarded": set(),
    "withdrawn": set(),
}
APPLICANT_TYPES = [
    ("ngo", _("Rural NGO (public association, foundation, private institution)")),
    ("initiative_group", _("Initiative group of residents (not registered)")),
    ("ethnocultural_centre", _("Ethnocultural centre")),
    ("other", _("Another kind (a business, a state body, a private person)")),
]


class ApplicationQuerySet(models.QuerySet):
    def for_expert(self, user):
        return self.filter(assignments__expert=user)

    def counting_for_bin(self, call, bin_value):
        """Applications that stop another one from this BIN to this call (any language)."""
        return self.filter(call_key=call.translation_key, bin=bin_value).exclude(status="withdrawn")


class Application(models.Model):
    """A submitted application: what the applicant sent, frozen at submission."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    call = models.ForeignKey(
        GrantCallPage, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    # the call in every language (its translation key): one application per BIN per call
    call_key = models.UUIDField(db_index=True, editable=False)
    draft = models.OneToOneField(
        "multistep.Draft", on_delete=models.PROTECT, related_name="grant_application", verbose_name=_("draft")
    )
    status = models.CharField(_("status"), max_length=20, choices=APPLICATION_STATUSES, default="submitted")
    applicant_type = models.CharField(_("applicant type"), max_length=30, choices=APPLICANT_TYPES)
    organisation_name = models.CharField(_("organisation or group"), max_length=255)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    district_code = models.CharField(_("district"), max_length=40, blank=True)
    settlement = models.CharField(_("village or town"), max_length=120, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20)
    language = models.CharField(_("language"), max_length=8, blank=True)
    project_title = models.CharField(_("project title"), max_length=255, blank=True)
    requested_amount = models.PositiveBigIntegerField(_("requested amount (₸)"))
    answers = models.JSONField(
        _("answers"), default=list, help_text=_("A copy of the answers as the applicant saw them.")
    )
    consent_version = models.CharField(_("consent version"), max_length=40)
    consent_at = models.DateTimeField(_("consent given"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    notes = models.TextField(_("coordinator notes"), blank=True)

    objects = ApplicationQuerySet.as_manager()
    # Applications are records, not content: keeping them out of Wagtail's reference
    # index saves five queries on every submission (and "usage" counts stay about pages).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at"]
        permissions = [("score_application", "Can score applications assigned to them")]
        constraints = [
            # the FAQ's promise: one application per organisation per call (withdrawn ones aside)
            models.UniqueConstraint(
                fields=["call_key", "bin"],
                condition=~models.Q(bin="") & ~models.Q(status="withdrawn"),
                name="grants_one_application_per_bin_per_call",
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.organisation_name}"

    def files(self):
        return self.draft.files.order_by("step", "field")


class ReferenceCounter(models.Model):
    """The last number given out in a year (ZKO-2026-0001, ...)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)


SCORES = [(n, str(n)) for n in range(1, 6)]


class Assignment(models.Model):
    """An expert asked to score an application, and the score they gave."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("application")
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_assignments", verbose_name=_("expert")
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    relevance = models.PositiveSmallIntegerField(_("relevance for the village"), choices=SCORES, null=True, blank=True)
    feasibility = models.PositiveSmallIntegerField(_("feasibility"), choices=SCORES, null=True, blank=True)
    budget = models.PositiveSmallIntegerField(_("budget is sound"), choices=SCORES, null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    scored_at = models.DateTimeField(_("scored"), null=True, blank=True)

    class Meta:
        verbose_name = _("expert assignment")
        verbose_name_plural = _("expert assignments")
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="grants_one_assignment_per_expert")
        ]

    def __str__(self):
        return f"{self.application.reference} → {self.expert}"

    @property
    def total(self):
        parts = [self.relevance, self.feasibility, self.budget]
        return sum(parts) if all(parts) else None
