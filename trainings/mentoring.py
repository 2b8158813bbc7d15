"""Mentoring pairs: an experienced organisation accompanies a beginner one for a while; their
sessions are logged, and both organisations' CRM timelines show the pair and each session."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel


class MentoringPairQuerySet(models.QuerySet):
    def active(self, day=None):
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class MentoringPair(ClusterableModel):
    mentor = models.ForeignKey(
        "crm.Organisation", verbose_name=_("mentor organisation"), on_delete=models.PROTECT, related_name="mentoring"
    )
    mentee = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("beginner organisation"),
        on_delete=models.PROTECT,
        related_name="mentored_by",
    )
    starts_on = models.DateField(_("start"), default=timezone.localdate)
    ends_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty while the pair works together."))
    goals = models.TextField(_("goals"), max_length=2000, help_text=_("What the beginner wants to learn or achieve."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = MentoringPairQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("mentor"), FieldPanel("mentee")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("goals"),
        InlinePanel("sessions", label=_("Sessions"), help_text=_("Each meeting of the pair, with what was done.")),
    ]

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return f"{self.mentor} → {self.mentee}"

    def clean(self):
        if self.mentor_id and self.mentor_id == self.mentee_id:
            raise ValidationError({"mentee": _("An organisation cannot mentor itself.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes after the start.")})

    @property
    def is_active(self):
        today = timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


class MentoringSession(models.Model):
    pair = ParentalKey(MentoringPair, related_name="sessions", on_delete=models.CASCADE)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("what was done"), max_length=500)

    panels = [FieldPanel("date"), FieldPanel("summary")]

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.summary[:60]}"
