from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class DistrictQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("sort_order", "name")


class District(TranslatableMixin, models.Model):
    """An administrative unit the organisation works in (reference data).

    One row a language, tied together by ``translation_key``; ``code`` is the stable
    identifier other records and imports use, whatever the language.
    """

    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Stable identifier used by imports and links; never change it.")
    )
    name = models.CharField(_("name"), max_length=120)
    centre = models.CharField(_("administrative centre"), max_length=120, blank=True)
    aliases = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_("One a line: old names, abbreviations, spellings without Kazakh letters, Latin spellings."),
    )
    is_city = models.BooleanField(_("city"), default=False, help_text=_("A city administration, not a rural district."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DistrictQuerySet.as_manager()

    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("name"),
        FieldPanel("centre"),
        FieldPanel("aliases"),
        FieldPanel("is_city"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_district_code_per_locale")]

    def __str__(self):
        return self.name

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
