"""Registering without an account: places, the waiting list, the emails, the CRM, cancelling."""

import re

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms_plugins.crm.models import Interaction, Person
from tests.trainings.conftest import add_event, post_cancel, post_registration, translate
from trainings.registrations import Registration

pytestmark = pytest.mark.django_db


def register(client, event, **overrides):
    return post_registration(client, event, **overrides)


def link_in(message):
    return re.search(r"http://localhost(/\S+/registration/[\w-]+/)", message.body).group(1)


def test_registration_gives_a_place_a_crm_record_and_an_email_with_a_calendar(client, site):
    """Protects the main path: a place, the person in the CRM with history, the email in the
    registrant's language with a valid .ics and the cancellation link."""
    event = add_event(site["trainings"]["ru"], "Управление проектами", capacity=10)
    response = register(client, event)
    assert response.status_code == 302 and response["Location"].endswith("?registered=1#registration")
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.phone == "+77012345678"
    assert registration.consent_version == "2026-1" and registration.district.code == "burli"
    person = Person.objects.get(email="aigerim@example.kz")
    assert registration.person == person and person.consent_version == "2026-1"
    assert Interaction.objects.filter(person=person, text__contains="Управление проектами").exists()
    [message] = mail.outbox
    assert message.to == ["aigerim@example.kz"]
    assert "Управление проектами" in message.subject and "Сіз тіркелдіңіз" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == event.starts_at and str(vevent["dtstart"].params["TZID"]) == "Asia/Oral"
    assert link_in(message).startswith(event.url)
    html = client.get(event.url + "?registered=1").content.decode()
    assert 'role="status"' in html


def test_full_event_puts_people_on_the_waiting_list_and_a_cancellation_moves_them_up(client, site):
    """Protects capacity and the waiting list: never more places than set; a cancellation through
    the secret link promotes the first in line, who is emailed."""
    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=1)
    register(client, event, email="first@example.kz")
    register(client, event, email="second@example.kz", phone="87011112233")
    register(client, event, email="third@example.kz", phone="87011112244")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.kz": "confirmed",
        "second@example.kz": "waitlisted",
        "third@example.kz": "waitlisted",
    }
    first_mail = next(m for m in mail.outbox if m.to == ["first@example.kz"])
    waiting_mail = next(m for m in mail.outbox if m.to == ["second@example.kz"])
    assert not waiting_mail.attachments  # no calendar entry without a place
    link = link_in(first_mail)
    assert "Cancel" in client.get(link).content.decode() or client.get(link).status_code == 200
    mail.outbox.clear()
    response = post_cancel(client, link)
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["first@example.kz"] == "cancelled" and statuses["second@example.kz"] == "confirmed"
    assert statuses["third@example.kz"] == "waitlisted"
    [promoted] = mail.outbox
    assert promoted.to == ["second@example.kz"] and promoted.attachments
    assert client.get(link).status_code == 404  # the cancelled link no longer opens anything


def test_places_are_shared_by_every_language_of_an_event(client, site):
    """Protects capacity across translations: the Kazakh and Russian pages fill the same places."""
    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=1)
    kk = translate(event, site["trainings"]["kk"])
    register(client, kk, email="kk@example.kz")
    register(client, event, email="ru@example.kz", phone="87011112233")
    assert Registration.objects.get(email="ru@example.kz").status == "waitlisted"
    assert Registration.objects.get(email="kk@example.kz").training == kk


def test_registering_twice_gives_no_second_place_and_revokes_the_old_link(client, site):
    """Protects: the same address gets its confirmation again with a new link (the old one
    stops working), and still one place; the page says the same thing both times."""
    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=5)
    first = register(client, event)
    old_link = link_in(mail.outbox[0])
    again = register(client, event, full_name="Другое Имя")
    assert first["Location"] == again["Location"]
    assert Registration.objects.count() == 1 and len(mail.outbox) == 2
    assert client.get(old_link).status_code == 404
    assert client.get(link_in(mail.outbox[1])).status_code == 200


