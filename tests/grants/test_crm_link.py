"""On submission the applicant reaches the CRM through the contract's upsert_contact."""

import pytest

from grants import services
from grants.models import Application

from .factories import ANSWERS


@pytest.mark.django_db
def test_submission_sends_organisation_and_person_to_the_crm(
    applicant, monkeypatch, django_capture_on_commit_callbacks
):
    """Organisation by BIN and district code, person with phone in E.164 and the consent version."""
    calls = []
    monkeypatch.setattr(services, "upsert_contact", lambda **kwargs: calls.append(kwargs) or (None, None))
    applicant.start()
    applicant.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        applicant.submit()
    application = Application.objects.get()
    assert len(calls) == 1
    organisation, person = calls[0]["organisation"], calls[0]["person"]
    assert organisation == {
        "name": ANSWERS["applicant"]["organisation_name"],
        "legal_form": "public_association",
        "bin": "940140000385",
        "district": "burli",
        "settlement": "Аксай",
        "address": "",
    }
    assert person["phone"] == "+77011234567" and person["email"] == "aigul@example.kz"
    assert person["consent_version"] == "2026-01" and person["consent_at"] == application.consent_at
    assert calls[0]["role"] == "председатель"
    assert application.reference in calls[0]["source"]


@pytest.mark.django_db
def test_a_crm_failure_does_not_lose_the_application(applicant, monkeypatch, django_capture_on_commit_callbacks):
    """If the CRM refuses the record, the application is still stored and the applicant sees the status."""

    def refuse(**kwargs):
        raise ValueError("CRM down")

    monkeypatch.setattr(services, "upsert_contact", refuse)
    applicant.start()
    applicant.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant.submit()
    assert response.status_code == 302 and response["Location"].endswith("/apply/submitted/")
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_submission_creates_and_then_matches_crm_records(client, call, django_capture_on_commit_callbacks):
    """The real CRM: the first application creates the organisation and person, a second one (to another call) matches them by BIN."""
    from django.test import Client

    from cms_plugins.crm.models import Interaction, Organisation, Person

    from .factories import Applicant, make_call

    other_call = make_call(title="Small grants, second round", slug="second-round")
    for email, to in [("first@example.kz", call), ("second@example.kz", other_call)]:
        person = Applicant(Client(), to, email=email)
        person.start()
        person.fill_all()
        with django_capture_on_commit_callbacks(execute=True):
            assert person.submit().status_code == 302
    organisation = Organisation.objects.get(bin="940140000385")
    assert organisation.district.code == "burli"
    contact = Person.objects.get(email="aigul@example.kz")
    assert contact.phone == "+77011234567" and contact.consent_version == "2026-01" and contact.consent_at
    assert Organisation.objects.count() == 1 and Person.objects.count() == 1
    assert Interaction.objects.filter(kind="application", organisation=organisation).count() == 2
