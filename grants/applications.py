"""Applications, their review by experts, and the allowed moves between their statuses."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

APPLICATION_STATUSES = [
    ("submitted", _("Submitted")),
    ("under_review", _("Under review")),
    ("shortlisted", _("Shortlisted")),
    ("awarded", _("Awarded")),
    ("not_awarded", _("Not awarded")),
    ("withdrawn", _("Withdrawn")),
]
# The allowed moves, in one place: checked by ``can_move`` (the admin's status form uses it).
TRANSITIONS = {
    "submitted": {"under_review", "withdrawn"},
    "under_review": {"shortlisted", "not_awarded", "withdrawn"},
    "shortlisted": {"awarded", "not_awarded", "withdrawn"},
    "awarded": set(),
    "not_awarded": set(),
    "withdrawn": set(),
}


def can_move(old_status, new_status):
    """Whether an application may go from ``old_status`` to ``new_status`` (staying is always allowed)."""
    return new_status == old_status or new_status in TRANSITIONS.get(old_status, set())


APPLICANT_TYPES = [
    ("ngo", _("Rural NGO (public association, foundation, private institution)")),
    ("initiative_group", _("Initiative group of residents (not registered)")),
    ("ethnocultural_centre", _("Ethnocultural centre")),
    ("other", _("Another kind (a business, a state body, a private person)")),
]


class ApplicationQuerySet(models.QuerySet):
    def counting_for_bin(self, call, bin_value):
        """Applications that stop another one from this BIN to this call (any language)."""
        return self.filter(call_key=call.translation_key, bin=bin_value).exclude(status="withdrawn")


class Application(models.Model):
    """A submitted application: what the applicant sent, frozen at submission."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    call = models.ForeignKey(
        "grants.GrantCallPage", on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
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

    # Applications are records, not content: keeping them out of Wagtail's reference
    # index saves five queries on every submission (and "usage" counts stay about pages).
    wagtail_reference_index_ignore = True

    objects = ApplicationQuerySet.as_manager()

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
