import datetime

import pytest
from django.db.models import OuterRef
from wagtail_localize.models import TranslationSource

from cms_plugins.places.models import District
from news.models import NewsPage

from .conftest import add_news


@pytest.fixture
def translated(site, image, django_capture_on_commit_callbacks):
    source_page = add_news(
        site["indexes"]["ru"],
        "Встреча в Бурлинском районе",
        slug="burli-meeting",
        category="district-meeting",
        districts=["burli", "terekti"],
        image=image,
        date=datetime.date(2026, 4, 2),
        meeting_date=datetime.date(2026, 4, 1),
        participants=34,
    )
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        source.create_or_update_translation(site["locales"]["kk"], publish=True, fallback=True)
    return source_page, NewsPage.objects.get(translation_key=source_page.translation_key, locale=site["locales"]["kk"])


@pytest.mark.django_db
def test_translation_keeps_images_districts_and_dates(translated):
    """Protects: a Kazakh translation made with wagtail-localize shows the same photo, districts and dates."""
    source, kk = translated
    assert kk.cover_image_id == source.cover_image_id
    assert {d.code for d in kk.districts.all()} == {"burli", "terekti"}
    assert (kk.date, kk.meeting_date, kk.participants, kk.category) == (
        source.date,
        source.meeting_date,
        source.participants,
        source.category,
    )


@pytest.mark.django_db
def test_translated_page_names_districts_in_its_language(client, translated):
    """Protects: the Kazakh page says "Бөрлі ауданы", not the Russian name it shares the row with."""
    _, kk = translated
    html = client.get(kk.url).content.decode()
    assert "Бөрлі ауданы" in html and "Бурлинский район" not in html


@pytest.mark.django_db
def test_each_list_names_the_districts_in_its_language(client, site, translated):
    """Protects: a card in the Kazakh list names the item's districts in Kazakh, the Russian
    list in Russian, both in the districts' order (the list reads their codes, not their rows)."""
    kk_list = client.get(site["indexes"]["kk"].url).content.decode()
    ru_list = client.get(site["indexes"]["ru"].url).content.decode()
    assert '<p class="meta">Бөрлі ауданы, Теректі ауданы</p>' in kk_list and "Бурлинский" not in kk_list
    assert '<p class="meta">Бурлинский район, Теректинский район</p>' in ru_list


@pytest.mark.django_db
def test_language_switcher_leads_to_the_translation(client, translated):
    """Protects: a reader switching to Kazakh lands on the same news item."""
    source, kk = translated
    html = client.get(source.url).content.decode()
    assert f'href="{kk.url}" lang="kk"' in html


@pytest.mark.django_db
def test_translation_appears_in_its_own_list_and_feed(client, site, translated):
    """Protects: the Kazakh list and feed show the Kazakh version."""
    _, kk = translated
    assert kk.title in client.get(site["indexes"]["kk"].url).content.decode()
    assert kk.title in client.get("/kk/news/feed/").content.decode()


@pytest.mark.django_db
def test_meeting_counted_once_across_translations(translated):
    """Protects: the map counts a meeting once, not once per language."""
    meetings = NewsPage.objects.live().meeting_count_for(OuterRef("code"))
    districts = District.objects.filter(locale__language_code="ru").annotate(meetings=meetings)
    assert {district.code: district.meetings for district in districts if district.meetings} == {
        "burli": 1,
        "terekti": 1,
    }
