"""The task that sends one outbox message, with retries (Django's task framework)."""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from . import conf
from .models import OutboundMail
from .rendered import Rendered

logger = logging.getLogger(__name__)


@task()
def deliver(mail_id):
    """Send the message once; on failure record the error and try again later, or give up.

    The SMTP connection uses settings.EMAIL_TIMEOUT, so a dead server fails the attempt
    instead of hanging the worker. Backends that cannot defer a task (the immediate one,
    used by tests and by sites without a worker) get one attempt: a failure is recorded
    and a coordinator can send it again from the admin.
    """
    # one statement claims the attempt: a message sent or cancelled meanwhile is left alone
    if not OutboundMail.objects.filter(pk=mail_id, state="queued").update(attempts=F("attempts") + 1):
        return "gone"
    mail = OutboundMail.objects.get(pk=mail_id)
    try:
        rendered = render_body(mail)
        if rendered is None:
            mail.state = "cancelled"
            mail.save(update_fields=["state"])
            return mail.state
        body, attachments = (rendered.body, rendered.attachments) if isinstance(rendered, Rendered) else (rendered, ())
        message = EmailMessage(mail.subject, body, None, [mail.recipient])
        for filename, content, mimetype in attachments:
            message.attach(filename, content, mimetype)
        message.send()
    except Exception as error:  # noqa: BLE001 - any failure of rendering or of the mail server is recorded
        logger.warning("Mail %s to the outbox's recipient failed (attempt %s): %s", mail.pk, mail.attempts, error)
        mail.last_error = f"{type(error).__name__}: {error}"[:500]
        retry = mail.attempts < conf.get("MAX_ATTEMPTS") and deliver.get_backend().supports_defer
        mail.state = "queued" if retry else "failed"
        mail.save(update_fields=["state", "last_error"])
        if retry:
            delay = conf.get("RETRY_AFTER") * 2 ** (mail.attempts - 1)
            deliver.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(mail.pk)
        return mail.state
    mail.state = "sent"
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["state", "sent_at", "last_error"])
    return mail.state


def render_body(mail):
    """The stored text, or what its renderer writes now: a text, a ``Rendered`` (text and
    attachments, e.g. a calendar file), or None (the message is not needed)."""
    if not mail.renderer:
        return mail.body
    with translation.override(mail.language or None):
        return import_string(mail.renderer)(**mail.renderer_args)
