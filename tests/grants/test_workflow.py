"""The workflow table: screening, review, shortlist; each move logged and shown; other moves refused."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms_plugins.mail.models import OutboundMail
from grants import decisions
from grants.models import Application, ApplicationEvent
from grants.workflow import TRANSITIONS, MoveRefused, can_move

from .competition import call_with_rubric, make_applications, member
from .factories import Applicant


@pytest.fixture
def coordinator(db):
    return member("coord", "Coordinators")


@pytest.fixture
def application(db):
    return make_applications(call_with_rubric(), 1, status="submitted")[0]


def edit(client, application, **data):
    url = reverse("grant_applications:edit", args=[application.pk])
    return client.post(url, {"notes": "", "reason": "", "ineligible_reason": "", **data})


def test_the_table_names_every_status_and_leads_nowhere_else():
    """Every target of a move is itself a status, and final statuses lead nowhere."""
    assert set().union(*TRANSITIONS.values()) <= set(TRANSITIONS)
    assert TRANSITIONS["withdrawn"] == {}
    assert not can_move("submitted", "awarded") and can_move("screening", "under_review")


@pytest.mark.django_db
def test_coordinator_screens_reviews_and_shortlists_and_the_timeline_shows_it(client, application, coordinator):
    """submitted → screening → in review → shortlisted, each move with who, when, from, to and why."""
    client.force_login(coordinator)
    assert edit(client, application, status="screening").status_code == 302
    assert edit(client, application, status="under_review", reason="Все документы на месте").status_code == 302
    assert edit(client, application, status="shortlisted").status_code == 302
    application.refresh_from_db()
    assert application.status == "shortlisted"
    moves = list(ApplicationEvent.objects.filter(kind="status").values_list("from_status", "to_status", "actor"))
    assert moves == [
        ("submitted", "screening", coordinator.pk),
        ("screening", "under_review", coordinator.pk),
        ("under_review", "shortlisted", coordinator.pk),
    ]
    html = client.get(reverse("grant_applications:inspect", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="en")
    text = html.content.decode()
    assert "Все документы на месте" in text and "«Screening» → «Under review»" in text


@pytest.mark.django_db
def test_disallowed_moves_are_refused_in_the_admin_and_in_code(client, application, coordinator):
    """Skipping screening, or awarding outside the ranking, is refused with a message; nothing is logged."""
    client.force_login(coordinator)
    response = edit(client, application, status="awarded")
    assert response.status_code == 200 and "status" in response.context["form"].errors
    application.refresh_from_db()
    assert application.status == "submitted" and not ApplicationEvent.objects.exists()
    with translation.override("en"):
        with pytest.raises(MoveRefused, match="cannot move from “Submitted” to “Shortlisted”"):
            decisions.move(application, "shortlisted", coordinator)
        application.status = "shortlisted"
        application.save()
        with pytest.raises(MoveRefused, match="ranking"):
            decisions.move(application, "awarded", coordinator)


@pytest.mark.django_db
def test_ineligible_needs_a_reason_from_the_list_and_tells_the_applicant_in_their_language(
    client, application, coordinator
):
    """Screening out names a listed reason (plus a note), is logged, and a letter goes out in the applicant's language."""
    client.force_login(coordinator)
    edit(client, application, status="screening")
    refused = edit(client, application, status="ineligible")
    assert refused.status_code == 200
    application.refresh_from_db()
    assert application.status == "screening"
    Application.objects.filter(pk=application.pk).update(language="kk")
    data = {"status": "ineligible", "ineligible_reason": "outside_region", "reason": "Проект в городе"}
    shown = edit(client, application, **data)  # first the letter, in the applicant's language, nothing sent
    assert "send_letter" in shown.context["form"].errors and 'id="letter-preview"' in shown.content.decode()
    assert "(Қазақша)" in shown.content.decode() and application.reference in shown.content.decode()
    application.refresh_from_db()
    assert application.status == "screening" and not OutboundMail.objects.exists()
    edit(client, application, **data, send_letter="on")
    application.refresh_from_db()
    assert application.status == "ineligible" and application.ineligible_reason == "outside_region"
    assert ApplicationEvent.objects.get(to_status="ineligible").reason == "Проект в городе"
    mail = OutboundMail.objects.get(topic__startswith="grants.decision:")
    assert mail.language == "kk" and application.reference in mail.subject
    assert "ауыл" in mail.body.lower() or "өтінім" in mail.body.lower()


@pytest.mark.django_db
def test_applicant_withdraws_through_their_link(client, call):
    """The applicant's status page offers withdrawal with a reason; it is logged without a user."""
    applicant = Applicant(client, call)
    applicant.start()
    applicant.fill_all()
    applicant.submit()
    status_url = applicant.url("submitted")
    assert "withdraw/" in client.get(status_url).content.decode()
    withdraw = call.url + "withdraw/"
    assert client.post(withdraw, {"reason": ""})["Location"].endswith("?withdraw=refused")
    assert Application.objects.get().status == "submitted"
    assert client.post(withdraw, {"reason": "Нашли другого донора"})["Location"].endswith("?withdraw=done")
    application = Application.objects.get()
    assert application.status == "withdrawn"
    event = ApplicationEvent.objects.get()
    assert event.actor is None and event.reason == "Нашли другого донора"
    assert "withdraw/" not in client.get(status_url).content.decode()


@pytest.mark.django_db
def test_a_stranger_cannot_withdraw(client, application):
    """Without the applicant's link nothing is withdrawn."""
    client.post(application.call.url + "withdraw/", {"reason": "шутка"})
    application.refresh_from_db()
    assert application.status == "submitted"
