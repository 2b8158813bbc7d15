"""Grantee reports: the grantee sends the call's report (questions designed in the CMS and the
spending against their budget lines) through their secret link; coordinators accept or return
it (the grantee is told in their language); overdue reports are flagged."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from cms_plugins.crm.models import Interaction, Person
from cms_plugins.mail.models import OutboundMail
from grants import decisions, grant_reports
from grants.models import Grant, GrantReport

from .competition import call_with_rubric, make_applications, member

REPORT_STEPS = [
    {
        "type": "step",
        "id": "c0000001-0000-4000-8000-000000000001",
        "value": {
            "key": "narrative",
            "title": "What was done",
            "intro": "",
            "questions": [
                {
                    "type": "long_text",
                    "id": "c0000002-0000-4000-8000-000000000002",
                    "value": {
                        "key": "done",
                        "label": "What did the project do?",
                        "help_text": "",
                        "required": True,
                        "max_length": 2000,
                    },
                }
            ],
        },
    }
]
BUDGET = {
    "budget-requested_amount": ["570000"],
    "budget-lines-0-item": ["Материалы"],
    "budget-lines-0-amount": ["370000"],
    "budget-lines-1-item": ["Транспорт"],
    "budget-lines-1-amount": ["200000"],
}


@pytest.fixture
def grantee(client, db):
    return make_grantee(client)


def make_grantee(client):
    """An awarded, published application with a grant whose interim report is due; this
    browser (a test client) is let in through the secret link."""
    call = call_with_rubric()
    call.report_steps = REPORT_STEPS
    call.save_revision().publish()
    call.refresh_from_db()
    application, _other = make_applications(call, 2)
    application.draft.data = {"step_data": {"budget": BUDGET}}
    token = application.draft.new_token()
    application.draft.save()
    Person.objects.create(full_name="Айгуль", email=application.email)
    coordinator = member("coord", "Coordinators")
    decisions.award(application, 570000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    grant = Grant.objects.get(application=application)
    grant.interim_report_due = timezone.localdate() + timedelta(days=10)
    grant.final_report_due = timezone.localdate() + timedelta(days=100)
    grant.save()
    client.get(f"{call.url}apply/resume/{token}/")
    return call, application, grant, coordinator


def report_url(call, kind="interim"):
    return f"{call.url}apply/report/{kind}/"


POST = {"narrative-done": "Отремонтировали клуб.", "spending-spent_0": "360000", "spending-spent_1": "200000"}


@pytest.mark.django_db
def test_status_page_links_the_reports(client, grantee):
    call, _application, _grant, _coordinator = grantee
    page = client.get(f"{call.url}apply/submitted/").content.decode()
    assert report_url(call) in page and report_url(call, "final") in page


@pytest.mark.django_db
def test_grantee_sends_the_interim_report_against_the_budget_lines(client, grantee):
    call, application, grant, _coordinator = grantee
    form = client.get(report_url(call)).content.decode()
    assert "What did the project do?" in form and "Материалы" in form and "370\u202f000" in form
    response = client.post(report_url(call), POST)
    assert response.status_code == 302
    report = GrantReport.objects.get(grant=grant, kind="interim")
    assert report.status == "submitted"
    assert report.answers[0]["rows"] == [["What did the project do?", "Отремонтировали клуб."]]
    assert report.spending == [
        {"item": "Материалы", "planned": 370000, "spent": 360000},
        {"item": "Транспорт", "planned": 200000, "spent": 200000},
    ]
    assert (
        Interaction.objects.filter(person__email=application.email, text__contains=application.reference).count() >= 2
    )
    # once in, it is shown, not offered again
    again = client.get(report_url(call)).content.decode()
    assert "Отремонтировали клуб." in again and "<textarea" not in again


@pytest.mark.django_db
def test_a_report_with_a_missing_answer_names_the_field(client, grantee):
    call, _application, grant, _coordinator = grantee
    response = client.post(report_url(call), {**POST, "narrative-done": "", "spending-spent_1": "abc"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "What did the project do?" in page and "Транспорт" in page
    assert not GrantReport.objects.filter(grant=grant).exists()


@pytest.mark.django_db
def test_no_link_no_report(client, grantee):
    call, _application, grant, _coordinator = grantee
    client.cookies.clear()
    response = client.post(report_url(call), POST)
    assert response.status_code == 302
    assert not GrantReport.objects.filter(grant=grant).exists()


@pytest.mark.django_db
def test_not_awarded_applicant_has_no_report(client, grantee):
    call, _application, _grant, _coordinator = grantee
    from grants.models import Application

    other = Application.objects.exclude(grant__isnull=False).get(call=call)
    token = other.draft.new_token()
    other.draft.save()
    client.get(f"{call.url}apply/resume/{token}/")
    assert client.post(report_url(call), POST).status_code == 302
    assert not GrantReport.objects.exists()


@pytest.mark.django_db
def test_coordinator_returns_then_accepts_and_the_grantee_is_told(client, grantee):
    call, application, grant, coordinator = grantee
    client.post(report_url(call), POST)
    report = GrantReport.objects.get(grant=grant)
    staff = Client()  # the coordinator's own browser; the grantee's keeps its link
    staff.force_login(coordinator)
    url = reverse("grants_report_review", args=[grant.pk, "interim"])
    assert "Отремонтировали клуб." in staff.get(url).content.decode()
    # returning needs a comment
    staff.post(url, {"action": "return", "comment": ""})
    report.refresh_from_db()
    assert report.status == "submitted"
    staff.post(url, {"action": "return", "comment": "Приложите фото."})
    report.refresh_from_db()
    assert report.status == "returned"
    mail = OutboundMail.objects.get(recipient=application.email, topic__contains=":returned:")
    assert "Приложите фото." in mail.body
    assert mail.language == application.language
    # the grantee corrects it through the link and sends it again
    assert "Приложите фото." in client.get(report_url(call)).content.decode()
    client.post(report_url(call), {**POST, "narrative-done": "Клуб открыт, фото в папке."})
    report.refresh_from_db()
    assert report.status == "submitted"
    staff.post(url, {"action": "accept", "comment": ""})
    report.refresh_from_db()
    assert report.status == "accepted" and report.decided_by == coordinator
    assert OutboundMail.objects.filter(topic__contains=":accepted:").count() == 1
    with pytest.raises(ValidationError):
        grant_reports.submit_report(grant, "interim", [], [])


@pytest.mark.django_db
def test_overdue_reports_are_flagged(client, grantee):
    call, _application, grant, coordinator = grantee
    grant.interim_report_due = timezone.localdate() - timedelta(days=1)
    grant.save()
    staff = Client()
    staff.force_login(coordinator)
    listing = staff.get(reverse("grants_reports") + "?overdue=1").content.decode()
    assert grant.application.reference in listing
    # the grants list names the overdue report in its "overdue" column
    from grants.grant_admin import _reports

    assert staff.get(reverse("grant_records:index")).status_code == 200
    with translation.override("en"):
        assert _reports(Grant.objects.prefetch_related("reports").get(pk=grant.pk)) == "interim report"
    assert Grant.objects.filter(grant_reports.overdue_filter()).distinct().count() == 1
    # once sent it is no longer overdue, even though the date has passed
    client.post(report_url(call), POST)
    assert Grant.objects.filter(grant_reports.overdue_filter()).distinct().count() == 0
    assert _reports(Grant.objects.prefetch_related("reports").get(pk=grant.pk)) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "press", "expert", "coordinator", "superuser"])
def test_report_screens_for_coordinators_only(client, grantee, role):
    call, _application, grant, _coordinator = grantee
    client.post(report_url(call), POST)
    client.cookies.clear()
    users = {
        "anonymous": None,
        "press": member("press", "Press"),
        "expert": member("expert1", "Experts"),
        "coordinator": member("coord2", "Coordinators"),
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-123456789"),
    }
    allowed = role in {"coordinator", "superuser"}
    if users[role]:
        client.force_login(users[role])
    url = reverse("grants_report_review", args=[grant.pk, "interim"])
    for target in (reverse("grants_reports"), url):
        assert (client.get(target).status_code == 200) == allowed, (role, target)
    client.post(url, {"action": "accept"})
    assert (GrantReport.objects.get(grant=grant).status == "accepted") == allowed, role


@pytest.mark.django_db
def test_report_questions_get_keys_and_take_no_files(db):
    call = call_with_rubric()
    step = {**REPORT_STEPS[0], "value": {**REPORT_STEPS[0]["value"], "key": ""}}
    call.report_steps = [step]
    call.full_clean()
    assert call.report_steps[0].value["key"]  # given from the block id, as the application's steps
    file_question = {
        "type": "file",
        "id": "c0000003-0000-4000-8000-000000000003",
        "value": {"key": "photos", "label": "Photos", "help_text": "", "required": False},
    }
    step["value"]["questions"] = [*REPORT_STEPS[0]["value"]["questions"], file_question]
    call.report_steps = [step]
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            call.full_clean()
        assert any("no files" in message for message in refused.value.message_dict["report_steps"])


@pytest.mark.django_db
def test_a_name_in_a_report_is_erased_with_the_person(client, grantee):
    from cms_plugins.erasure import Identity, erase_everywhere

    call, _application, grant, _coordinator = grantee
    name = "Айгуль Серикова"
    client.post(report_url(call), {**POST, "narrative-done": f"Вела кружок {name}."})
    erase_everywhere(Identity.of(names=[name], emails=[], phones=[]))
    report = GrantReport.objects.get(grant=grant)
    assert name not in str(report.answers) and report.spending[0]["spent"] == 360000
