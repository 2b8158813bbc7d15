"""Mails the engine sends: the secret link to a draft, through the outbox (cms_plugins.mail).

The link is a secret, so the outbox does not store the text: ``resume_text`` writes it
when the message is sent, from the draft's current token version. A message queued
for a link that was replaced or revoked meanwhile is not sent.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms_plugins.mail.models import OutboundMail
from cms_plugins.mail.services import queue_mail

from .models import Draft


def topic_of(draft):
    return f"multistep.draft:{draft.pk}"


def send_resume_link(page, draft, request):
    """Queue the mail with the draft's current link; returns the outbox record."""
    with override(draft.language or None):
        subject = _("Your link to continue: %(title)s") % {"title": page.title}
    return queue_mail(
        draft.email,
        subject,
        topic=topic_of(draft),
        language=draft.language,
        renderer="cms_plugins.multistep.emails.resume_text",
        renderer_args={
            "draft_id": str(draft.pk),
            "version": draft.token_version,
            "title": page.title,
            # where links of this form start; the token is added when the mail is written
            "link_prefix": request.build_absolute_uri(page.multistep_url("resume", request)),
        },
    )


def resume_text(draft_id, version, title, link_prefix):
    """The text of the link mail, or None when this link is no longer the draft's."""
    draft = Draft.objects.filter(pk=draft_id, token_version=version, revoked_at__isnull=True).first()
    if draft is None:
        return None
    link = f"{link_prefix}{draft.current_token()}/"
    return render_to_string("multistep/email/resume.txt", {"title": title, "link": link})


def link_mail(draft):
    """The latest link mail of the draft (its state is shown to the applicant), or None."""
    return OutboundMail.objects.about(topic_of(draft)).latest_first().first()
