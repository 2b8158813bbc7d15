"""Emails to registrants, through the outbox (cms_plugins.mail), in the registrant's language.

Each holds the secret cancellation link and, for a participant of a webinar, its link: so
the text and the calendar file are written by the worker when the message is sent
(``render``), never stored. A message queued for a link replaced or revoked meanwhile
(the person cancelled, or registered again and got a new link) is not sent.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms_plugins.mail.rendered import Rendered
from cms_plugins.mail.services import queue_mail

CONFIRMATION, PROMOTION, REMINDER = "confirmation", "promotion", "reminder"


def topic_of(registration):
    return f"trainings.registration:{registration.pk}"


def subject_of(registration, kind):
    title = registration.training.title
    if kind == REMINDER:
        return _("Tomorrow: %(title)s") % {"title": title}
    if kind == PROMOTION:
        return _("A place came free for you: %(title)s") % {"title": title}
    if registration.status == "waitlisted":
        return _("You are on the waiting list: %(title)s") % {"title": title}
    return _("You are registered: %(title)s") % {"title": title}


def queue(registration, kind):
    """Queue one message about ``registration`` (in the caller's transaction)."""
    with override(registration.language or None):
        subject = subject_of(registration, kind)
    return queue_mail(
        registration.email,
        subject,
        topic=topic_of(registration),
        language=registration.language,
        renderer="trainings.emails.render",
        renderer_args={"registration_id": registration.pk, "version": registration.token_version, "kind": kind},
    )


def render(registration_id, version, kind):
    """The message's text and calendar file, or None when its link is no longer the registration's."""
    from .calendar import event_ics
    from .registrations import Registration, Status

    registration = (
        Registration.objects.filter(pk=registration_id, token_version=version)
        .exclude(status=Status.CANCELLED)
        .select_related("training")
        .first()
    )
    if registration is None:
        return None
    page = registration.training
    confirmed = registration.status == Status.CONFIRMED
    page_url = page.get_full_url() or ""
    webinar_url = page.webinar_url if confirmed and page.online else ""
    context = {
        "kind": kind,
        "registration": registration,
        "page": page,
        "page_url": page_url,
        "sessions": page.session_list(),
        "confirmed": confirmed,
        "webinar_url": webinar_url,
        "link": f"{page_url}{page.reverse_subpage('registration', kwargs={'token': registration.current_token()})}",
    }
    body = render_to_string("trainings/email/registration.txt", context)
    if not confirmed:
        return Rendered(body)
    ics = event_ics(page, webinar_url=webinar_url)
    return Rendered(body, ((f"{page.slug}.ics", ics, "text/calendar"),))


def mails_of(registration):
    from cms_plugins.mail.models import OutboundMail

    return list(OutboundMail.objects.about(topic_of(registration)).latest_first())


def queue_consultation_scheduled(consultation):
    """The requester learns when and where (or how) the consultation takes place, in their language."""
    with override(consultation.language or None):
        subject = _("Your consultation is scheduled")
        body = render_to_string("trainings/email/consultation_scheduled.txt", {"consultation": consultation})
    return queue_mail(
        consultation.email,
        subject,
        body,
        topic=f"trainings.consultation:{consultation.pk}",
        language=consultation.language,
    )
