"""The demo call is complete in three languages and the demo can be loaded twice."""

import pytest
from django.core.management import call_command

from cms_plugins.multistep.models import Draft
from grants.models import Application, GrantCallPage

from .factories import Applicant


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_demo_is_idempotent_and_has_drafts_and_applications(demo):
    """Two runs leave one copy: two calls in three languages, two applications, two drafts."""
    assert GrantCallPage.objects.count() == 6
    assert Application.objects.count() == 2
    assert Draft.objects.open().count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "word"), [("ru", "Название проекта"), ("kk", "Жобаның атауы"), ("en", "Project title")]
)
def test_demo_form_is_translated_with_the_same_keys(client, demo, language, word):
    """The editor-designed questions read in each language and share their machine keys."""
    call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code=language)
    keys = [q.value["key"] for step in call.form_steps for q in step.value["questions"]]
    assert keys[:2] == ["project_title", "problem"]
    Applicant(client, call, email=f"{language}@example.com").start()
    html = client.get(call.multistep_url("project")).content.decode()
    assert word in html
