"""Mails the engine sends: the secret link to a draft."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def send_resume_link(page, draft, link):
    """Mail the secret link; False (and a log entry) when the mail server refuses it."""
    try:
        _send(page, draft, link)
    except Exception:
        logger.exception("Could not mail the resume link of draft %s", draft.pk)
        return False
    return True


def _send(page, draft, link):
    with translation.override(draft.language or None):
        context = {"page": page, "draft": draft, "link": link}
        subject = _("Your link to continue: %(title)s") % {"title": page.title}
        body = render_to_string("multistep/email/resume.txt", context)
    send_mail(subject, body, None, [draft.email])
