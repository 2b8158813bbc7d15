"""Mails the engine sends: the secret link to a draft."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


def send_resume_link(page, draft, link):
    with translation.override(draft.language or None):
        context = {"page": page, "draft": draft, "link": link}
        subject = _("Your link to continue: %(title)s") % {"title": page.title}
        body = render_to_string("multistep/email/resume.txt", context)
    send_mail(subject, body, None, [draft.email])
