"""The outbox sends what a renderer writes at sending time, attachments included, and stores neither."""

import pytest
from django.core import mail

from cms_plugins.mail.models import OutboundMail
from cms_plugins.mail.rendered import Rendered
from cms_plugins.mail.services import queue_mail

pytestmark = pytest.mark.django_db


def with_file(name):
    return Rendered(f"Hello {name}", (("invite.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),))


def test_a_renderer_may_attach_files_that_are_never_stored():
    """Protects secret attachments (a personal calendar entry): sent, not kept in the outbox row."""
    queue_mail(
        "a@example.kz",
        "Subject",
        renderer="tests.trainings.test_mail_attachments.with_file",
        renderer_args={"name": "Aigerim"},
    )
    [message] = mail.outbox
    assert message.body == "Hello Aigerim"
    assert message.attachments == [("invite.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")]
    row = OutboundMail.objects.get()
    assert row.state == "sent" and row.body == "" and "VCALENDAR" not in str(row.renderer_args)
