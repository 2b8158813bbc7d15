"""Consultation requests: an NGO asks a question from the public site; coordinators work
through the requests in the admin (new → scheduled → done, or declined).

The allowed moves are data (``TRANSITIONS``), checked by one function (``can_move``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms_plugins.phone import format_phone

from .choices import Topic


class ConsultationStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("consultation", "new")
    SCHEDULED = "scheduled", pgettext_lazy("consultation", "scheduled")
    DONE = "done", pgettext_lazy("consultation", "done")
    DECLINED = "declined", pgettext_lazy("consultation", "declined")


TRANSITIONS = {
    ConsultationStatus.NEW: {ConsultationStatus.SCHEDULED, ConsultationStatus.DECLINED},
    ConsultationStatus.SCHEDULED: {ConsultationStatus.DONE, ConsultationStatus.DECLINED, ConsultationStatus.NEW},
    ConsultationStatus.DONE: set(),
    ConsultationStatus.DECLINED: {ConsultationStatus.NEW},
}


def can_move(old, new):
    return old == new or new in TRANSITIONS.get(old, set())


class ConsultationFormat(models.TextChoices):
    IN_PERSON = "in-person", _("in person")
    PHONE = "phone", _("by phone")
    ONLINE = "online", _("online (video meeting)")


class ConsultationRequest(models.Model):
    """One question from an NGO or a person, and what the coordinators did with it."""

    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    contact_name = models.CharField(_("full name"), max_length=160)
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8, help_text=_("Emails are written in it."))
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices, blank=True)
    question = models.TextField(_("question"), max_length=2000)
    preferred_format = models.CharField(
        _("preferred format"), max_length=12, choices=ConsultationFormat.choices, default=ConsultationFormat.PHONE
    )
    preferred_dates = models.CharField(_("preferred dates"), max_length=200, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=40)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=12, choices=ConsultationStatus.choices, default=ConsultationStatus.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_at = models.DateTimeField(
        _("consultation time"), null=True, blank=True, help_text=_("Time in Uralsk (Asia/Oral).")
    )
    scheduled_place = models.CharField(
        _("where or how"),
        max_length=255,
        blank=True,
        help_text=_("The address, the phone number we will ring, or the video-meeting link: sent to the requester."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    person = models.ForeignKey(
        "crm.Person", verbose_name=_("person in the CRM"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "crm.Organisation", verbose_name=_("organisation in the CRM"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="consultation_requests",
    )  # fmt: skip

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.contact_name}: {self.question[:60]}"

    @property
    def phone_display(self):
        return format_phone(self.phone)
