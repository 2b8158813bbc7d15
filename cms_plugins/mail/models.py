"""The outbox: one row per message the site sends, with its delivery state.

A request never talks to the mail server: it writes an ``OutboundMail`` row and
enqueues the task that sends it (``tasks.deliver``), in the same transaction, so a
message is never lost between the two and a dead mail server never stalls a page.
The row tells the truth about what happened: queued, sent or failed (with the error).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STATES = [
    ("queued", _("Queued")),
    ("sent", _("Sent")),
    ("failed", _("Failed")),
    ("cancelled", _("Not needed any more")),
]


class OutboundMailQuerySet(models.QuerySet):
    def about(self, topic):
        return self.filter(topic=topic)

    def for_recipient(self, address):
        """Every message to an address (anonymisation finds personal data through this)."""
        return self.filter(recipient__iexact=address)

    def latest_first(self):
        return self.order_by("-created_at", "-pk")


class OutboundMail(models.Model):
    """One email to one recipient. The recipient's address is personal data."""

    recipient = models.EmailField(_("recipient"), db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Empty when the text is written only at sending time (it holds a secret link)."),
    )
    # A message whose text holds a secret (a resume link) is rendered by this function
    # when it is sent and never stored; ``renderer_args`` are the function's arguments.
    renderer = models.CharField(max_length=200, blank=True, editable=False)
    renderer_args = models.JSONField(default=dict, blank=True, editable=False)
    topic = models.CharField(
        _("about"),
        max_length=120,
        blank=True,
        db_index=True,
        help_text=_("What the message is about, for example the application's reference."),
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=STATES, default="queued", db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboundMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
