import uuid

import pytest

from surveys.models import SurveyPage
from tests.news.conftest import build_site, publish

BROWSER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


def option(key, label):
    # a ListBlock item needs its id to be read as one (Wagtail's block format)
    return {"type": "item", "id": str(uuid.uuid4()), "value": {"key": key, "label": label}}


QUESTIONS = [
    {
        "type": "respondent_type",
        "value": {"key": "who", "label": "Кого вы представляете?", "help_text": "", "required": True},
    },
    {"type": "district", "value": {"key": "district", "label": "Ваш район", "help_text": "", "required": True}},
    {
        "type": "multiple_choice",
        "value": {
            "key": "topics",
            "label": "Какие темы вам нужны?",
            "help_text": "",
            "required": True,
            "options": [option("t_project", "Проект"), option("t_funding", "Финансы"), option("t_media", "Соцсети")],
            "allow_other": True,
            "other_label": "Другое",
        },
    },
    {
        "type": "single_choice",
        "value": {
            "key": "format",
            "label": "Как учиться?",
            "help_text": "",
            "required": True,
            "options": [option("f_webinar", "Вебинар"), option("f_district", "Тренинг в райцентре")],
            "allow_other": False,
            "other_label": "",
        },
    },
    {
        "type": "scale",
        "value": {
            "key": "confidence",
            "label": "Уверенность",
            "help_text": "",
            "required": True,
            "low_label": "нет",
            "high_label": "да",
        },
    },
    {
        "type": "long_text",
        "value": {"key": "obstacle", "label": "Что мешает?", "help_text": "", "required": False, "max_length": 500},
    },
]


def survey_stream(questions=QUESTIONS):
    return [{"type": "step", "value": {"key": "main", "title": "Вопросы", "intro": "", "questions": questions}}]


def add_survey(home, **fields):
    page = SurveyPage(title="Опрос", slug="survey", locale=home.locale, form_steps=survey_stream(), **fields)
    home.add_child(instance=page)
    return publish(page)


@pytest.fixture
def tree(db):
    return build_site()


@pytest.fixture
def survey(tree):
    return SurveyPage.objects.get(pk=add_survey(tree["homes"]["ru"], consent_version="v7").pk)


def answer(client, page, data=None, **extra):
    payload = {
        "who": "ngo",
        "district": "burli",
        "topics": ["t_project"],
        "format": "f_webinar",
        "confidence": "3",
        "obstacle": "",
        "full_name": "",
        "email": "",
        "phone": "",
        "website": "",
    }
    payload.update(data or {})
    return client.post(page.url, payload, HTTP_USER_AGENT=BROWSER, **extra)
