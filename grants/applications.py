"""Submitted applications and their reference numbers (statuses and moves: workflow.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .workflow import APPLICATION_STATUSES, INELIGIBLE_REASONS

APPLICANT_TYPES = [
    ("ngo", _("Rural NGO (public association, foundation, private institution)")),
    ("initiative_group", _("Initiative group of residents (not registered)")),
    ("ethnocultural_centre", _("Ethnocultural centre")),
    ("other", _("Another kind (a business, a state body, a private person)")),
]


class ApplicationQuerySet(models.QuerySet):
    def of_call(self, call):
        """The applications to a call in every language (they share its translation key)."""
        return self.filter(call_key=call.translation_key)

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
    ineligible_reason = models.CharField(
        _("reason for ineligibility"), max_length=30, choices=INELIGIBLE_REASONS, blank=True
    )
    awarded_amount = models.PositiveBigIntegerField(_("awarded amount (₸)"), null=True, blank=True)

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
