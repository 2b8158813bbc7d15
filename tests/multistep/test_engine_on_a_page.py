"""The multi-step form engine through the smallest page type that uses it (tests/multistep/surveyapp).

What the engine promises any page type: a draft kept in the database from the first
step, answers checked step by step and kept, one submission per draft handed to the
page, a closed form refusing answers, and keys that never change once set.
"""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms_plugins.multistep.models import Draft
from tests.multistep.surveyapp.models import Submission, SurveyPage

pytestmark = pytest.mark.django_db

STEPS = [
    {
        "type": "step",
        "value": {
            "key": "about",
            "title": "About you",
            "intro": "",
            "questions": [
                {
                    "type": "short_text",
                    "value": {
                        "key": "village",
                        "label": "Village",
                        "help_text": "",
                        "required": True,
                        "max_length": 60,
                    },
                },
                {
                    "type": "number",
                    "value": {
                        "key": "people",
                        "label": "People",
                        "help_text": "",
                        "required": True,
                        "min_value": 1,
                        "max_value": 500,
                    },
                },
            ],
        },
    },
    {
        "type": "step",
        "value": {
            "key": "idea",
            "title": "Your idea",
            "intro": "",
            "questions": [
                {
                    "type": "long_text",
                    "value": {"key": "idea", "label": "Idea", "help_text": "", "required": True, "max_length": 300},
                }
            ],
        },
    },
]


@pytest.fixture
def survey():
    parent = Page.objects.get(depth=2)
    page = parent.add_child(instance=SurveyPage(title="Survey", slug="survey", form_steps=STEPS))
    page.save_revision().publish()
    return SurveyPage.objects.get(pk=page.pk)


def post_step(client, page, step, answers):
    data = {f"multistep_{page.translation_key}-current_step": step}
    data.update({f"{step}-{key}": value for key, value in answers.items()})
    return client.post(page.multistep_url(step), data)


def start(client, page, email="person@example.org"):
    """Ask for the link, then open it from the mail (that lets the browser in and confirms the address)."""
    response = client.post(page.multistep_url(), {"email": email, "website": ""})
    assert response.status_code == 302, response.content[:1000]
    link = re.search(r"https?://\S+/apply/resume/\S+/", mail.outbox[-1].body).group(0)
    assert client.get(link).status_code == 302


def test_a_draft_is_kept_from_the_first_step_with_a_link_to_resume(client, survey):
    """Protects people who stop half-way: a draft in the database and a link by mail."""
    start(client, survey)
    assert Draft.objects.filter(email="person@example.org").count() == 1
    assert len(mail.outbox) == 1 and "/apply/resume/" in mail.outbox[0].body


def test_each_step_is_checked_and_its_answers_are_kept(client, survey):
    """Protects answers: a wrong one is refused with a message, a right one is kept for later."""
    start(client, survey)
    refused = post_step(client, survey, "about", {"village": "", "people": "9999"})
    assert refused.status_code == 200 and "has-error" in refused.content.decode()
    assert Draft.objects.get().step_states.get("about") != "completed"
    accepted = post_step(client, survey, "about", {"village": "Аксай", "people": "30"})
    assert accepted.status_code == 302
    assert "Аксай" in client.get(survey.multistep_url("about")).content.decode()


def test_a_complete_draft_is_handed_to_the_page_once(client, survey):
    """Protects against double submissions: the page's multistep_done runs once per draft."""
    start(client, survey)
    post_step(client, survey, "about", {"village": "Аксай", "people": "30"})
    response = post_step(client, survey, "idea", {"idea": "Детская площадка"})
    assert response.status_code == 302 and response["Location"].endswith("/apply/submitted/")
    post_step(client, survey, "idea", {"idea": "Детская площадка"})
    submission = Submission.objects.get()
    assert submission.steps == ["about", "idea"] and submission.draft.is_submitted


def test_a_closed_form_takes_no_answers(client, survey):
    """Protects deadlines: once the page says it is closed, answers are refused."""
    start(client, survey)
    post_step(client, survey, "about", {"village": "Аксай", "people": "30"})
    SurveyPage.objects.filter(pk=survey.pk).update(accepting=False)
    response = post_step(client, survey, "idea", {"idea": "Детская площадка"})
    assert response.status_code == 403
    assert not Submission.objects.exists() and not Draft.objects.get().is_submitted


def test_keys_never_change_once_set_on_any_page_type(survey):
    """Protects stored answers: the engine refuses a changed key, whatever page type carries the form."""
    # as the editor posts it: the saved blocks, each with its id, one key changed
    changed = [dict(step, value=dict(step["value"])) for step in survey.form_steps.raw_data]
    changed[0]["value"]["key"] = "renamed"
    survey.form_steps = changed
    with pytest.raises(ValidationError) as caught:
        survey.full_clean()
    assert "form_steps" in caught.value.message_dict
