"""A press officer translates a meeting report through wagtail-localize's own views (issue 15).

Translations start as drafts that /kk/ does not show; each topic and village is its own
segment; review covers translations when "News review" is on; addresses stay readable.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Workflow
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from news.models import NewsPage

from .conftest import add_news

TOPICS = ["Создание НПО", "Написание проектов", "Кадры и наставничество"]
KAZAKH = {
    "Встреча в Аксае": "Ақсайдағы кездесу",
    "Создание НПО": "ҮЕҰ құру",
    "Написание проектов": "Жоба жазу",
    "Кадры и наставничество": "Кадрлар және тәлімгерлік",
    "Аксай": "Ақсай",
    "Пугачево": "Пугачев",
}


@pytest.fixture
def press(client, db):
    user = User.objects.create_user("press", password="x" * 12)
    user.groups.add(Group.objects.get(name="Press"))
    client.force_login(user)
    return user


@pytest.fixture
def report(site):
    return add_news(
        site["indexes"]["ru"],
        "Встреча в Аксае",
        slug="встреча-3",
        category="district-meeting",
        districts=["burli"],
        meeting_date=datetime.date(2026, 4, 1),
        topics=[("topic", topic) for topic in TOPICS],
        villages=[("village", "Аксай"), ("village", "Пугачево")],
    )


def publish_translation(client, kk, capture):
    """The translation editor's "Publish in Қазақша" (wagtail-localize publishes on commit)."""
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_pages:edit", args=(kk.pk,)), {"action": "publish"})


def translate_into_kazakh(client, site, report):
    """Press "Translate" → Kazakh, as the submit form does."""
    url = reverse("wagtail_localize:submit_page_translation", args=(report.pk,))
    response = client.post(url, {"locales": [site["locales"]["kk"].pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    return NewsPage.objects.get(translation_key=report.translation_key, locale=site["locales"]["kk"])


def fill_in_kazakh(client, kk):
    """Type each segment's Kazakh text in the translation editor (its PUT per segment)."""
    translation = Translation.objects.get(source__object_id=kk.translation_key, target_locale=kk.locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in KAZAKH:
            url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
            response = client.put(
                url, urlencode({"value": KAZAKH[segment.string.data]}), content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (200, 201), response.content[:300]
    return translation


@pytest.mark.django_db
def test_each_topic_and_village_is_its_own_segment(report):
    """Protects: the translation editor shows three topics, not one text with `<br/>` in it."""
    source, _ = TranslationSource.get_or_create_from_instance(report)
    texts = [segment.string.data for segment in StringSegment.objects.filter(source=source).select_related("string")]
    for topic in TOPICS:
        assert topic in texts
    assert "Аксай" in texts and "Пугачево" in texts


@pytest.mark.django_db
def test_translation_is_a_draft_until_published_then_shows_separate_topics(
    client, site, press, report, django_capture_on_commit_callbacks
):
    """Protects: /kk/ shows no Russian article before the Kazakh one is published; the switcher
    treats the page as untranslated; once published, the Kazakh page lists each topic."""
    kk = translate_into_kazakh(client, site, report)
    assert not kk.live
    assert report.title not in client.get("/kk/news/").content.decode()
    assert client.get(kk.url or "/kk/news/x/").status_code == 404
    ru_html = client.get(report.url).content.decode()
    assert f'href="{kk.url}"' not in ru_html  # the switcher leads to the Kazakh news list instead
    assert 'href="/kk/news/" lang="kk"' in ru_html

    fill_in_kazakh(client, kk)
    assert publish_translation(client, kk, django_capture_on_commit_callbacks).status_code == 302
    kk = NewsPage.objects.get(pk=kk.pk)
    assert kk.live and kk.topic_list() == ["ҮЕҰ құру", "Жоба жазу", "Кадрлар және тәлімгерлік"]
    html = client.get(kk.url).content.decode()
    assert '<ul class="topics"><li>ҮЕҰ құру</li><li>Жоба жазу</li><li>Кадрлар және тәлімгерлік</li></ul>' in html
    assert "<li>Ақсай</li><li>Пугачев</li>" in html and "Бөрлі ауданы" in html
    assert "Создание НПО" not in html


@pytest.mark.django_db
def test_translated_address_is_readable_not_a_number(client, site, press, report, django_capture_on_commit_callbacks):
    """Protects: a Cyrillic slug with digits no longer becomes `/kk/news/3/` once translated."""
    kk = translate_into_kazakh(client, site, report)
    fill_in_kazakh(client, kk)
    publish_translation(client, kk, django_capture_on_commit_callbacks)
    kk = NewsPage.objects.get(pk=kk.pk)
    assert kk.slug == "встреча-3"
    assert kk.url == "/kk/news/%D0%B2%D1%81%D1%82%D1%80%D0%B5%D1%87%D0%B0-3/" or kk.url == "/kk/news/встреча-3/"


@pytest.mark.django_db
def test_with_review_on_press_submits_a_translation_instead_of_publishing(
    client, site, press, report, django_capture_on_commit_callbacks
):
    """Protects: with "News review" switched on, the translation editor refuses press's publish,
    offers "Submit translation for review", and a coordinator's approval publishes it."""
    Workflow.objects.filter(name="News review").update(active=True)
    kk = translate_into_kazakh(client, site, report)
    fill_in_kazakh(client, kk)
    edit_url = reverse("wagtailadmin_pages:edit", args=(kk.pk,))
    refused = publish_translation(client, kk, django_capture_on_commit_callbacks)
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert not NewsPage.objects.get(pk=kk.pk).live
    html = client.get(edit_url).content.decode()
    review_url = reverse("news_submit_translation_for_review", args=(kk.pk,))
    assert review_url in html
    assert client.post(review_url).status_code == 302
    kk = NewsPage.objects.get(pk=kk.pk)
    assert kk.workflow_in_progress and not kk.live
    assert kk.get_latest_revision_as_object().topic_list()[0] == "ҮЕҰ құру"

    coordinator = User.objects.create_user("coordinator", password="x" * 12)
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(coordinator)
    task_state = kk.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(kk.pk, "approve", task_state.pk))
    approved = client.post(url, {"comment": ""})
    assert approved.status_code == 302 and approved["Location"] != reverse("wagtailadmin_home")
    kk = NewsPage.objects.get(pk=kk.pk)
    assert kk.live and kk.topic_list()[0] == "ҮЕҰ құру"


@pytest.mark.django_db
def test_with_review_off_press_publishes_a_translation_directly(
    client, site, press, report, django_capture_on_commit_callbacks
):
    """Protects the other way: without review, the translation editor's publish works for press
    and no "Submit translation for review" is offered."""
    kk = translate_into_kazakh(client, site, report)
    fill_in_kazakh(client, kk)
    edit_url = reverse("wagtailadmin_pages:edit", args=(kk.pk,))
    assert reverse("news_submit_translation_for_review", args=(kk.pk,)) not in client.get(edit_url).content.decode()
    publish_translation(client, kk, django_capture_on_commit_callbacks)
    assert NewsPage.objects.get(pk=kk.pk).live


@pytest.mark.django_db
def test_editor_status_panel_lists_languages_and_offers_translate(client, site, press, report):
    """Protects: the Russian news page's editor says which languages it exists in and shows "Translate"."""
    translate_into_kazakh(client, site, report)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(report.pk,)), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "data-page-languages" in html
    assert reverse("wagtail_localize:submit_page_translation", args=(report.pk,)) in html
    assert "draft, not published" in html and "not translated" in html
