"""What coordinators enter for each indicator: its baseline and a target per year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from .registry import BY_KEY, choices


class IndicatorPlan(ClusterableModel):
    """One indicator's baseline (where the programme started) and its yearly targets."""

    key = models.CharField(_("indicator"), max_length=40, choices=choices(), unique=True)
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("The value before the programme, e.g. 655 registered NGOs in the region."),
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    source_note = models.CharField(
        _("source of the baseline"), max_length=255, blank=True, help_text=_("Where the figure comes from.")
    )

    panels = [
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")]),
        FieldPanel("source_note"),
        InlinePanel("targets", label=_("Targets per year")),
    ]

    class Meta:
        verbose_name = _("indicator plan")
        verbose_name_plural = _("indicator plans")
        ordering = ["key"]

    def __str__(self):
        indicator = BY_KEY.get(self.key)
        return str(indicator.name) if indicator else self.key


class IndicatorTarget(models.Model):
    plan = ParentalKey(IndicatorPlan, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=1)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")])]

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="monitoring_one_target_per_year")]

    def __str__(self):
        return f"{self.plan} {self.year}: {self.value}"
