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
def test_without_the_crm_plug_in_submission_still_works(applicant):
    """Until the CRM is installed, upsert_contact does nothing and nothing breaks."""
    applicant.start()
    applicant.fill_all()
    assert applicant.submit().status_code == 302
    assert Application.objects.count() == 1
