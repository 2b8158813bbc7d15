"""Pages: where they may be created, and that each renders in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from surveys.models import SurveyPage

LANGUAGES = ["kk", "ru", "en"]


class TestPageRules(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        """Editors cannot nest a home page inside the site."""
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, SurveyPage})  # a section may hold a survey

    def test_standard_page_under_home_or_standard(self):
        """About, contacts and privacy pages live under the home page or each other."""
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})


@pytest.mark.django_db
class TestEditorCreatesPage(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(instance=HomePage(title="Главная", slug="home-test"))

    def setUp(self):
        self.login()

    def test_editor_creates_a_standard_page_with_blocks(self):
        """The admin's create form accepts a page with text and key figures."""
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Методические пособия",
                    "slug": "manuals",
                    "intro": "Пособия для НПО.",
                    "body": streamfield(
                        [
                            ("rich_text", rich_text("<p>Скачайте пособие.</p>")),
                            (
                                "key_figures",
                                {"title": "", "figures": streamfield([("item", {"value": "3", "label": "пособия"})])},
                            ),
                        ]
                    ),
                }
            ),
        )

    def test_image_without_description_is_refused(self):
        """An image block needs alt text unless the editor marks it decorative."""
        from wagtail.blocks import StructBlockValidationError

        from cms_plugins.blocks.blocks import ImageBlock

        block = ImageBlock()
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({"image": None, "alt": "", "decorative": False, "caption": ""}))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", ["", "about/", "contacts/", "privacy/"])
def test_every_demo_page_renders_in_every_language(client, demo, language, slug):
    """Each page type answers 200 in kk, ru and en with the page's own title in that language."""
    response = client.get(f"/{language}/{slug}")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.locale.language_code == language
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert page.title in html


def test_root_sends_visitor_to_their_browser_language(client, demo):
    """A Kazakh-speaking browser opening / lands on /kk/."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk,ru;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"


def test_switcher_leads_to_the_same_page_in_another_language(client, demo):
    """On the Russian about page the switcher links to the Kazakh and English about pages."""
    html = client.get("/ru/about/").content.decode()
    assert 'href="/kk/about/" lang="kk"' in html
    assert 'href="/en/about/" lang="en"' in html
    assert 'href="/ru/about/" lang="ru" hreflang="ru" aria-current="true"' in html


def test_switcher_falls_back_to_nearest_translated_ancestor(client, demo):
    """A page not yet translated into Kazakh leads Kazakh readers to the Kazakh parent."""
    about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    only_ru = about.add_child(instance=StandardPage(title="Только по-русски", slug="only-ru"))
    only_ru.save_revision().publish()
    html = client.get("/ru/about/only-ru/").content.decode()
    assert 'href="/kk/about/" lang="kk"' in html


def test_demo_content_is_idempotent(demo):
    """Running load_demo again leaves one copy of each page."""
    from django.core.management import call_command

    before = Page.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == before
    assert HomePage.objects.filter(locale=Locale.get_default()).count() == 1


def test_home_page_queries_do_not_grow_with_content(client, demo):
    """Home renders in a constant, small number of SQL queries."""
    client.get("/ru/")  # warm caches that are filled once per process
    with CaptureQueriesContext(connection) as first:
        assert client.get("/ru/").status_code == 200
    home = HomePage.objects.get(locale__language_code="ru")
    for number in range(5):
        home.add_child(instance=StandardPage(title=f"Страница {number}", slug=f"extra-{number}", show_in_menus=True))
    with CaptureQueriesContext(connection) as second:
        assert client.get("/ru/").status_code == 200
    assert len(first) <= 12, [q["sql"] for q in first.captured_queries]
    assert len(second) == len(first)


def test_footer_shows_organisation_and_social_links(client, demo):
    """Visitors find who runs the site and how to reach it, in their language."""
    html = client.get("/kk/").content.decode()
    assert "БСН 940140000385" in html
    assert "+7 7112 51 23 45" in html
    assert "https://t.me/auyl_example" in html
    assert "Орал қ." in html
    assert '<a href="/kk/privacy/">Дербес деректерді өңдеу саясаты</a>' in html


def test_switcher_keeps_the_sub_path_of_a_routable_page(rf, demo):
    """On a form step or a filtered list, switching language stays on the same step."""
    from django.utils import translation

    from home.templatetags.site_tags import translated_urls

    about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    request = rf.get("/ru/about/apply/budget/")
    with translation.override("ru"):
        urls = translated_urls(about, request)
    assert urls["kk"] == "/kk/about/apply/budget/"
    assert urls["en"] == "/en/about/apply/budget/"
