"""Coordinators revoke an applicant's secret link; others cannot."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from cms_plugins.multistep.models import Draft

from .factories import Applicant, resume_link_from

URL = "grants_draft_links"


def user_in(group):
    user = User.objects.create_user(group.lower(), password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def started(client, call, mailoutbox):
    applicant = Applicant(client, call)
    applicant.start()
    applicant.post_step("eligibility")
    return Draft.objects.get(email=applicant.email), resume_link_from(mailoutbox[-1])


@pytest.mark.django_db
def test_coordinator_finds_and_revokes_a_link(client, call, started):
    """After revoking, the emailed link and the applicant's browser open nothing; a fresh start works."""
    draft, link = started
    staff = Client()
    staff.force_login(user_in("Coordinators"))
    listing = staff.get(reverse(URL), {"q": "aigul@"})
    assert listing.status_code == 200 and "aigul@example.kz" in listing.content.decode()
    response = staff.post(reverse(URL), {"draft": str(draft.pk)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.revoked_at is not None
    assert Client().get(link).status_code == 404
    assert client.get(call.multistep_url("eligibility")).status_code == 302  # back to the start page
    assert Applicant(Client(), call).start().status_code == 302  # the applicant may start again


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Press", "Experts"])
def test_others_can_neither_list_nor_revoke(call, started, group):
    """Press and Experts are turned away (Wagtail sends them to the dashboard) and the link keeps working."""
    draft, link = started
    staff = Client()
    staff.force_login(user_in(group))
    listing = staff.get(reverse(URL))
    assert listing.status_code in (302, 403) and "aigul@example.kz" not in listing.content.decode()
    assert staff.post(reverse(URL), {"draft": str(draft.pk)}).status_code in (302, 403)
    draft.refresh_from_db()
    assert draft.revoked_at is None
    assert Client().get(link).status_code == 302


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(call, started):
    """The screen is inside the admin: anonymous visitors are redirected to log in."""
    assert Client().get(reverse(URL)).status_code == 302


@pytest.mark.django_db
def test_a_bad_draft_id_is_a_404_not_a_500(call):
    """A mistyped or already revoked id is explained on the screen, never a 500."""
    staff = Client()
    staff.force_login(user_in("Coordinators"))
    response = staff.post(reverse(URL), {"draft": "not-a-uuid"}, follow=True)
    assert response.status_code == 200
    assert "already" in response.content.decode() or "уже" in response.content.decode()
