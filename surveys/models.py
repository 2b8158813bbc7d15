"""The needs-assessment survey: a page editors design in three languages, and its answers.

``SurveyPage`` carries its questions as the form engine's keyed blocks (``blocks.py``)
and serves them as one form (``forms.py``). Each submitted form is a
``SurveyResponse`` row shared by every translation of the page (``form_key`` is the
page's translation key), answers stored by question key. One answer per person is
encouraged, never enforced: a browser that answered before, or an email that did,
marks the new answer as a possible duplicate for staff to judge.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms_plugins.multistep.blocks import settle_form_keys
from cms_plugins.restrictions import OneQueryViewRestrictionsMixin

from .blocks import SurveySectionsBlock
from .responses import DuplicateReason, SurveyResponse, SurveyResponseQuerySet

__all__ = ["DuplicateReason", "SurveyPage", "SurveyResponse", "SurveyResponseQuerySet"]


class SurveyPage(OneQueryViewRestrictionsMixin, RoutablePageMixin, Page):
    """A survey: sections of questions, optional contacts with consent, a thank-you."""

    intro = models.TextField(
        _("introduction"), max_length=600, blank=True, help_text=_("Why we ask and how long it takes.")
    )
    form_steps = StreamField(
        SurveySectionsBlock(),
        verbose_name=_("questions"),
        blank=True,
        help_text=_("Sections of questions, all shown on one page. Each question's key is set once and never changes."),
    )
    accepting = models.BooleanField(
        _("accepting answers"), default=True, help_text=_("Untick to close the survey; the answers stay.")
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
        help_text=_("Change it whenever the consent text changes; each answer records the version agreed to."),
    )
    thank_you = models.TextField(
        _("thank-you text"), max_length=600, blank=True, help_text=_("Shown after the answers are sent.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("form_steps"),
        FieldPanel("accepting"),
        MultiFieldPanel([FieldPanel("consent_text"), FieldPanel("consent_version")], heading=_("Personal data")),
        FieldPanel("thank_you"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [SynchronizedField("consent_version"), SynchronizedField("accepting")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def clean(self):
        super().clean()
        # keys are decided against the last saved version: a key once saved never changes
        saved = type(self).objects.filter(pk=self.pk).only("form_steps").first() if self.pk else None
        errors = settle_form_keys(saved.form_steps if saved else None, self.form_steps)
        if errors:
            raise ValidationError({"form_steps": errors})

    def form_class(self):
        from .forms import survey_form_class

        return survey_form_class(self.form_steps)

    @path("")
    def form_view(self, request):
        from .views import survey_form

        return survey_form(request, self)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        from .views import survey_thanks

        return survey_thanks(request, self)
