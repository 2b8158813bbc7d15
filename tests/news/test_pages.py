import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import DistrictIndexPage, DistrictPage, HomePage
from news.models import Category, NewsIndexPage, NewsPage, NewsPageForm

from .conftest import add_news, build_site, district


class TestPageTreeRules(WagtailPageTestCase):
    def test_news_page_lives_only_in_a_news_index(self):
        """Protects: news items cannot be scattered around the site."""
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})

    def test_news_index_sits_under_home_and_holds_only_news(self):
        """Protects: one news list per language, directly under its home page."""
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_district_pages_live_under_the_district_index(self):
        """Protects: district pages form one list the map links into."""
        self.assertAllowedParentPageTypes(DistrictPage, {DistrictIndexPage})
        self.assertAllowedSubpageTypes(DistrictIndexPage, {DistrictPage})
        self.assertAllowedParentPageTypes(DistrictIndexPage, {HomePage})


class TestEditorCreatesMeetingReport(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.index = cls.tree["indexes"]["ru"]

    def setUp(self):
        self.login()

    def form(self, **overrides):
        data = {
            "title": "Встреча в Бурлинском районе",
            "slug": "burli-visit",
            "date": "2026-05-02",
            "category": Category.DISTRICT_MEETING,
            "lead": "Жители обсудили создание НПО.",
            "body": streamfield([("rich_text", rich_text("<p>Текст отчёта.</p>"))]),
            "gallery": streamfield([]),
            "meeting_date": "2026-05-01",
            "villages": streamfield([("village", "Аксай"), ("village", "Пугачево")]),
            "participants": "34",
            "topics": streamfield([("topic", "Создание НПО"), ("topic", "Написание проектов")]),
            "cover_alt": "",
            "related_links": inline_formset([]),
            "tags": "",
        }
        districts = overrides.pop("districts", [district("burli").pk])
        data = nested_form_data({**data, **overrides})
        data["districts"] = districts
        return data

    def test_editor_creates_a_meeting_report_with_all_its_fields(self):
        """Protects: the admin form saves every field of a district-meeting report."""
        self.assertCanCreate(self.index, NewsPage, self.form())
        page = NewsPage.objects.get(slug="burli-visit")
        assert page.participants == 34
        assert page.meeting_date == datetime.date(2026, 5, 1)
        assert [d.code for d in page.districts.all()] == ["burli"]
        assert page.topic_list() == ["Создание НПО", "Написание проектов"]
        assert page.village_list() == ["Аксай", "Пугачево"]

    def test_meeting_report_without_date_or_district_is_refused(self):
        """Protects: a meeting report always says when and where, named in the error."""
        form_class = NewsPage.get_edit_handler().get_form_class()
        form = form_class(
            self.form(meeting_date="", districts=[]), instance=NewsPage(), parent_page=self.index, for_user=None
        )
        assert issubclass(form_class, NewsPageForm)
        assert not form.is_valid()
        assert "meeting_date" in form.errors
        assert "districts" in form.errors

    def test_district_choices_are_in_the_page_language(self):
        """Protects: editors pick from 13 districts, not 39 rows in three languages."""
        form_class = NewsPage.get_edit_handler().get_form_class()
        form = form_class(instance=NewsPage(), parent_page=self.index, for_user=None)
        assert form.fields["districts"].queryset.count() == 13


@pytest.mark.django_db
def test_cover_image_needs_a_description(site, image):
    """Protects: every cover photo has alternative text."""
    page = NewsPage(title="x", slug="x", lead="y", cover_image=image, cover_alt=" ")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "cover_alt" in error.value.message_dict


@pytest.mark.django_db
def test_meeting_date_cannot_be_in_the_future(site):
    """Protects: a report is about a meeting that happened."""
    page = NewsPage(title="x", slug="x", lead="y", meeting_date=datetime.date.today() + datetime.timedelta(days=10))
    with pytest.raises(ValidationError):
        page.clean()


@pytest.mark.django_db
def test_news_page_shows_meeting_facts_byline_source_and_related(client, site, image):
    """Protects: a reader sees when/where the meeting was, who wrote it, the source and related news."""
    index = site["indexes"]["ru"]
    other = add_news(index, "Конкурс объявлен", category=Category.GRANTS)
    page = add_news(
        index,
        "Встреча в Таскале",
        category=Category.DISTRICT_MEETING,
        districts=["taskala"],
        image=image,
        meeting_date=datetime.date(2026, 4, 30),
        participants=27,
        villages=[("village", "Таскала"), ("village", "Мерей")],
        topics=[("topic", "Создание НПО")],
        author_name="Айгерим Н.",
        source_name="Приуралье",
        source_url="https://example.org/article",
    )
    page.related_links.create(related=other)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<ul class="inline-list"><li>Таскала</li><li>Мерей</li></ul>' in html
    for text in ("27", "Айгерим Н.", "Приуралье", "Конкурс объявлен", "Таскалинский район"):
        assert text in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_news_page_has_sharing_meta_share_links_and_print_styles(client, site, image):
    """Protects: a shared link shows title and cover; Telegram and WhatsApp links work without scripts."""
    page = add_news(site["indexes"]["ru"], "Новость с фото", image=image)
    html = client.get(page.url).content.decode()
    assert 'property="og:image" content="http://testserver/' in html
    assert 'name="twitter:card" content="summary_large_image"' in html
    assert "https://t.me/share/url?url=http%3A%2F%2Flocalhost%2Fru%2Fnews%2F" in html
    assert "https://wa.me/?text=" in html
    assert "<script" not in html
    assert 'type="image/webp"' in html and "srcset=" in html


@pytest.mark.django_db
def test_news_in_sitemap(client, site):
    """Protects: search engines find every published news item, and no draft."""
    live = add_news(site["indexes"]["ru"], "Опубликовано", slug="published-item")
    draft = add_news(site["indexes"]["ru"], "Черновик", slug="draft-item", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://localhost/ru/news/{live.slug}/" in xml
    assert draft.slug not in xml


@pytest.mark.django_db
def test_draft_news_is_not_served(client, site):
    """Protects: unpublished reports stay private."""
    draft = add_news(site["indexes"]["ru"], "Черновик", live=False)
    assert client.get("/ru/news/" + draft.slug + "/").status_code == 404
    assert Page.objects.get(pk=draft.pk).live is False