def test_registration_page_shows_the_webinar_link_only_to_a_participant(client, site):
    """Protects: the webinar link is on the participant's own page and email, not for the queue."""
    event = add_event(
        site["trainings"]["ru"],
        "Вебинар",
        online=True,
        kind="webinar",
        capacity=1,
        webinar_url="https://meet.example/w",
    )
    register(client, event, email="in@example.kz")
    register(client, event, email="queue@example.kz", phone="87011112233")
    participant = next(m for m in mail.outbox if m.to == ["in@example.kz"])
    waiting = next(m for m in mail.outbox if m.to == ["queue@example.kz"])
    assert "https://meet.example/w" in participant.body and "meet.example" not in waiting.body
    ics = icalendar.Calendar.from_ical(participant.attachments[0][1])
    assert "meet.example/w" in str(ics.walk("VEVENT")[0]["location"])
    response = client.get(link_in(participant))
    assert "https://meet.example/w" in response.content.decode()
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "same-origin"
    assert "meet.example" not in client.get(link_in(waiting)).content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("full_name", ""), ("phone", "123"), ("email", "not-an-email"), ("district", "nowhere"), ("consent", "")],
)
def test_invalid_answers_are_named_and_nothing_is_written(client, site, field, value):
    """Protects: a wrong answer is shown beside its field, and nothing is registered or mailed."""
    event = add_event(site["trainings"]["ru"], "Тренинг")
    response = register(client, event, **{field: value})
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in response.content.decode()
    assert not Registration.objects.exists() and not mail.outbox


def test_hostile_input_never_fails(client, site):
    """Protects: overlong and odd posts answer with the form, never a 500."""
    event = add_event(site["trainings"]["ru"], "Тренинг")
    response = register(client, event, full_name="x" * 5000, organisation="\x00" * 10, language="zz")
    assert response.status_code == 200 and not Registration.objects.exists()


def test_honeypot_looks_like_success_and_does_nothing(client, site):
    """Protects against bots: a filled hidden field registers no one and mails no one."""
    event = add_event(site["trainings"]["ru"], "Тренинг")
    response = register(client, event, website="http://spam.example")
    assert response.status_code == 302 and not Registration.objects.exists() and not mail.outbox


def test_rate_limit_per_connection(client, site, settings):
    """Protects the form against floods: past the limit one connection gets 429 and nothing is written."""
    settings.MULTISTEP_START_RATE = (2, 3600)
    event = add_event(site["trainings"]["ru"], "Тренинг")
    for number in range(2):
        assert register(client, event, email=f"p{number}@example.kz").status_code == 302
    assert register(client, event, email="late@example.kz").status_code == 429
    assert Registration.objects.count() == 2


def test_registration_closes_at_the_deadline(client, site):
    """Protects: after the deadline (Uralsk time) the form is gone and a post registers no one."""
    event = add_event(site["trainings"]["ru"], "Тренинг", days=3)
    event.registration_deadline = timezone.now() - timezone.timedelta(hours=1)
    event.save()
    assert '<form method="post"' not in client.get(event.url).content.decode()
    assert register(client, event).status_code == 403 and not Registration.objects.exists()
    past = add_event(site["trainings"]["ru"], "Прошлый", days=-2)
    assert register(client, past).status_code == 403


def test_reminders_are_sent_once_the_day_before(client, site):
    """Protects: the hourly command reminds each participant once, only the day before, not the queue."""
    soon = add_event(site["trainings"]["ru"], "Завтра", days=0, capacity=1)
    soon.sessions.update(starts_at=timezone.now() + timezone.timedelta(hours=20))
    soon.save_revision().publish()
    later = add_event(site["trainings"]["ru"], "Через неделю", days=7)
    register(client, soon, email="a@example.kz")
    register(client, soon, email="queue@example.kz", phone="87011112233")
    register(client, later, email="b@example.kz", phone="87011112244")
    mail.outbox.clear()
    call_command("send_training_reminders")
    call_command("send_training_reminders")
    assert [m.to for m in mail.outbox] == [["a@example.kz"]]
    assert Registration.objects.get(email="a@example.kz").reminded_at is not None


def test_event_page_is_never_kept_stale_for_the_next_visitor(client, site):
    """Protects the per-visitor form and the free places: the event page is not served from the
    page cache (another visitor's CSRF token, yesterday's count), while the list may be."""
    from django.test import Client

    event = add_event(site["trainings"]["ru"], "Тренинг", capacity=2)
    reader = Client()
    assert "свободно 2 из 2" in reader.get(event.url).content.decode()
    register(client, event)
    assert "свободно 1 из 2" in reader.get(event.url).content.decode()


def test_anonymising_a_person_erases_their_registrations(client, site):
    """Protects the right to erasure: the CRM's anonymisation empties the registration's name, email and phone."""
    from cms_plugins.crm.services import anonymise_person

    event = add_event(site["trainings"]["ru"], "Тренинг")
    register(client, event)
    anonymise_person(Person.objects.get(email="aigerim@example.kz"))
    registration = Registration.objects.get()
    assert "Садыкова" not in registration.full_name and registration.phone == ""
    assert "aigerim" not in registration.email
