"""Question keys: from the block's id, never from a label, however long or Cyrillic; never changed once saved."""

import re

import pytest
from django.core.exceptions import ValidationError

from surveys.models import SurveyPage

from .conftest import option, survey_stream

pytestmark = pytest.mark.django_db

LONG_LABEL = "Какие темы обучения были бы наиболее полезны для вашей организации в ближайшие два года работы? " * 2


def unkeyed_stream():
    return survey_stream(
        [
            {
                "type": "multiple_choice",
                "value": {
                    "label": LONG_LABEL,
                    "help_text": "",
                    "required": True,
                    "options": [option("", "Қаржылық есептілік және салық"), option("", LONG_LABEL[:200])],
                    "allow_other": True,
                    "other_label": "",
                },
            },
            {"type": "scale", "value": {"label": "Қаншалықты сенімдісіз?", "help_text": "", "required": True}},
        ]
    )


def keys_of(page):
    questions = page.form_steps[0].value["questions"]
    options = [o["key"] for q in questions for o in q.value.get("options") or []]
    return [q.value["key"] for q in questions], options


def test_long_cyrillic_labels_get_short_stable_keys(tree):
    """Protects answers' storage: a 200-letter Cyrillic label makes a key like q_3f9a1c2e, not an escape soup."""
    home = tree["homes"]["ru"]
    page = home.add_child(instance=SurveyPage(title="Опрос", slug="s", locale=home.locale, form_steps=unkeyed_stream()))
    questions, options = keys_of(SurveyPage.objects.get(pk=page.pk))
    assert all(re.fullmatch(r"q_[0-9a-f]{8}", key) for key in questions) and len(set(questions)) == 2
    assert all(re.fullmatch(r"o_[0-9a-f]{8}", key) for key in options)
    form = page.form_class()()
    assert questions[0] in form.fields and f"{questions[0]}__other" in form.fields


def test_editing_a_label_keeps_the_key_and_a_changed_key_is_refused(tree):
    """Protects answers already given: relabelling or retranslating never moves them to a new key."""
    home = tree["homes"]["ru"]
    page = home.add_child(instance=SurveyPage(title="Опрос", slug="s", locale=home.locale, form_steps=unkeyed_stream()))
    page = SurveyPage.objects.get(pk=page.pk)
    before = keys_of(page)
    raw = page.form_steps.raw_data
    raw[0]["value"]["questions"][0]["value"]["label"] = "Совсем другой вопрос"
    page.form_steps = raw
    page.save()
    assert keys_of(SurveyPage.objects.get(pk=page.pk)) == before
    raw = SurveyPage.objects.get(pk=page.pk).form_steps.raw_data
    raw[0]["value"]["questions"][0]["value"]["key"] = "renamed"
    page.form_steps = raw
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "form_steps" in caught.value.message_dict


def test_a_translation_keeps_every_key(survey, tree):
    """Protects one survey in three languages: a Kazakh answer is stored under the Russian question's key."""
    kk = survey.copy_for_translation(tree["locales"]["kk"])
    assert keys_of(SurveyPage.objects.get(pk=kk.pk)) == keys_of(survey)
