"""Every public page in at most 12 SQL queries with an empty cache, for 10 and for 1,000 news items.

"Cold" is the first reader after a publish: the cache is emptied before the request.
Each page is visited once before (as any page is after its first publish) so that
image renditions and the settings row, written once in a page's life, exist; and
Wagtail's map of site roots (``Site.get_site_root_paths``, one per site, rebuilt only
when a site changes) is read again after emptying, as in tests/grants/test_queries.py.
What a process remembers for its life (locale ids, cms_plugins.locales) stays known.
"""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms_plugins.demo_images import get_or_create_image
from cms_plugins.places.models import District
from home.models import StandardPage
from news.models import Category, NewsPage
from tests.manuals.conftest import add_library, add_manual
from tests.news.conftest import add_district_page, add_news, build_site, publish
from tests.surveys.conftest import add_survey

MAX_QUERIES = 12
HOME_SECTIONS = [
    ("latest_news", {"title": "", "count": 4, "category": ""}),
    ("coverage_map", {"title": "", "show_table": True}),
    ("programme_figures", {"title": ""}),
    ("open_calls", {"title": "", "count": 3}),
    ("upcoming_trainings", {"title": "", "count": 3}),
]
CODES = ["burli", "taskala", "syrym", "terekti"]


def many_news(index, count, image, start=0):
    """Live news items, each with a cover and a district, quicker than publishing each one."""
    districts = {code: District.objects.get(code=code, locale__language_code="ru") for code in CODES}
    links = []
    for number in range(start, start + count):
        page = NewsPage(
            title=f"Новость {number}",
            slug=f"item-{number}",
            lead="Коротко о главном.",
            date=datetime.date(2025, 1 + number % 12, 1 + number % 28),
            category=Category.values[number % len(Category.values)],
            cover_image=image,
            cover_alt="Фото",
            locale=index.locale,
            last_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        index.add_child(instance=page)
        links.append(NewsPage.districts.through(newspage=page, district=districts[CODES[number % len(CODES)]]))
    NewsPage.districts.through.objects.bulk_create(links)


class ColdPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_site()
        cls.index = tree["indexes"]["ru"]
        cls.image = get_or_create_image("Фото", seed=3)
        home = tree["homes"]["ru"]
        home.body = HOME_SECTIONS
        publish(home)
        cls.district_index = tree["district_indexes"]["ru"]
        for code in CODES:
            add_district_page(cls.district_index, code)
        cls.standard = home.add_child(instance=StandardPage(title="О программе", slug="about", intro="Кто мы."))
        publish(cls.standard)
        many_news(cls.index, 9, cls.image)
        cls.report = add_news(
            cls.index,
            "Встреча в Бурли",
            image=cls.image,
            districts=["burli"],
            category=Category.DISTRICT_MEETING,
            meeting_date=datetime.date(2026, 4, 30),
            participants=30,
            date=datetime.date(2026, 5, 2),
        )
        cls.library = add_library(home)
        for number in range(15):
            add_manual(f"Пособие {number}", ("ru", "kk", "en")[number % 3], cover=cls.image)
        cls.survey = add_survey(home)
        cls.urls = {
            "home": "/ru/",
            "news list": cls.index.url,
            "news list, filtered": cls.index.url + "?district=burli&category=district-meeting",
            "news page": cls.report.url,
            "district page": "/ru/districts/burli/",
            "districts map": cls.district_index.url,
            "standard page": cls.standard.url,
            "manuals library": cls.library.url,
            "manuals library, filtered and searched": cls.library.url + "?category=manual&language=ru&q=пособие",
            "survey": cls.survey.url,
            "survey, thanks": cls.survey.url + "thanks/",
        }

    def cold_queries(self, url):
        self.client.get(url)  # renditions and the settings row are written on a page's first view
        cache.clear()
        Site.get_site_root_paths()  # Wagtail's map of site roots, shared by every page (see the docstring)
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # The SQL of each query, cut short, so that a failure shows which query is new.
        return [query["sql"][:160] for query in ctx.captured_queries]

    def assert_every_page_cold_within_limit(self, news_count):
        assert NewsPage.objects.live().count() == news_count
        for name, url in self.urls.items():
            with self.subTest(page=name, news=news_count):
                queries = self.cold_queries(url)
                assert len(queries) <= MAX_QUERIES, "\n".join([f"{name}: {len(queries)} queries", *queries])

    def test_every_public_page_cold_with_10_news_items(self):
        """Protects the first reader after a publish: <= 12 queries on each public page (10 news items)."""
        self.assert_every_page_cold_within_limit(10)

    def test_every_public_page_cold_with_1000_news_items(self):
        """Protects the same when the archive has grown to 1,000 items: no query per item."""
        many_news(self.index, 990, self.image, start=100)
        self.assert_every_page_cold_within_limit(1000)


class ColdTrainingPages(TestCase):
    """The trainings list (filtered, past), an event page with its registration form, the consultation
    form and the calendar feed, with 13 events in four districts and online."""

    cold_queries = ColdPages.cold_queries

    @classmethod
    def setUpTestData(cls):
        from tests.trainings.conftest import add_event, add_index

        tree = build_site()
        trainings = add_index(tree["homes"]["ru"], "ru")
        for number in range(12):
            add_event(
                trainings,
                f"Тренинг {number}",
                days=number - 3,
                sessions=1 + number % 2,
                online=number % 3 == 0,
                code=CODES[number % len(CODES)],
                topics=",project-management,",
                capacity=20,
            )
        event = add_event(trainings, "Вебинар", online=True, kind="webinar", trainers=[("trainer", "А. Ахметова")])
        cls.urls = {
            "trainings list": trainings.url,
            "trainings list, filtered": trainings.url + "?district=burli&topic=project-management&language=kk",
            "past trainings": trainings.url + "past/",
            "training page": event.url,
            "consultation form": trainings.url + "consultation/",
            "trainings calendar": trainings.url + "calendar/",
        }

    def test_every_trainings_page_cold_within_limit(self):
        """Protects the first reader of the trainings pages: <= 12 queries each, none per event."""
        for name, url in self.urls.items():
            with self.subTest(page=name):
                queries = self.cold_queries(url)
                assert len(queries) <= MAX_QUERIES, "\n".join([f"{name}: {len(queries)} queries", *queries])
