"""The form's own defences: no caching of answers, no bloated drafts, no answers lost to a locked database."""

from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client

from cms_plugins.multistep.models import Draft
from cms_plugins.multistep.storage import DraftStorage

from .factories import ANSWERS, resume_link_from


def assert_no_store(response):
    assert "no-store" in response.get("Cache-Control", ""), response.get("Cache-Control")


@pytest.mark.django_db
def test_form_pages_and_the_status_page_are_never_cached(applicant, call):
    """Start, link, task list, every step and the status page send Cache-Control: no-store."""
    assert_no_store(Client().get(call.multistep_url()))
    assert_no_store(applicant.client.post(call.multistep_url(), {"email": applicant.email, "website": ""}))
    assert_no_store(applicant.client.get(resume_link_from(mail.outbox[-1])))
    assert_no_store(applicant.client.get(call.multistep_url("tasks")))
    assert_no_store(applicant.client.get(call.multistep_url("applicant")))
    applicant.fill_all()
    assert_no_store(applicant.client.get(call.multistep_url("check")))
    applicant.submit()
    assert_no_store(applicant.client.get(call.multistep_url("submitted")))


@pytest.mark.django_db
def test_fields_the_step_does_not_have_are_not_stored(applicant):
    """Extra posted names that merely start with the step's prefix are dropped."""
    applicant.start()
    extra = {"eligibility-x": "A" * 20000, "eligibility-applicant_type-0-x": "B" * 100, "budget-lines-0-item": "C"}
    response = applicant.post_step("eligibility", extra=extra)
    assert response.status_code == 302
    stored = Draft.objects.get().data["step_data"]["eligibility"]
    assert set(stored) == {f"eligibility-{name}" for name in ANSWERS["eligibility"]}
    applicant.post_step("budget", extra={"budget-lines-0-nonsense": "D", "budget-lines-7-item": "Краски"})
    stored = Draft.objects.get().data["step_data"]["budget"]
    assert "budget-lines-0-nonsense" not in stored and stored["budget-lines-7-item"] == ["Краски"]


@pytest.mark.django_db
def test_a_draft_has_a_size_cap(applicant, settings):
    """Answers that would take the draft over the cap are refused with a message; nothing is lost on screen."""
    settings.MULTISTEP_MAX_DRAFT_SIZE = 4000
    applicant.start()
    applicant.fill_all(upto="applicant")
    long_text = "Очень длинный ответ. " * 150
    response = applicant.post_step("project", {**ANSWERS["project"], "problem": long_text[:3000]})
    html = response.content.decode()
    assert response.status_code == 413
    assert "too long" in html or "слишком" in html
    assert long_text[:100] in html  # what was typed is shown back
    assert "project" not in Draft.objects.get().data["step_data"]
    assert Draft.objects.get().state("applicant") == "completed"


def failing_save(times):
    """DraftStorage.save failing like SQLite under another writer, ``times`` times."""
    original = DraftStorage.save
    calls = {"count": 0}

    def save(self, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] <= times:
            raise OperationalError("database is locked")
        return original(self, *args, **kwargs)

    return mock.patch.object(DraftStorage, "save", save)


@pytest.mark.django_db
def test_a_briefly_locked_database_is_waited_for(applicant, settings):
    """One locked moment: the save is tried again and the applicant notices nothing."""
    settings.MULTISTEP_SAVE_RETRY_PAUSE = 0
    applicant.start()
    with failing_save(times=1):
        response = applicant.post_step("eligibility")
    assert response.status_code == 302
    assert Draft.objects.get().state("eligibility") == "completed"


@pytest.mark.django_db
def test_a_locked_database_shows_the_step_again_with_the_answers(applicant, settings):
    """Still locked after the retries: 503, the typed answers on the page, and a "try again" message."""
    settings.MULTISTEP_SAVE_RETRY_PAUSE = 0
    applicant.start()
    applicant.fill_all(upto="applicant")
    with failing_save(times=10):
        response = applicant.post_step("project")
    html = response.content.decode()
    assert response.status_code == 503
    assert 'value="Детская площадка"' in html and "Детям негде играть." in html
    assert "busy" in html or "занят" in html
    assert "project" not in Draft.objects.get().data["step_data"]
    assert applicant.post_step("project").status_code == 302  # and pressing again works
