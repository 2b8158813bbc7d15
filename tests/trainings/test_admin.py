"""Coordinators see participants, mark attendance per session and export the list; Press cannot."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from cms_plugins.crm.models import Interaction
from tests.trainings.conftest import add_event, post_registration
from trainings.registrations import Attendance, Registration

pytestmark = pytest.mark.django_db


def user_in(*groups, name="user"):
    user = User.objects.create_user(name, password="x" * 12)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def event(client, site):
    event = add_event(site["trainings"]["ru"], "Тренинг по отчётности", sessions=2, capacity=2)
    post_registration(client, event, email="a@example.kz", full_name="Айгерим Садыкова")
    post_registration(client, event, email="b@example.kz", full_name="=HYPERLINK(1)", phone="87011112233")
    post_registration(client, event, email="c@example.kz", full_name="Ерлан Жумабаев", phone="87011112244")
    client.logout()
    return event


def urls(event):
    return {
        "events": reverse("trainings_events"),
        "participants": reverse("trainings_participants", args=[event.pk]),
        "export": reverse("trainings_export", args=[event.pk]),
        "attendance": reverse("trainings_attendance", args=[event.pk, 1]),
    }


def test_press_cannot_see_registrations(client, event):
    """Protects personal data: press staff reach none of the participants' screens and no menu item."""
    client.force_login(user_in("Press"))
    for name, url in urls(event).items():
        assert client.get(url).status_code in (302, 403), name
    assert client.post(urls(event)["attendance"], {"present": ["1"]}).status_code in (302, 403)
    assert not Attendance.objects.exists()
    assert "Participants and attendance" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_press_cannot_add_events_and_coordinators_can(site):
    """Protects the page tree: coordinators add and publish events under the trainings index; Press may not."""
    index = site["trainings"]["kk"]
    assert index.permissions_for_user(user_in("Coordinators", name="coordinator")).can_publish_subpage()
    assert not index.permissions_for_user(user_in("Press", name="press")).can_add_subpage()


def test_coordinator_sees_participants_and_exports_them_as_xlsx(client, event):
    """Protects the coordinators' list: every registration with its status, as a spreadsheet with
    formula-like names escaped."""
    client.force_login(user_in("Coordinators"))
    html = client.get(urls(event)["events"]).content.decode()
    assert "Тренинг по отчётности" in html and "2 / 2" in html
    html = client.get(urls(event)["participants"]).content.decode()
    assert "Айгерим Садыкова" in html and "+7 701 234 56 78" in html
    response = client.get(urls(event)["export"])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert (
        len(rows) == 4 and rows[1][1] == "Айгерим Садыкова" and rows[1][4] == "'+7 701 234 56 78"
    )  # a leading + is escaped too
    assert rows[2][1] == "'=HYPERLINK(1)"
    assert [row[7] for row in rows[1:]] == ["подтверждена", "подтверждена", "в листе ожидания"]


def test_attendance_per_session_becomes_crm_history_once(client, event):
    """Protects attendance flowing into the CRM: ticking marks the session, the first mark at an
    event writes "training attended" once; unticking removes the mark."""
    client.force_login(user_in("Coordinators"))
    confirmed = list(Registration.objects.confirmed().order_by("pk"))
    html = client.get(urls(event)["attendance"]).content.decode()
    assert html.count('name="present"') == 2  # those with a place; the waiting list is not at the door
    client.post(urls(event)["attendance"], {"present": [confirmed[0].pk, confirmed[1].pk]})
    client.post(urls(event)["attendance"], {"present": [confirmed[0].pk]})
    second = reverse("trainings_attendance", args=[event.pk, 2])
    client.post(second, {"present": [confirmed[0].pk]})
    assert Attendance.objects.filter(registration=confirmed[0]).count() == 2
    assert not Attendance.objects.filter(registration=confirmed[1]).exists()
    attended = Interaction.objects.filter(kind="training", person=confirmed[0].person)
    assert attended.count() == 1 and "Тренинг по отчётности" in attended.get().text
    assert Interaction.objects.filter(kind="training", person=confirmed[1].person).count() == 1
    assert client.get(reverse("trainings_attendance", args=[event.pk, 3]), follow=True).status_code == 404
