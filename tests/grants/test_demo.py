"""The demo call is complete in three languages and the demo can be loaded twice.

The demo is built once for the module (tests/home/conftest.py explains how).
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from cms_plugins.multistep.models import Draft
from grants.demo_data.call import APPLICANTS
from grants.models import Application, GrantCallPage
from tests.home.conftest import _demo_in_module, _media_in_tmp, demo, demo_media  # noqa: F401 - module-wide demo

from .factories import Applicant


@pytest.mark.usefixtures("demo")
def test_demo_is_idempotent_and_has_drafts_and_applications():
    """A second run leaves one copy: two calls in every language, each demo applicant once."""
    before = (GrantCallPage.objects.count(), Application.objects.count(), Draft.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (GrantCallPage.objects.count(), Application.objects.count(), Draft.objects.count()) == before
    assert GrantCallPage.objects.count() == 2 * len(settings.LANGUAGES)  # this year's call and last year's
    submitted = sum(1 for applicant in APPLICANTS if applicant[-1])
    open_call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code="ru")
    assert Application.objects.filter(call_key=open_call.translation_key).count() == submitted > 0
    assert Draft.objects.open().count() == len(APPLICANTS) - submitted > 0


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("language", "word"), [("ru", "Название проекта"), ("kk", "Жобаның атауы"), ("en", "Project title")]
)
def test_demo_form_is_translated_with_the_same_keys(client, language, word):
    """The editor-designed questions read in each language and share their machine keys."""
    call = GrantCallPage.objects.get(slug="small-grants-2026", locale__language_code=language)
    keys = [q.value["key"] for step in call.form_steps for q in step.value["questions"]]
    assert keys[:2] == ["project_title", "problem"]
    Applicant(client, call, email=f"{language}@example.com").start()
    html = client.get(call.multistep_url("project")).content.decode()
    assert word in html
