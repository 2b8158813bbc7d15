"""Drafts of multi-step forms, kept in the database so that they survive a closed
tab, an expired session, another device and several app servers."""

import uuid

from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import conf
from .tokens import hash_token, resume_token

STATES = {
    "not_started": _("Not started"),
    "in_progress": _("In progress"),
    "completed": _("Completed"),
}


def private_storage():
    """The configured private storage, looked up on every use.

    A FileField evaluates a storage callable once, at import; this proxy keeps
    following settings.STORAGES (tests and deployments may change it later).
    """
    return _PRIVATE


class _PrivateStorageProxy(Storage):
    def _target(self):
        return storages[conf.get("FILE_STORAGE")]

    def deconstruct(self):
        return ("cms_plugins.multistep.models.private_storage", (), {})


def _delegate(name):
    def method(self, *args, **kwargs):
        return getattr(self._target(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in (
    "open",
    "save",
    "delete",
    "exists",
    "size",
    "url",
    "path",
    "listdir",
    "get_valid_name",
    "get_alternative_name",
    "get_available_name",
    "generate_filename",
    "get_accessed_time",
    "get_created_time",
    "get_modified_time",
):
    setattr(_PrivateStorageProxy, _name, _delegate(_name))


_PRIVATE = _PrivateStorageProxy()


class DraftQuerySet(models.QuerySet):
    def open(self):
        return self.filter(submitted_at__isnull=True, revoked_at__isnull=True)

    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def for_token(self, token):
        if not token or len(token) > 100:
            return self.none()
        return self.filter(token_hash=hash_token(token), revoked_at__isnull=True)

    def abandoned(self, days):
        return self.filter(submitted_at__isnull=True, updated_at__lt=timezone.now() - timezone.timedelta(days=days))


class Draft(models.Model):
    """One person's answers to one form, whatever language they fill it in.

    ``form_key`` is the translation key of the form's page, so the draft is shared by
    every translation of that page. ``data`` holds the wizard's storage as JSON (the
    raw answers of each step); ``step_states`` the state of each step.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form_key = models.UUIDField(_("form"), db_index=True)
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    language = models.CharField(_("language"), max_length=8, blank=True)
    data = models.JSONField(default=dict, blank=True)
    step_states = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("link revoked"), null=True, blank=True)
    # raised by every new link and by revoking: older links and browser cookies stop working
    token_version = models.PositiveIntegerField(default=0, editable=False)
    # set the first time the emailed link is opened: the address is the applicant's
    email_verified_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    # when the start form last mailed the existing link (at most once an hour)
    link_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    files_removed_at = models.DateTimeField(_("files removed"), null=True, blank=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("form draft")
        verbose_name_plural = _("form drafts")
        constraints = [
            models.UniqueConstraint(
                fields=["form_key", "email"],
                condition=models.Q(submitted_at__isnull=True, revoked_at__isnull=True),
                name="multistep_one_open_draft_per_email",
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d})"

    def new_token(self):
        """A fresh secret link token (a new version): the old link and cookies stop working."""
        self.token_version += 1
        token = self.current_token()
        self.token_hash = hash_token(token)
        return token

    def current_token(self):
        """The token of the link now valid (recomputed, never stored)."""
        return resume_token(self.pk, self.token_version)

    def revoke(self):
        """End the secret link and every browser session opened with it (caller saves)."""
        self.revoked_at = timezone.now()
        self.token_hash = None
        self.token_version += 1

    @property
    def email_verified(self):
        return self.email_verified_at is not None

    def state(self, step_key):
        return self.step_states.get(step_key, "not_started")

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class DraftFile(models.Model):
    """A file uploaded into a draft, in private storage; served only through checks."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="files")
    step = models.CharField(max_length=40)
    field = models.CharField(max_length=40)
    file = models.FileField(storage=private_storage, upload_to="multistep/%Y/%m/", max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")

    def __str__(self):
        return self.original_name

    def delete_file(self):
        if self.file:
            self.file.storage.delete(self.file.name)
