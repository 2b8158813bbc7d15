"""Secret links: a new or revoked link ends every session opened with the old one, the
start form tells nothing about who has a draft, and only the emailed link lets anyone in."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms_plugins.multistep.models import Draft
from cms_plugins.multistep.views import remember
from grants.models import Application

from .factories import ANSWERS, Applicant, resume_link_from


def coordinator_client():
    user = User.objects.create_user("coordinator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Coordinators"))
    staff = Client()
    staff.force_login(user)
    return staff


@pytest.mark.django_db
def test_a_new_link_ends_the_old_links_browsers(applicant, call):
    """After "email me a new link", a browser that opened the old link can neither read, change nor ask again."""
    applicant.start()
    old_link = resume_link_from(mail.outbox[-1])
    intruder = Client()
    assert intruder.get(old_link).status_code == 302
    assert intruder.get(call.multistep_url("tasks")).status_code == 200  # in, with the old link
    applicant.client.post(call.multistep_url("new-link"))
    assert applicant.client.get(call.multistep_url("tasks")).status_code == 200  # the asker stays in
    assert intruder.get(call.multistep_url("tasks"))["Location"] == call.multistep_url()
    changed = applicant.__class__(intruder, call).post_step("applicant", {**ANSWERS["applicant"], "email": "x@evil.kz"})
    assert changed.status_code == 302 and changed["Location"] == call.multistep_url()
    sent = len(mail.outbox)
    assert intruder.post(call.multistep_url("new-link"))["Location"] == call.multistep_url()
    assert len(mail.outbox) == sent  # no new link for the intruder
    assert "x@evil.kz" not in str(Draft.objects.get().data)


@pytest.mark.django_db
def test_coordinator_revokes_a_submitted_applications_link(applicant, call):
    """A submitted application's link is listed with its reference and can be revoked: link and browser lose the status page."""
    applicant.start()
    link = resume_link_from(mail.outbox[-1])
    applicant.fill_all()
    applicant.submit()
    reference = Application.objects.get().reference
    staff = coordinator_client()
    listing = staff.get(reverse("grants_draft_links"), {"q": applicant.email}).content.decode()
    assert reference in listing
    draft = Draft.objects.get()
    assert staff.post(reverse("grants_draft_links"), {"draft": str(draft.pk)}).status_code == 302
    assert Client().get(link).status_code == 404
    assert applicant.client.get(call.multistep_url("submitted"))["Location"] == call.multistep_url()
    assert Application.objects.get().reference == reference  # the application itself stays


@pytest.mark.django_db
def test_status_page_hides_the_applicants_contact_data(applicant, call):
    """Whoever holds the link sees the status, not the full name, phone, email and BIN."""
    applicant.start()
    link = resume_link_from(mail.outbox[-1])
    applicant.fill_all()
    applicant.submit()
    other = Client()
    html = other.get(link, follow=True).content.decode()
    assert Application.objects.get().reference in html
    for secret in ["Айгуль Серикова", "+77011234567", "aigul@example.kz", "940140000385", "Серикова"]:
        assert secret not in html, secret
    assert "А. С." in html and "a•••@example.kz" in html


def start_page(email, call):
    return Client().post(call.multistep_url(), {"email": email, "website": ""})


@pytest.mark.django_db
def test_start_form_answers_the_same_whether_a_draft_exists(applicant, call):
    """Same status, same page, no session, and the existing link keeps working (never replaced)."""
    applicant.start()
    link = resume_link_from(mail.outbox[-1])
    existing = start_page("aigul@example.kz", call)
    new = start_page("nobody@example.kz", call)
    assert existing.status_code == new.status_code == 302
    assert existing["Location"] == new["Location"]
    assert Client().get(existing["Location"]).content == Client().get(new["Location"]).content
    assert not [name for name in existing.cookies if name.startswith("multistep_")]
    assert not [name for name in new.cookies if name.startswith("multistep_")]
    assert Client().get(link).status_code == 302  # the applicant's emailed link still works
    assert applicant.client.get(call.multistep_url("tasks")).status_code == 200


@pytest.mark.django_db
def test_start_form_mails_an_existing_link_at_most_once_an_hour(applicant, call):
    """Repeated starts with someone's email send them their (unchanged) link once an hour, not each time."""
    applicant.start()
    first = resume_link_from(mail.outbox[-1])
    for _attempt in range(3):
        start_page("aigul@example.kz", call)
    assert len(mail.outbox) == 1  # the link went out minutes ago: nothing more
    Draft.objects.update(link_mailed_at=timezone.now() - timedelta(hours=2))
    for _attempt in range(3):
        start_page("aigul@example.kz", call)
    assert len(mail.outbox) == 2
    assert resume_link_from(mail.outbox[-1]) == first  # the same link, not a new one


@pytest.mark.django_db
def test_the_start_form_alone_lets_nobody_in(call):
    """Typing an address opens no draft: only the link mailed to it does (and that confirms it)."""
    browser = Client()
    browser.post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    assert browser.get(call.multistep_url("tasks"))["Location"] == call.multistep_url()
    assert Draft.objects.get().email_verified_at is None
    browser.get(resume_link_from(mail.outbox[-1]))
    assert browser.get(call.multistep_url("tasks")).status_code == 200
    assert Draft.objects.get().email_verified_at is not None


@pytest.mark.django_db
def test_a_draft_whose_link_was_never_opened_cannot_be_submitted(call):
    """Even a browser tied to an unconfirmed draft (an old session) cannot submit it."""
    Client().post(call.multistep_url(), {"email": "aigul@example.kz", "website": ""})
    draft = Draft.objects.get()
    browser = Client()
    browser.cookies.update(remember(HttpResponse(), draft, call).cookies)
    person = Applicant(browser, call)
    person.fill_all()
    response = person.submit()
    assert response.status_code == 403
    assert "confirm your address" in response.content.decode() or "подтвердить" in response.content.decode()
    assert not Application.objects.exists()
