"""Certificates of attendance: only for those at every session, in their language, as a PDF."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.trainings.conftest import add_event, post_registration
from trainings import certificates, services
from trainings.registrations import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_training(client, site):
    event = add_event(site["trainings"]["ru"], "Тренинг по отчётности", days=3, sessions=2, capacity=5)
    post_registration(client, event, email="all@example.kz", full_name="Айгерим Садыкова", language="kk")
    post_registration(client, event, email="half@example.kz", phone="87011112233", language="ru")
    # the event took place: move its sessions into the past
    shift = datetime.timedelta(days=10)
    for session in event.sessions.all():
        session.starts_at -= shift
        session.ends_at -= shift
        session.save()
    event.save_revision().publish()
    everyone = list(Registration.objects.order_by("pk"))
    sessions = event.session_list()
    services.mark_attendance(sessions[0].starts_at, [r.pk for r in everyone], everyone)
    services.mark_attendance(sessions[1].starts_at, [everyone[0].pk], everyone)
    return event, everyone


def pdf_title(content):
    """The document's title from its metadata (fpdf2 writes it as UTF-16)."""
    start = content.index(b"/Title <") + len(b"/Title <")
    return bytes.fromhex(content[start : content.index(b">", start)].decode()).decode("utf-16")


def test_only_those_at_every_session_get_a_certificate_in_their_language(client, past_training):
    """Protects: the certificate is the participant's own (secret link), in their language, and only
    for those marked at every session."""
    event, (full, half) = past_training
    assert certificates.eligible(full) and not certificates.eligible(half)
    link = event.url + f"registration/{full.current_token()}/"
    assert 'href="certificate/"' in client.get(link).content.decode()
    response = client.get(link + "certificate/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "Қатысу сертификаты" in pdf_title(response.content)
    half_link = event.url + f"registration/{half.current_token()}/certificate/"
    assert client.get(half_link).status_code == 404


def test_coordinators_get_certificates_and_press_does_not(client, past_training):
    """Protects: coordinators print certificates from the participant list; Press cannot."""
    event, (full, _half) = past_training
    url = reverse("trainings_certificate", args=[event.pk, full.pk])
    press = User.objects.create_user("press", password="x" * 12)
    press.groups.add(Group.objects.get(name="Press"))
    client.force_login(press)
    assert client.get(url).status_code in (302, 403)
    coordinator = User.objects.create_user("coordinator", password="x" * 12)
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(coordinator)
    assert url in client.get(reverse("trainings_participants", args=[event.pk])).content.decode()
    assert client.get(url).content.startswith(b"%PDF")


def test_a_server_without_the_font_says_so_instead_of_failing(client, past_training, settings, tmp_path):
    """Protects: a machine without DejaVu Sans answers with a message in the page's language, not a 500."""
    settings.PDF_FONT_DIR = tmp_path / "no-fonts"
    event, (full, _half) = past_training
    response = client.get(event.url + f"registration/{full.current_token()}/certificate/")
    assert response.status_code == 503
    assert "установить шрифт" in response.content.decode()
