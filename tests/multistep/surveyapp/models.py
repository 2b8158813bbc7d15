"""The smallest page type with a multi-step form: only editor-designed steps, no fixed ones.

It tests the engine (cms_plugins.multistep) as any other site would use it, without
the grants app's own steps, rules and services.
"""

from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page

from cms_plugins.multistep.blocks import FormStepsBlock
from cms_plugins.multistep.pages import MultiStepFormMixin


class SurveyPage(MultiStepFormMixin, Page):
    accepting = models.BooleanField(default=True)
    form_steps = StreamField(FormStepsBlock(), blank=True)

    def multistep_is_open(self):
        return self.accepting

    def multistep_done(self, request, draft, form_dict, steps):
        Submission.objects.create(page=self, draft=draft, steps=[step.key for step in steps])


class Submission(models.Model):
    """What ``multistep_done`` was called with, once per submitted draft."""

    page = models.ForeignKey(SurveyPage, on_delete=models.CASCADE)
    draft = models.ForeignKey("multistep.Draft", on_delete=models.CASCADE)
    steps = models.JSONField(default=list)
