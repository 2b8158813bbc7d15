"""What the outbox holds about a person (the address, texts naming them), erased on
anonymisation. Registered with ``cms_plugins.erasure`` in ``MailConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from cms_plugins.erasure import register, scrub_fields

from .models import OutboundMail


@register("mail.outbox", _("Outgoing email: recipient, subject and text"))
def erase_outbox(identity):
    """Messages to the person lose the address and text (a queued one is not sent); others lose mentions."""
    erased = 0
    for mail in OutboundMail.objects.only("pk", "recipient", "state").iterator():
        if identity.owns(email=mail.recipient):
            OutboundMail.objects.filter(pk=mail.pk).update(
                recipient=f"erased-{mail.pk}@erased.invalid",
                body="",
                renderer_args={},
                state="cancelled" if mail.state == "queued" else mail.state,
            )
            erased += 1
    fields = ["subject", "body", "topic", "last_error", "renderer_args"]
    return erased + scrub_fields(OutboundMail.objects.all(), identity, fields)
