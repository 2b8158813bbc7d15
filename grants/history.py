"""Every decision about an application, in order: who, when, from which status to which, and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EVENT_KINDS = [
    ("status", _("Status changed")),
    ("assigned", _("Expert assigned")),
    ("conflict", _("Conflict of interest declared")),
    ("no_conflict", _("No conflict of interest declared")),
    ("review_submitted", _("Review submitted")),
    ("review_reopened", _("Review reopened")),
    ("results", _("Results published")),
]


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        "grants.Application", on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    kind = models.CharField(_("what happened"), max_length=20, choices=EVENT_KINDS, default="status")
    at = models.DateTimeField(_("when"), default=timezone.now)
    # nobody: the applicant (through their link) or the system
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    reason = models.TextField(_("why"), blank=True, max_length=4000)
    amount = models.PositiveBigIntegerField(_("amount (₸)"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self):
        return f"{self.application_id} {self.kind} {self.from_status}→{self.to_status}"

    def from_label(self):
        from .workflow import STATUS_LABELS

        return STATUS_LABELS.get(self.from_status, self.from_status)

    def to_label(self):
        from .workflow import STATUS_LABELS

        return STATUS_LABELS.get(self.to_status, self.to_status)
