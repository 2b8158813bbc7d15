"""Who registered for an event, who waits for a place, and who came to which session.

Registrations belong to the event, not to one language's page: ``event_key`` is the
pages' shared ``translation_key``, so capacity and the waiting list count every
language together. ``training`` is the page the person registered on (its language,
its address in the emails).

The cancellation link is a secret: an HMAC of (registration, token version) under the
site's SECRET_KEY, so the worker can write it into an email without it being stored;
the database keeps only its SHA-256 (a leaked database opens nothing). Raising the
version (a cancellation, a link mailed again) revokes the old link.
"""

import base64
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms_plugins.phone import format_phone

TOKEN_SALT = "trainings.registration-link"  # noqa: S105 - a salt, not a secret


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")


def link_token(registration_id, version):
    digest = salted_hmac(TOKEN_SALT, f"{registration_id}:{version}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event_key):
        return self.filter(event_key=event_key)

    def confirmed(self):
        return self.filter(status=Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Status.WAITLISTED).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=Status.CANCELLED)

    def reminder_due(self, now=None):
        """Confirmed registrations whose event's first session starts within a day and
        that got no reminder yet (the management command sends them)."""
        now = now or timezone.now()
        return self.confirmed().filter(
            reminded_at__isnull=True,
            training__starts_at__gt=now,
            training__starts_at__lte=now + timezone.timedelta(days=1),
            training__live=True,
        )


class Registration(models.Model):
    """One person's place (or place in the queue) at one event."""

    training = models.ForeignKey(
        "trainings.TrainingPage",
        verbose_name=_("training or webinar"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    event_key = models.UUIDField(_("event"), db_index=True, editable=False)
    full_name = models.CharField(_("full name"), max_length=160)
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8, help_text=_("Emails are written in it."))
    consent_version = models.CharField(_("consent text version"), max_length=40)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    token_version = models.PositiveIntegerField(default=1, editable=False)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person in the CRM"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_registrations",
    )
    organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("organisation in the CRM"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_registrations",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # one active registration per address and event, whatever the language
            models.UniqueConstraint(
                fields=["event_key", "email"],
                condition=~Q(status="cancelled"),
                name="trainings_one_active_registration_per_email",
            ),
        ]
        permissions = [("mark_attendance", _("Can mark attendance"))]

    def __str__(self):
        return f"{self.full_name} — {self.training.title}"

    @property
    def phone_display(self):
        return format_phone(self.phone)

    def current_token(self):
        return link_token(self.pk, self.token_version)

    def new_token(self):
        """Raise the version (the old link stops working) and keep the new link's hash."""
        self.token_version += 1
        self.token_hash = hash_token(self.current_token())

    @property
    def is_active(self):
        return self.status != Status.CANCELLED


class Attendance(models.Model):
    """A participant was there at one session. Sessions are one row per translation of the
    page, so a session is named by its start (the same in every language)."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="attendances"
    )
    session_starts_at = models.DateTimeField(_("session"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session_starts_at"], name="trainings_attendance_once"),
        ]

    def __str__(self):
        return f"{self.registration.full_name} @ {timezone.localtime(self.session_starts_at):%Y-%m-%d %H:%M}"
