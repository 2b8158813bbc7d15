"""Meeting facts show whenever they are filled, and the meeting's lists reach every view (issue 15)."""

import datetime

import pytest
from defusedxml import ElementTree
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import Category, NewsPage, NewsPageForm

from .conftest import add_district_page, add_news, district


def form(index, **fields):
    data = {
        "title": "Встреча",
        "slug": "meeting",
        "date": "2026-05-02",
        "category": Category.PROGRAMME,
        "lead": "Коротко.",
        "body": streamfield([]),
        "gallery": streamfield([]),
        "villages": streamfield([]),
        "topics": streamfield([]),
        "cover_alt": "",
        "related_links": inline_formset([]),
        "tags": "",
        **fields,
    }
    districts = data.pop("districts", [])
    data = nested_form_data(data)
    data["districts"] = districts
    form_class = NewsPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, NewsPageForm)
    return form_class(data, instance=NewsPage(), parent_page=index, for_user=None)


@pytest.mark.django_db
def test_filled_meeting_facts_make_the_news_a_meeting_report(site):
    """Protects: an editor who fills the meeting's facts but leaves the category gets a meeting report."""
    filled = form(
        site["indexes"]["ru"],
        meeting_date="2026-05-01",
        topics=streamfield([("topic", "Создание НПО")]),
        districts=[district("burli").pk],
    )
    assert filled.is_valid(), filled.errors
    assert filled.cleaned_data["category"] == Category.DISTRICT_MEETING


@pytest.mark.django_db
def test_facts_without_date_or_district_are_named_in_the_form(site):
    """Protects: the form says what a meeting report still needs instead of hiding the facts."""
    half = form(site["indexes"]["ru"], participants="20")
    assert not half.is_valid()
    assert "meeting_date" in half.errors and "districts" in half.errors


@pytest.mark.django_db
def test_plain_news_stays_plain(site):
    """Protects the other way: news without meeting facts keeps its category."""
    plain = form(site["indexes"]["ru"])
    assert plain.is_valid(), plain.errors
    assert plain.cleaned_data["category"] == Category.PROGRAMME


@pytest.mark.django_db
def test_facts_show_on_a_page_whose_category_was_not_set(client, site):
    """Protects: a page saved with facts under another category (before this rule) still shows them."""
    page = add_news(
        site["indexes"]["ru"],
        "Встреча без рубрики",
        category=Category.PROGRAMME,
        participants=12,
        topics=[("topic", "Создание НПО"), ("topic", "Кадры")],
    )
    html = client.get(page.url).content.decode()
    assert 'class="meeting-facts"' in html
    assert '<ul class="topics"><li>Создание НПО</li><li>Кадры</li></ul>' in html
    plain = add_news(site["indexes"]["ru"], "Просто новость", category=Category.PROGRAMME)
    assert 'class="meeting-facts"' not in client.get(plain.url).content.decode()


@pytest.mark.django_db
def test_feed_and_district_page_show_topics_and_villages_as_lists(client, site):
    """Protects: the feed lists the meeting's villages and topics as lists; the district page lists its villages."""
    add_news(
        site["indexes"]["ru"],
        "Встреча в Аксае",
        category=Category.DISTRICT_MEETING,
        districts=["burli"],
        meeting_date=datetime.date(2026, 4, 1),
        topics=[("topic", "Создание НПО"), ("topic", "Написание проектов")],
        villages=[("village", "Аксай"), ("village", "Пугачево")],
    )
    feed = ElementTree.fromstring(client.get("/ru/news/feed/").content)
    description = next(feed.iter("item")).findtext("description")
    assert "<ul><li>Создание НПО</li><li>Написание проектов</li></ul>" in description
    assert "<ul><li>Аксай</li><li>Пугачево</li></ul>" in description
    district_page = add_district_page(site["district_indexes"]["ru"], "burli")
    html = client.get(district_page.url).content.decode()
    assert "<li>Аксай</li><li>Пугачево</li>" in html
