"""Consultation requests: asked from the public site, worked through by coordinators, told to the requester."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from cms_plugins.crm.models import Interaction, Person
from trainings.consultations import ConsultationRequest

pytestmark = pytest.mark.django_db


def ask(client, index, **overrides):
    data = {
        "full_name": "Айгерим Садыкова",
        "organisation": "ОО «Жас Өркен»",
        "district": "syrym",
        "phone": "8 701 234 56 78",
        "email": "aigerim@example.kz",
        "language": "kk",
        "topic": "legal-basics",
        "question": "Как зарегистрировать общественное объединение в селе?",
        "preferred_format": "phone",
        "preferred_dates": "после 15:00",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(index.url + "consultation/", data)


def user_in(group, name):
    user = User.objects.create_user(name, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_request_from_the_site_reaches_the_queue_and_the_crm(client, site):
    """Protects the public side: the form (no JavaScript) records the question with consent, and the CRM."""
    index = site["trainings"]["ru"]
    page = client.get(index.url + "consultation/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    response = ask(client, index)
    assert response.status_code == 302 and response["Location"].endswith("consultation/?sent=1")
    request = ConsultationRequest.objects.get()
    assert request.status == "new" and request.phone == "+77012345678" and request.consent_version == "2026-1"
    person = Person.objects.get(email="aigerim@example.kz")
    assert request.person == person
    assert Interaction.objects.filter(person=person, text__contains="зарегистрировать").exists()


@pytest.mark.parametrize(("field", "value"), [("question", ""), ("question", "x" * 2001), ("consent", "")])
def test_a_wrong_answer_is_named_and_nothing_is_kept(client, site, field, value):
    """Protects: limits checked on the server, errors beside the field, nothing half-written."""
    response = ask(client, site["trainings"]["ru"], **{field: value})
    assert response.status_code == 200 and f'id="id_{field}_errors"' in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_honeypot_keeps_nothing(client, site):
    """Protects against bots: a filled hidden field looks like success and records nothing."""
    assert ask(client, site["trainings"]["ru"], website="x").status_code == 302
    assert not ConsultationRequest.objects.exists()


def test_coordinator_schedules_and_the_requester_is_emailed_in_their_language(client, site):
    """Protects the queue: scheduling needs a time and mails the requester; done goes on the CRM timeline;
    a done request cannot go back to new."""
    ask(client, site["trainings"]["ru"])
    request = ConsultationRequest.objects.get()
    coordinator = user_in("Coordinators", "coordinator")
    client.force_login(coordinator)
    edit = reverse("trainings_consultations:edit", args=[request.pk])
    assert client.get(reverse("trainings_consultations:index")).status_code == 200
    response = client.post(edit, {"status": "scheduled", "assignee": coordinator.pk, "notes": ""})
    assert response.status_code == 200 and ConsultationRequest.objects.get().status == "new"  # no time given
    mail.outbox.clear()
    when = timezone.localtime() + datetime.timedelta(days=3)
    client.post(
        edit,
        {
            "status": "scheduled",
            "assignee": coordinator.pk,
            "scheduled_at": when.strftime("%Y-%m-%d %H:%M"),
            "scheduled_place": "+7 7112 51 23 45",
        },
    )
    assert ConsultationRequest.objects.get().status == "scheduled"
    [message] = mail.outbox
    assert message.to == ["aigerim@example.kz"] and "Кеңес беру уақыты белгіленді" in message.subject
    assert "+7 7112 51 23 45" in message.body
    client.post(edit, {"status": "done", "assignee": coordinator.pk, "scheduled_at": when.strftime("%Y-%m-%d %H:%M")})
    assert Interaction.objects.filter(kind="consultation", person=request.person).count() == 1
    client.post(edit, {"status": "new", "assignee": coordinator.pk})
    assert ConsultationRequest.objects.get().status == "done"


def test_press_cannot_see_consultation_requests(client, site):
    """Protects personal data: press staff reach neither the queue nor a request."""
    ask(client, site["trainings"]["ru"])
    request = ConsultationRequest.objects.get()
    client.force_login(user_in("Press", "press"))
    for url in (
        reverse("trainings_consultations:index"),
        reverse("trainings_consultations:edit", args=[request.pk]),
        reverse("trainings_consultations:inspect", args=[request.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
