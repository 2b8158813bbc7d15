"""Queue a message: the one way any app sends mail (``queue_mail``)."""

from django.db import transaction

from .models import OutboundMail
from .tasks import deliver


def queue_mail(recipient, subject, body="", *, topic="", language="", renderer="", renderer_args=None):
    """Record the message and enqueue its sending, in one transaction; returns the record.

    ``renderer`` (a dotted path) writes the text at sending time instead of ``body``,
    for messages that must not be stored (they hold a secret link).
    """
    # savepoint=False: inside the caller's transaction (a submission) this joins it, costing
    # no savepoint queries; alone it is its own transaction
    with transaction.atomic(savepoint=False):
        mail = OutboundMail.objects.create(
            recipient=recipient,
            subject=str(subject)[:255],
            body="" if renderer else body,
            renderer=renderer,
            renderer_args=renderer_args or {},
            topic=topic[:120],
            language=(language or "")[:8],
        )
        deliver.enqueue(mail.pk)
    return mail


def send_again(mail):
    """Queue a failed message once more (the admin's "send again")."""
    with transaction.atomic():
        updated = OutboundMail.objects.filter(pk=mail.pk, state="failed").update(state="queued", attempts=0)
        if updated:
            deliver.enqueue(mail.pk)
    mail.refresh_from_db()
    return bool(updated)
