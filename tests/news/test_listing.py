import datetime

import pytest
from defusedxml import ElementTree as ET
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms_plugins.demo_images import get_or_create_image
from news.models import NEWS_PAGE_SIZE, Category, NewsPage

from .conftest import add_district_page, add_news, build_site, district

MAX_QUERIES = 12


def bulk_news(index, count, image):
    """Many live news items quickly (treebeard's add_child is one item at a time)."""
    codes = ["burli", "taskala", "syrym", "terekti"]
    categories = list(Category.values)
    districts = [district(code) for code in codes]
    links = []
    for number in range(count):
        page = NewsPage(
            title=f"Новость {number}",
            slug=f"item-{number}",
            lead="Коротко о главном.",
            date=datetime.date(2025 + number % 2, 1 + number % 12, 1 + number % 28),
            category=categories[number % len(categories)],
            cover_image=image,
            cover_alt="Фото",
            locale=index.locale,
            last_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        index.add_child(instance=page)
        links.append(NewsPage.districts.through(newspage_id=page.pk, district=districts[number % len(codes)]))
    NewsPage.districts.through.objects.bulk_create(links)


class TestNewsListWithManyItems(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.index = cls.tree["indexes"]["ru"]
        cls.image = get_or_create_image("Фото", seed=3)
        bulk_news(cls.index, 1000, cls.image)

    def setUp(self):
        cache.clear()

    def get(self, query=""):
        return self.client.get(self.index.url + query)

    def test_cold_queries_do_not_depend_on_page_or_filters(self):
        """Protects: no query per item (renditions and districts prefetched)."""
        counts = []
        for query in ("?page=2", "?page=60", "?district=burli&page=3", "?category=grants&year=2025"):
            self.get(query)
            cache.clear()
            with CaptureQueriesContext(connection) as cold:
                self.get(query)
            counts.append(len(cold))
        assert max(counts) - min(counts) <= 1, counts

    def test_filters_narrow_the_list(self):
        """Protects: filtering by district, category and year with plain links."""
        html = self.get("?district=burli&category=district-meeting&year=2025").content.decode()
        expected = NewsPage.objects.live().in_district("burli").in_category("district-meeting").in_year(2025).count()
        assert expected > 0
        assert html.count('class="news-card"') == min(expected, NEWS_PAGE_SIZE)
        assert 'href="?district=burli&amp;category=district-meeting"' in html or "district=burli" in html

    def test_pagination_keeps_filters(self):
        """Protects: page 2 of a filtered list is still filtered."""
        html = self.get("?category=grants").content.decode()
        assert "category=grants&amp;page=2" in html or "category=grants&page=2" in html

    def test_bad_filter_values_are_ignored_not_errors(self):
        """Protects: a mistyped link shows the news, never a 500."""
        for query in ("?district=atlantis", "?year=abc", "?category=<script>", "?page=99999", "?page=-1"):
            assert self.get(query).status_code == 200


@pytest.mark.django_db
def test_new_item_appears_in_cached_list_at_once(client, site):
    """Protects: publishing invalidates the cached list (keyed on the news version)."""
    index = site["indexes"]["ru"]
    add_news(index, "Первая")
    assert "Первая" in client.get(index.url).content.decode()
    add_news(index, "Вторая")
    html = client.get(index.url).content.decode()
    assert "Вторая" in html
    Page.objects.get(title="Вторая").specific.unpublish()
    assert "Вторая" not in client.get(index.url).content.decode()


@pytest.mark.django_db
def test_logged_in_editors_never_get_the_cached_copy(client, site, admin_user):
    """Protects: editors see the current page with their user bar, not an anonymous cached copy."""
    page = add_news(site["indexes"]["ru"], "Новость")
    client.get(page.url)
    client.force_login(admin_user)
    assert "wagtail-userbar" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_feed_per_language_is_valid_rss(client, site):
    """Protects: each language has its own feed that parses as RSS 2.0."""
    add_news(site["indexes"]["ru"], "Русская новость", author_name="Пресс-служба")
    add_news(site["indexes"]["kk"], "Қазақша жаңалық")
    for language, title, absent in (("ru", "Русская новость", "Қазақша"), ("kk", "Қазақша жаңалық", "Русская")):
        response = client.get(f"/{language}/news/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("language") == language
        titles = [item.findtext("title") for item in channel.findall("item")]
        assert titles == [title]
        assert absent not in response.content.decode()
        link = channel.find("item").findtext("link")
        assert link.startswith("http://localhost/" + language + "/news/")


@pytest.mark.django_db
def test_feed_is_linked_from_the_list(client, site):
    """Protects: browsers and readers discover the feed."""
    html = client.get(site["indexes"]["ru"].url).content.decode()
    assert 'type="application/rss+xml"' in html and "/ru/news/feed/" in html


@pytest.mark.django_db
def test_district_link_in_report_goes_to_district_page(client, site):
    """Protects: a report links to the page of the district it is about."""
    add_district_page(site["district_indexes"]["ru"], "burli")
    page = add_news(site["indexes"]["ru"], "Встреча", category="district-meeting", districts=["burli"])
    assert 'href="/ru/districts/burli/"' in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_private_pages_never_leave_the_server_from_cache(client, site):
    """Protects: a news item made private is not served to anonymous readers from the cache."""
    from wagtail.models import PageViewRestriction

    page = add_news(site["indexes"]["ru"], "Скоро закроем")
    assert client.get(page.url).status_code == 200  # now cached
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-pass")
    response = client.get(page.url)
    assert response.status_code == 200 and "Скоро закроем" not in response.content.decode()
    assert "password" in response.content.decode().lower()
