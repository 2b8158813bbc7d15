"""Call pages and form steps render for visitors: light, one heading, every language."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from grants.models import GrantCallPage, GrantIndexPage

from .factories import Applicant, translate

STEP_BUDGET = 60 * 1024


@pytest.mark.django_db
def test_call_page_shows_budget_dates_and_apply_button(client, call):
    """The call page states 5 × 570 000 ₸ and the total, and invites to apply while open."""
    html = client.get(call.url).content.decode()
    assert "570\u202f000\u202f₸" in html and "2\u202f850\u202f000\u202f₸" in html
    assert f'href="{call.url}apply/"' in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_index_lists_current_and_past_calls(client, call):
    """The grants index lists the open call."""
    index = GrantIndexPage.objects.get()
    html = client.get(index.url).content.decode()
    assert call.title in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "en"])
def test_call_and_steps_render_in_other_languages(client, call, language):
    """Every step renders in the translated page, under 60 KB, with one h1."""
    translated = translate(call, language)
    applicant = Applicant(client, translated)
    applicant.start()
    for step in [
        "eligibility",
        "applicant",
        "project",
        "plan",
        "budget",
        "attachments",
        "check",
        "declaration",
        "tasks",
    ]:
        response = client.get(translated.multistep_url(step))
        html = response.content.decode()
        assert response.status_code == 200, step
        assert f'lang="{language}"' in html
        assert html.count("<h1") == 1, step
        assert len(html.encode()) < STEP_BUDGET, (step, len(html.encode()))


@pytest.mark.django_db
def test_every_step_with_its_stylesheets_is_under_60_kb(client, applicant, call):
    """HTML + CSS of each step stays under 60 KB (uncompressed) for slow networks."""
    from django.contrib.staticfiles import finders

    css = sum(len(Path(finders.find(path)).read_bytes()) for path in ["auyl/site.css", "multistep/multistep.css"])
    applicant.start()
    applicant.fill_all()
    for step in ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check", "declaration"]:
        html = client.get(call.multistep_url(step)).content
        assert len(html) + css < STEP_BUDGET, step
        assert len(gzip.compress(html)) < 15 * 1024


@pytest.mark.django_db
def test_fields_have_labels_and_no_javascript_is_needed(client, applicant, call):
    """Each input has a label; the form posts without any script."""
    applicant.start()
    html = client.get(call.multistep_url("applicant")).content.decode()
    for field_id in re.findall(r'<input[^>]+type="(?:text|email|tel)"[^>]*id="([^"]+)"', html):
        assert f'for="{field_id}"' in html, field_id
    assert "<script" not in html


@pytest.mark.django_db
def test_coordinator_creates_a_call_with_a_designed_step_in_the_admin(client):
    """An editor builds a call and its form in the admin; empty keys are filled in."""
    from tests.grants.factories import make_call

    existing = make_call(slug="first")
    index = existing.get_parent()
    admin = User.objects.create_superuser("admin", "a@example.org", "pw-123456789")
    client.force_login(admin)
    data = nested_form_data(
        {
            "title": "Новый конкурс",
            "slug": "new-call",
            "intro": "Кратко.",
            "body": rich_text(""),
            "eligibility": rich_text(""),
            "accepts_ngos": "on",
            "accepts_initiative_groups": "on",
            "accepts_ethnocultural_centres": "on",
            "number_of_grants": "5",
            "amount_per_grant": "570000",
            "opens_at": "2026-01-01 09:00",
            "closes_at": "2026-02-01 18:00",
            "review_stage": "",
            "documents": streamfield([]),
            "faq": streamfield([]),
            "rubric": streamfield([]),
            "report_steps": streamfield([]),
            "disagreement_threshold": "10",
            "results": rich_text(""),
            "form_steps": streamfield(
                [
                    (
                        "step",
                        {
                            "key": "",
                            "title": "О проекте",
                            "intro": "",
                            "questions": streamfield(
                                [
                                    (
                                        "long_text",
                                        {
                                            "key": "",
                                            "label": "Цель проекта",
                                            "help_text": "",
                                            "required": "on",
                                            "max_length": "500",
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
            "consent_text": rich_text("<p>Согласие</p>"),
            "consent_version": "1",
        }
    )
    response = client.post(f"/admin/pages/add/grants/grantcallpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    call = GrantCallPage.objects.get(slug="new-call")
    step = call.form_steps[0].value
    assert re.match(r"^s_[0-9a-f]{8}$", step["key"])
    assert re.match(r"^q_[0-9a-f]{8}$", step["questions"][0].value["key"])


@pytest.mark.django_db
def test_limits_are_stated_before_starting(client, call):
    """Deadline, cap and upload limits are on the start page, before anything is typed."""
    html = client.get(call.multistep_url()).content.decode()
    assert "570\u202f000\u202f₸" in html and "10 МБ" in html and "25 МБ" in html
