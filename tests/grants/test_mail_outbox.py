"""Mail leaves through the outbox and the task framework: a dead mail server never stalls
or breaks a page, and the applicant and the admin see what really happened to each message."""

import socket
import threading
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.forms.models import model_to_dict
from django.test import Client

from cms_plugins.mail.models import OutboundMail
from grants.models import Application
from tests.worker import DATABASE_TASKS, run_worker

from .factories import resume_link_from

BROKEN = "tests.grants.broken_mail.BrokenBackend"


@pytest.fixture
def silent_smtp_server():
    """A mail server that accepts connections and never says a word (a hung SMTP host)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted = []

    def accept():
        while True:
            try:
                connection, _address = listener.accept()
            except OSError:
                return
            accepted.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1], accepted
    listener.close()
    for connection in accepted:
        connection.close()


@pytest.mark.django_db
def test_a_hung_mail_server_never_holds_up_the_request(call, settings, silent_smtp_server):
    """The request only queues; the worker gives up after EMAIL_TIMEOUT and records why."""
    port, accepted = silent_smtp_server
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_TIMEOUT = 1
    settings.MAIL_MAX_ATTEMPTS = 1
    began = time.monotonic()
    response = Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    assert response.status_code == 302 and time.monotonic() - began < 3
    assert not accepted  # the request never talked to the mail server
    assert OutboundMail.objects.get().state == "queued"
    began = time.monotonic()
    run_worker()
    assert time.monotonic() - began < 10
    record = OutboundMail.objects.get()
    assert record.state == "failed" and "timed out" in record.last_error.lower()


@pytest.mark.django_db
def test_the_worker_retries_and_then_marks_the_message_failed(call, settings):
    """Each failure is recorded and retried later; after the last attempt the message is failed."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = BROKEN
    settings.MAIL_RETRY_AFTER = 0  # retry at once, so one worker run sees every attempt
    settings.MAIL_MAX_ATTEMPTS = 3
    Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    run_worker()
    record = OutboundMail.objects.get()
    assert record.attempts == 3 and record.state == "failed"
    assert "mail server down" in record.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from cms_plugins.mail.services import send_again

    assert send_again(record)
    run_worker()
    record.refresh_from_db()
    assert record.state == "sent" and record.sent_at and len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_queued_link_is_written_at_sending_time_and_never_stored(call, settings):
    """The outbox keeps no secret link: the text is written by the worker from the current link."""
    settings.TASKS = DATABASE_TASKS
    Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    assert not mail.outbox
    run_worker()
    record = OutboundMail.objects.get()
    assert record.state == "sent"
    token = resume_link_from(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]
    assert token not in str(model_to_dict(record))


@pytest.mark.django_db
def test_with_the_mail_server_down_the_application_is_kept_and_the_page_says_so(applicant, call, settings):
    """Submitting with a dead mail server: stored, no error page, the status page and the admin say "not sent"."""
    applicant.start()
    applicant.fill_all()
    settings.EMAIL_BACKEND = BROKEN
    response = applicant.submit()
    assert response.status_code == 302 and response["Location"].endswith("/apply/submitted/")
    application = Application.objects.get()
    confirmation = OutboundMail.objects.get(topic__contains=application.reference)
    assert confirmation.state == "failed"
    html = applicant.client.get(response["Location"]).content.decode()
    assert "could not send the confirmation" in html or "не удалось отправить" in html.lower()
    admin = User.objects.create_user("coordinator", password="x" * 12)
    admin.groups.add(Group.objects.get(name="Coordinators"))
    staff = Client()
    staff.force_login(admin)
    inspect = staff.get(f"/admin/grant_applications/inspect/{application.pk}/").content.decode()
    assert "mail server down" in inspect


@pytest.mark.django_db
def test_with_the_mail_server_down_starting_says_so_instead_of_failing(call, settings):
    """Asking for a link while mail is down: no error page; the outbox records the failure."""
    settings.EMAIL_BACKEND = BROKEN
    response = Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    assert response.status_code == 302
    assert OutboundMail.objects.get().state == "failed"


@pytest.mark.django_db
def test_the_outbox_in_the_admin_shows_each_message_state_to_those_allowed(call, settings):
    """Coordinators see recipients and states; Press and Experts see nothing."""
    Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    admin = User.objects.create_user("coordinator", password="x" * 12)
    admin.groups.add(Group.objects.get(name="Coordinators"))
    staff = Client()
    staff.force_login(admin)
    listing = staff.get("/admin/outgoing_email/").content.decode()
    assert "aigul@example.kz" in listing and ("Sent" in listing or "Отправлено" in listing)
    record = OutboundMail.objects.get()
    for group in ["Press", "Experts"]:
        outsider = User.objects.create_user(group.lower(), password="x" * 12)
        outsider.groups.add(Group.objects.get(name=group))
        other = Client()
        other.force_login(outsider)
        for url in ["/admin/outgoing_email/", f"/admin/outgoing_email/inspect/{record.pk}/"]:
            response = other.get(url)
            assert response.status_code in (302, 403) and "aigul@example.kz" not in response.content.decode()
        assert other.post(f"/admin/outgoing-email/{record.pk}/send-again/").status_code in (302, 403)
