"""Answers to surveys: one row per submitted form, shared by every translation of the page.

Kept apart from the page type (``models.py``) so that the code writing answers
(``services.py``) imports no page, and the page's routes can use that code.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .blocks import RespondentType


class DuplicateReason(models.TextChoices):
    NONE = "", _("none")
    BROWSER = "browser", _("this browser answered before")
    EMAIL = "email", _("this email answered before")


class SurveyResponseQuerySet(models.QuerySet):
    def of_survey(self, page):
        """Answers to the page in every language."""
        return self.filter(form_key=page.translation_key)

    def filtered(self, district="", respondent_type=""):
        answers = self
        if district:
            answers = answers.filter(district_code=district)
        if respondent_type:
            answers = answers.filter(respondent_type=respondent_type)
        return answers


class SurveyResponse(models.Model):
    """One submitted survey, in whichever language it was answered."""

    form_key = models.UUIDField(_("survey"), db_index=True)
    page = models.ForeignKey(
        "surveys.SurveyPage", verbose_name=_("answered on"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    answers = models.JSONField(_("answers"), default=dict)
    # copied from the answers to the district and "who answers" questions, for filtering
    district_code = models.CharField(_("district"), max_length=40, blank=True, db_index=True)
    respondent_type = models.CharField(
        _("who answers"), max_length=20, blank=True, choices=RespondentType.CHOICES, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    # a random token the answering browser keeps in a cookie (no personal data)
    browser_token = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    duplicate_reason = models.CharField(
        _("possible duplicate"), max_length=10, blank=True, choices=DuplicateReason.choices
    )
    full_name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    person = models.ForeignKey(
        "crm.Person", verbose_name=_("CRM person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.form_key} {self.submitted_at:%Y-%m-%d %H:%M}"
