"""Experts' reviews: an assignment, the expert's conflict-of-interest declaration, and their scores."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AssignmentQuerySet(models.QuerySet):
    def open_to(self, user):
        """What the expert may open: assigned to them and not given up for a conflict."""
        return self.filter(expert=user).exclude(conflict=True)

    def submitted(self):
        return self.filter(scored_at__isnull=False).exclude(conflict=True)


class Assignment(models.Model):
    """An expert asked to score an application, their declaration, and the scores they gave."""

    application = models.ForeignKey(
        "grants.Application", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("application")
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_assignments", verbose_name=_("expert")
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    # None: not declared yet (the application stays closed); True: a conflict, access removed
    conflict = models.BooleanField(_("conflict of interest"), null=True, blank=True)
    conflict_note = models.TextField(_("about the conflict"), blank=True, max_length=2000)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    # {criterion key: {"score": n, "comment": "..."}} against the call's rubric
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comment = models.TextField(_("overall comment"), blank=True, max_length=4000)
    total = models.DecimalField(_("weighted total"), max_digits=9, decimal_places=2, null=True, blank=True)
    scored_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("expert assignment")
        verbose_name_plural = _("expert assignments")
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="grants_one_assignment_per_expert")
        ]

    def __str__(self):
        return f"{self.application.reference} → {self.expert}"

    @property
    def is_submitted(self):
        return self.scored_at is not None
