"""After the award: grant records opened with the results, tranches never above the award,
each step in the CRM history, and the screens open to coordinators only."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms_plugins.crm.models import Interaction, Person
from grants import decisions
from grants.models import Grant

from .competition import call_with_rubric, make_applications, member

ROLES = ["anonymous", "press", "expert", "coordinator", "superuser"]
ALLOWED = {"coordinator", "superuser"}


@pytest.fixture
def published(db):
    """A call with two awards and one not awarded, results published."""
    call = call_with_rubric()
    applications = make_applications(call, 3, status="shortlisted", requested=570000)
    Person.objects.create(full_name="Айгуль", email=applications[0].email)
    coordinator = member("coord", "Coordinators")
    decisions.award(applications[0], 570000, coordinator, in_order=False)
    decisions.award(applications[1], 400000, coordinator, in_order=False)
    decisions.publish_results(call, coordinator)
    return call, applications, coordinator


def edit_data(grant, tranches, **fields):
    data = {
        "agreement_number": fields.get("agreement_number", ""),
        "agreement_date": fields.get("agreement_date", ""),
        "interim_report_due": fields.get("interim_report_due", ""),
        "final_report_due": fields.get("final_report_due", ""),
        "tranches": inline_formset(tranches),
    }
    return nested_form_data(data)


@pytest.mark.django_db
def test_publishing_opens_one_grant_per_award_and_notes_it(published):
    _call, applications, _coordinator = published
    grants = Grant.objects.order_by("application__reference")
    assert [g.application_id for g in grants] == [applications[0].pk, applications[1].pk]
    assert Interaction.objects.filter(person__email=applications[0].email, text__contains="570").exists()
    # opening again (the demo, a repeated call) makes no second record
    from grants.grant_records import open_grants

    assert open_grants(applications) == []
    assert Grant.objects.count() == 2


@pytest.mark.django_db
def test_withdrawn_award_before_publication_has_no_grant(db):
    call = call_with_rubric()
    application = make_applications(call, 1)[0]
    coordinator = member("coord", "Coordinators")
    decisions.award(application, 570000, coordinator, in_order=False)
    assert not Grant.objects.exists()


@pytest.mark.django_db
def test_coordinator_fills_in_the_agreement_and_pays_a_tranche(client, published):
    _call, applications, coordinator = published
    grant = Grant.objects.get(application=applications[0])
    client.force_login(coordinator)
    url = reverse("grant_records:edit", args=[grant.pk])
    assert client.get(url).status_code == 200
    data = edit_data(
        grant,
        [
            {"amount": "300000", "planned_on": "2026-03-01", "paid_on": "2026-03-03"},
            {"amount": "270000", "planned_on": "2026-07-01", "paid_on": ""},
        ],
        agreement_number="ZKO-G-01",
        agreement_date="2026-02-20",
        interim_report_due="2026-06-15",
        final_report_due="2026-12-15",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    grant.refresh_from_db()
    assert grant.agreement_number == "ZKO-G-01"
    assert grant.agreement_date == date(2026, 2, 20)
    assert [t.paid for t in grant.tranches.all()] == [True, False]
    texts = list(Interaction.objects.filter(person__email=applications[0].email).values_list("text", flat=True))
    assert any("ZKO-G-01" in text for text in texts)
    assert any("300" in text and "2026" in text for text in texts if "ZKO-G-01" not in text)


@pytest.mark.django_db
def test_tranches_above_the_award_are_refused(client, published):
    _call, applications, coordinator = published
    grant = Grant.objects.get(application=applications[1])  # 400 000 ₸
    client.force_login(coordinator)
    data = edit_data(
        grant,
        [
            {"amount": "300000", "planned_on": "2026-03-01", "paid_on": ""},
            {"amount": "100001", "planned_on": "2026-07-01", "paid_on": ""},
        ],
    )
    response = client.post(reverse("grant_records:edit", args=[grant.pk]), data)
    assert response.status_code == 200
    assert "400\u202f000" in response.content.decode()
    assert not grant.tranches.exists()


@pytest.mark.django_db
def test_final_report_cannot_be_due_before_the_interim(client, published):
    _call, applications, coordinator = published
    grant = Grant.objects.get(application=applications[0])
    client.force_login(coordinator)
    data = edit_data(grant, [], interim_report_due="2026-06-15", final_report_due="2026-05-01")
    assert client.post(reverse("grant_records:edit", args=[grant.pk]), data).status_code == 200
    grant.refresh_from_db()
    assert grant.final_report_due is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_grant_screens_for_coordinators_only(client, published, role):
    _call, applications, _coordinator = published
    grant = Grant.objects.get(application=applications[0])
    users = {
        "anonymous": None,
        "press": member("press", "Press"),
        "expert": member("expert1", "Experts"),
        "coordinator": member("coord2", "Coordinators"),
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-123456789"),
    }
    if users[role]:
        client.force_login(users[role])
    for url in [reverse("grant_records:index"), reverse("grant_records:edit", args=[grant.pk])]:
        status = client.get(url).status_code
        assert (status == 200) == (role in ALLOWED), (role, url, status)
    data = edit_data(grant, [], agreement_number="X-1")
    client.post(reverse("grant_records:edit", args=[grant.pk]), data)
    grant.refresh_from_db()
    assert (grant.agreement_number == "X-1") == (role in ALLOWED), role


@pytest.mark.django_db
def test_nobody_adds_or_deletes_a_grant_in_the_admin(client, published):
    superuser = User.objects.create_superuser("root", "root@example.org", "pw-123456789")
    client.force_login(superuser)
    assert client.get("/admin/grant_records/new/").status_code in (403, 404, 302)
    grant = Grant.objects.first()
    client.post(reverse("grant_records:delete", args=[grant.pk]))
    assert Grant.objects.filter(pk=grant.pk).exists()


@pytest.mark.django_db
def test_the_list_is_named_as_the_menu_and_each_row_opens_its_agreement(client, published):
    """The coordinator finds "Договоры о грантах" and opens a grant by its application, headers capitalised."""
    _call, applications, coordinator = published
    client.force_login(coordinator)
    page = client.get(reverse("grant_records:index"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "<title>Договоры о грантах" in page
    for application in applications[:2]:
        assert reverse("grant_records:edit", args=[Grant.objects.get(application=application).pk]) in page
    assert "Срок промежуточного отчёта" in page and ">срок промежуточного отчёта<" not in page
