"""Rules the call promises: one application per organisation (BIN) per call; a short confirmation."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client

from cms_plugins.multistep.models import Draft
from grants.models import Application

from .factories import ANSWERS, Applicant, translate


def submitted(call, email, django_capture_on_commit_callbacks):
    person = Applicant(Client(), call, email=email)
    person.start()
    person.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        assert person.submit().status_code == 302
    return person


@pytest.mark.django_db
def test_a_second_application_with_the_same_bin_is_refused_with_a_reason(call, django_capture_on_commit_callbacks):
    """Another person of the same organisation, in another language, is told at the applicant step."""
    submitted(call, "first@example.kz", django_capture_on_commit_callbacks)
    kk_call = translate(call, "kk")
    second = Applicant(Client(), kk_call, email="second@example.kz")
    second.start()
    second.fill_all(upto="eligibility")
    response = second.post_step("applicant")
    assert response.status_code == 200
    html = response.content.decode()
    assert "id_applicant-bin_errors" in html
    assert "BIN" in html or "БСН" in html
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_application_for_the_same_bin(call, django_capture_on_commit_callbacks):
    """Two submissions at once cannot both pass the form check: the constraint decides."""
    submitted(call, "first@example.kz", django_capture_on_commit_callbacks)
    first = Application.objects.get()
    other_draft = Draft.objects.create(form_key=call.translation_key, email="second@example.kz")
    copy = {f.attname: getattr(first, f.attname) for f in Application._meta.concrete_fields if f.attname != "id"}
    copy.update(reference="ZKO-2026-9999", draft_id=other_draft.pk, email="second@example.kz")
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(**copy)
    copy["bin"] = ""  # an initiative group (no BIN) is not limited by it
    Application.objects.create(**copy)


@pytest.mark.django_db
def test_a_withdrawn_application_frees_the_bin(call, django_capture_on_commit_callbacks):
    """An organisation whose application was withdrawn may apply again."""
    submitted(call, "first@example.kz", django_capture_on_commit_callbacks)
    Application.objects.update(status="withdrawn")
    submitted(call, "second@example.kz", django_capture_on_commit_callbacks)
    assert Application.objects.count() == 2


@pytest.mark.django_db
def test_confirmation_mail_keeps_to_the_reference_and_a_summary(call, django_capture_on_commit_callbacks):
    """The mail names the reference, project and amount, and echoes none of the answers or contact data."""
    submitted(call, "aigul@example.kz", django_capture_on_commit_callbacks)
    application = Application.objects.get()
    confirmation = next(m for m in mail.outbox if application.reference in m.subject)
    assert "Детская площадка" in confirmation.body and "570" in confirmation.body
    for answer in [ANSWERS["project"]["problem"], "Материалы", "+77011234567", "Айгуль Серикова", "Аксай"]:
        assert answer not in confirmation.body, answer
    assert len(confirmation.body) < 1000
