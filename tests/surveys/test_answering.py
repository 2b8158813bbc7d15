"""Answering a survey as a visitor: no account, one page, duplicates marked not refused, CRM with consent."""

import pytest
from django.core.cache import cache

from cms_plugins.crm.models import Interaction, Person
from surveys.models import SurveyPage, SurveyResponse

from .conftest import BROWSER, answer

pytestmark = pytest.mark.django_db


def test_a_visitor_answers_without_an_account_and_is_thanked(client, survey):
    """Protects the main path: the form on one page, answers stored under the questions' keys."""
    page = client.get(survey.url, HTTP_USER_AGENT=BROWSER)
    html = page.content.decode()
    assert page.status_code == 200 and "Какие темы вам нужны?" in html and "Бурлинский" in html
    assert "no-store" in page["Cache-Control"]
    response = answer(client, survey, {"topics": ["t_project", "t_media"], "obstacle": "Нет бухгалтера"})
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    stored = SurveyResponse.objects.get()
    assert stored.answers == {
        "who": "ngo",
        "district": "burli",
        "topics": ["t_project", "t_media"],
        "format": "f_webinar",
        "confidence": 3,
        "obstacle": "Нет бухгалтера",
    }
    assert stored.district_code == "burli" and stored.respondent_type == "ngo" and stored.language == "ru"
    assert stored.email == "" and stored.person is None and stored.duplicate_reason == ""
    assert client.get(response["Location"]).status_code == 200


def test_wrong_answers_are_refused_naming_the_question(client, survey):
    """Protects data quality: a missing answer, a scale of 9, "other" without text each name their question."""
    response = answer(client, survey, {"who": "", "confidence": "9", "topics": ["other"], "topics__other": ""})
    html = response.content.decode()
    assert response.status_code == 200 and not SurveyResponse.objects.exists()
    assert "Кого вы представляете?" in html and "error-summary" in html
    assert html.count('aria-invalid="true"') >= 3


def test_other_please_specify_keeps_the_text(client, survey):
    """Protects "other" answers: the text is kept beside the choice."""
    answer(client, survey, {"topics": ["other"], "topics__other": "Работа с акиматом"})
    assert SurveyResponse.objects.get().answers["topics__other"] == "Работа с акиматом"


def test_a_second_answer_from_the_same_browser_is_kept_and_marked(client, survey):
    """Protects "one answer per person, encouraged": the second answer is not refused, it is flagged."""
    answer(client, survey)
    assert "уже ответили" in client.get(survey.url, HTTP_USER_AGENT=BROWSER).content.decode()
    answer(client, survey)
    first, second = SurveyResponse.objects.order_by("pk")
    assert first.duplicate_reason == "" and second.duplicate_reason == "browser"
    assert first.browser_token == second.browser_token


def test_the_same_email_from_another_browser_is_marked(client, survey, django_user_model):
    """Protects the count when someone answers on two phones with the same email."""
    contacts = {"email": "Aigul@Example.org", "consent": "on"}
    answer(client, survey, contacts)
    client.cookies.clear()
    answer(client, survey, contacts)
    assert list(SurveyResponse.objects.order_by("pk").values_list("duplicate_reason", flat=True)) == ["", "email"]


def test_contacts_need_consent(client, survey):
    """Protects personal data: an email without consent is refused with a message, nothing stored."""
    response = answer(client, survey, {"email": "a@example.org"})
    assert response.status_code == 200 and not SurveyResponse.objects.exists()
    assert "consent" in response.content.decode() or "соглас" in response.content.decode()


def test_contacts_with_consent_reach_the_crm(client, survey):
    """Protects the link to the CRM: a person with the consent version and a history entry."""
    answer(
        client,
        survey,
        {"full_name": "Айгуль Сериккызы", "email": "aigul@example.org", "phone": "8 701 234 56 78", "consent": "on"},
    )
    stored = SurveyResponse.objects.get()
    person = Person.objects.get(email="aigul@example.org")
    assert stored.person == person and stored.consent_version == "v7" and stored.phone == "+77012345678"
    assert person.consent_version == "v7" and person.phone == "+77012345678"
    assert Interaction.objects.filter(person=person, text__contains="Опрос").exists()


def test_answers_in_another_language_join_the_same_survey(client, survey, tree):
    """Protects one survey in three languages: a Kazakh answer counts with the Russian ones."""
    kk = survey.copy_for_translation(tree["locales"]["kk"])
    kk.save_revision().publish()
    kk = SurveyPage.objects.get(pk=kk.pk)
    assert kk.url.startswith("/kk/")
    answer(client, kk, {"district": "burli"})
    stored = SurveyResponse.objects.get()
    assert stored.form_key == survey.translation_key and stored.language == "kk"


def test_honeypot_and_closed_survey_store_nothing(client, survey):
    """Protects against robots and late answers."""
    assert answer(client, survey, {"website": "spam"}).status_code == 302
    SurveyPage.objects.filter(pk=survey.pk).update(accepting=False)
    assert answer(client, survey).status_code == 403
    assert not SurveyResponse.objects.exists()


def test_too_many_answers_from_one_address_wait(client, survey, settings):
    """Protects the table from a flood: past the limit the answers are kept on screen, not stored."""
    from surveys import views

    cache.clear()
    old = views.RATE
    views.RATE = (2, 3600)
    try:
        statuses = [answer(client, survey).status_code for _ in range(3)]
    finally:
        views.RATE = old
    assert statuses == [302, 302, 429] and SurveyResponse.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"topics": "x" * 100000},
        {"confidence": "٣"},
        {"district": "\x00"},
        {"topics__other": "а" * 5000, "topics": ["other"]},
        {"phone": "abc"},
    ],
)
def test_hostile_posts_get_an_answer_never_a_500(client, survey, data):
    """Protects the server: any input gets a page, never an error."""
    assert answer(client, survey, data).status_code in (200, 302)


def test_anonymising_the_person_erases_the_contacts_kept_with_the_answer(client, survey):
    """Protects the right to erasure: the answer stays counted, who gave it does not."""
    from cms_plugins.crm.services import anonymise_person

    answer(
        client,
        survey,
        {
            "full_name": "Айгуль Сериккызы",
            "email": "aigul@example.org",
            "phone": "+77012345678",
            "consent": "on",
            "obstacle": "Пишите Айгуль Сериккызы на aigul@example.org",
        },
    )
    anonymise_person(Person.objects.get(email="aigul@example.org"))
    stored = SurveyResponse.objects.get()
    assert stored.full_name == stored.email == stored.phone == ""
    assert "aigul@example.org" not in stored.answers["obstacle"] and "Айгуль" not in stored.answers["obstacle"]
    assert stored.answers["who"] == "ngo"
