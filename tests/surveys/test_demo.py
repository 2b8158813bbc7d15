"""The demo survey: three languages, 60 answers across the districts, and `make run` twice duplicates nothing."""

import io

import pytest
from django.core.management import call_command

from surveys.models import SurveyPage, SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_survey_has_60_answers_across_districts_and_runs_twice(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    pages = SurveyPage.objects.all()
    assert sorted(p.locale.language_code for p in pages) == ["en", "kk", "ru"]
    assert len({p.translation_key for p in pages}) == 1
    answers = SurveyResponse.objects.all()
    assert answers.count() == 60
    assert answers.values("district_code").distinct().count() == 13
    assert {"ngo", "initiative", "resident"} <= set(answers.values_list("respondent_type", flat=True))
    for page in pages:
        assert client.get(page.url).status_code == 200
