"""Coordinators and experts see what their role allows, and nothing more."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from grants.models import Application, Assignment

from .competition import FEASIBILITY, RELEVANCE, RUBRIC
from .factories import Applicant


@pytest.fixture
def application(client, call):
    applicant = Applicant(client, call)
    applicant.start()
    applicant.fill_all()
    applicant.submit()
    client.logout()
    return Application.objects.get()


def member(username, group):
    user = User.objects.create_user(username, f"{username}@example.org", "pw-123456789")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def coordinator(db):
    return member("coordinator", "Coordinators")


@pytest.fixture
def expert(db):
    return member("expert", "Experts")


@pytest.mark.django_db
def test_coordinator_sees_applications_and_their_files(client, application, coordinator):
    """Coordinators list, inspect and download files of applications."""
    client.force_login(coordinator)
    listing = client.get(reverse("grant_applications:index"))
    assert listing.status_code == 200 and application.reference in listing.content.decode()
    inspect = client.get(reverse("grant_applications:inspect", args=[application.pk]))
    assert inspect.status_code == 200 and "Детская площадка" in inspect.content.decode()
    file = application.files().get()
    download = client.get(reverse("grants_application_file", args=[application.pk, file.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_nobody_adds_applications_in_the_admin(client, coordinator):
    """Applications only come from applicants."""
    client.force_login(coordinator)
    assert client.get(reverse("grant_applications:add")).status_code in (302, 403)


@pytest.mark.django_db
def test_expert_cannot_see_applications_not_assigned(client, application, expert):
    """An expert sees no list and no files of applications not assigned to them."""
    client.force_login(expert)
    assert client.get(reverse("grant_applications:index")).status_code in (302, 403)
    file = application.files().get()
    assert client.get(reverse("grants_application_file", args=[application.pk, file.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_expert_scores_assigned_application_and_sees_its_files(client, application, expert):
    """An assigned expert declares no conflict, reads the answers, downloads the files and scores the rubric."""
    call = application.call
    call.rubric = RUBRIC
    call.save_revision().publish()
    assignment = Assignment.objects.create(application=application, expert=expert)
    client.force_login(expert)
    listing = client.get(reverse("grants_reviews"))
    assert application.reference in listing.content.decode()
    client.post(reverse("grants_review", args=[assignment.pk]), {"conflict": "no"})
    page = client.get(reverse("grants_review", args=[assignment.pk]))
    assert page.status_code == 200 and "Детская площадка" in page.content.decode()
    file = application.files().get()
    assert client.get(reverse("grants_application_file", args=[application.pk, file.pk])).status_code == 200
    response = client.post(
        reverse("grants_review", args=[assignment.pk]),
        {f"score_{RELEVANCE}": 9, f"score_{FEASIBILITY}": 4, "comment": "Хорошо"},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.total == 22 and assignment.scored_at  # 2 × 9 + 1 × 4


@pytest.mark.django_db
def test_expert_cannot_score_someone_elses_assignment(client, application, expert):
    """Scores belong to the assigned expert only."""
    other = member("other", "Experts")
    assignment = Assignment.objects.create(application=application, expert=other)
    client.force_login(expert)
    assert client.get(reverse("grants_review", args=[assignment.pk])).status_code in (302, 403)
    response = client.post(
        reverse("grants_review", args=[assignment.pk]), {"relevance": 1, "feasibility": 1, "budget": 1}
    )
    assert response.status_code in (302, 403)
    assignment.refresh_from_db()
    assert assignment.scored_at is None


@pytest.mark.django_db
def test_coordinator_cannot_score(client, application, coordinator):
    """Coordinators assign experts but do not score in their place."""
    assignment = Assignment.objects.create(application=application, expert=coordinator)
    client.force_login(coordinator)
    assert client.get(reverse("grants_review", args=[assignment.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_anonymous_visitor_gets_no_file(client, application):
    """Private files never reach the public."""
    file = application.files().get()
    response = client.get(reverse("grants_application_file", args=[application.pk, file.pk]))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_status_moves_only_along_allowed_transitions(client, application, coordinator):
    """A submitted application cannot jump straight to "awarded"."""
    client.force_login(coordinator)
    url = reverse("grant_applications:edit", args=[application.pk])
    client.post(url, {"status": "awarded", "notes": ""})
    application.refresh_from_db()
    assert application.status == "submitted"
    client.post(url, {"status": "screening", "notes": "ok"})
    application.refresh_from_db()
    assert application.status == "screening"


@pytest.mark.django_db
def test_only_experts_can_be_assigned(client, application, coordinator, expert):
    """The expert list offers members of the Experts group only."""
    client.force_login(coordinator)
    client.post(reverse("grant_assignments:add"), {"application": application.pk, "expert": coordinator.pk})
    assert not Assignment.objects.exists()
    client.post(reverse("grant_assignments:add"), {"application": application.pk, "expert": expert.pk})
    assert Assignment.objects.get().expert == expert


@pytest.mark.django_db
def test_admin_menus_follow_roles(client, coordinator, expert):
    """Coordinators see the Grants menu, experts see "My reviews"."""
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert reverse("grant_applications:index") in html
    client.force_login(expert)
    html = client.get("/admin/").content.decode()
    assert reverse("grants_reviews") in html and reverse("grant_applications:index") not in html


@pytest.mark.django_db
def test_admin_list_and_inspect_show_amounts_phones_and_headers_as_people_read_them(client, application, coordinator):
    """570 000 ₸ and "Status", not 570000 and "status"; the phone in pairs, not E.164."""
    client.force_login(coordinator)
    listing = client.get(reverse("grant_applications:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "570\u202f000\u202f₸" in listing and ">570000<" not in listing
    headers = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<th[^>]*>(.*?)</th>", listing, re.S)
    ]
    assert "Status" in headers and "Requested" in headers, headers
    assert all(header[:1].isupper() for header in headers if header), headers
    inspect = client.get(reverse("grant_applications:inspect", args=[application.pk])).content.decode()
    assert "+7 701 123 45 67" in inspect and "+77011234567" not in inspect
    assert "570\u202f000\u202f₸" in inspect
