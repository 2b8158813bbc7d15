"""An editor builds a survey in the admin, as press staff would: long Cyrillic labels, keys set by the server."""

import re

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from surveys.models import SurveyPage
from tests.news.conftest import publish

pytestmark = pytest.mark.django_db

LONG = "Какие темы обучения были бы наиболее полезны для вашей общественной организации в ближайшие два года?"


def option(label):
    return {"label": label, "key": ""}


def form(title):
    question = {
        "label": LONG,
        "help_text": "",
        "required": "on",
        "options": streamfield([("item", option("Финансовая отчётность")), ("item", option("Поиск грантов"))]),
        "allow_other": "on",
        "other_label": "",
        "key": "",
    }
    scale = {
        "label": "Қаншалықты сенімдісіз?",
        "help_text": "",
        "required": "on",
        "low_label": "",
        "high_label": "",
        "key": "",
    }
    section = {
        "title": "Обучение",
        "intro": "",
        "questions": streamfield([("multiple_choice", question), ("scale", scale)]),
        "key": "",
    }
    return nested_form_data(
        {
            "title": title,
            "slug": "needs",
            "intro": "Десять минут.",
            "form_steps": streamfield([("step", section)]),
            "accepting": "on",
            "consent_text": rich_text("<p>Оператор: программа «Ауыл».</p>"),
            "consent_version": "1",
            "thank_you": "",
            "action-publish": "publish",
        }
    )


def test_press_builds_a_survey_under_a_section_and_keys_come_from_ids(client, tree):
    """Protects editors' surveys: the admin's own form creates a working survey with short keys."""
    about = publish(tree["homes"]["ru"].add_child(instance=StandardPage(title="О программе", slug="about")))
    press = User.objects.create_user("press", password="x")
    press.groups.add(Group.objects.get(name="Press"))
    client.force_login(press)
    url = f"/admin/pages/add/surveys/surveypage/{about.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, form("Опрос о потребностях"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = SurveyPage.objects.get(slug="needs")
    question = page.form_steps[0].value["questions"][0]
    assert re.fullmatch(r"q_[0-9a-f]{8}", question.value["key"])
    assert all(re.fullmatch(r"o_[0-9a-f]{8}", o["key"]) for o in question.value["options"])
    html = client.get(page.url).content.decode()
    assert LONG in html and "Другое, уточните" in html


def test_press_cannot_add_a_survey_where_it_may_not_write(client, tree):
    """Protects the tree: press may not add a survey straight under the home page."""
    press = User.objects.create_user("press", password="x")
    press.groups.add(Group.objects.get(name="Press"))
    client.force_login(press)
    home = Page.objects.get(pk=tree["homes"]["ru"].pk)
    response = client.get(f"/admin/pages/add/surveys/surveypage/{home.pk}/")
    assert response.status_code in (302, 403)
